import Synchronization

/// Counters for the Prometheus exposition at `/metrics`: requests by route and status, a
/// latency histogram, and whatever gauges the owner registers (open connections, cache hits).
public final class Metrics: Sendable {
    static let bucketBounds: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]

    private struct RouteStatus: Hashable {
        var route: String
        var status: Int
    }

    private struct State {
        var requests: [RouteStatus: Int] = [:]
        var buckets = [Int](repeating: 0, count: Metrics.bucketBounds.count)
        var count = 0
        var sum = 0.0
    }

    private let state = Mutex(State())
    private let gauges = Mutex<[(name: String, help: String, read: @Sendable () -> Double)]>([])

    public init() {}

    public func record(route: String, status: Int, seconds: Double) {
        state.withLock { s in
            // A struct key, not a formatted label string: this runs for every request, and the
            // labels are only formatted when /metrics is read.
            s.requests[RouteStatus(route: route, status: status), default: 0] += 1
            for (i, bound) in Self.bucketBounds.enumerated() where seconds <= bound { s.buckets[i] += 1 }
            s.count += 1
            s.sum += seconds
        }
    }

    public func addGauge(_ name: String, help: String, _ read: @escaping @Sendable () -> Double) {
        gauges.withLock { $0.append((name: name, help: help, read: read)) }
    }

    static func format(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(v)
    }

    /// Text exposition format 0.0.4.
    public func exposition() -> String {
        let s = state.withLock { $0 }
        var out = "# HELP dxserve_http_requests_total Requests answered, by route and status.\n"
        out += "# TYPE dxserve_http_requests_total counter\n"
        let rows = s.requests.map { (label: "route=\"\($0.key.route)\",status=\"\($0.key.status)\"", count: $0.value) }
        for row in rows.sorted(by: { $0.label < $1.label }) {
            out += "dxserve_http_requests_total{\(row.label)} \(row.count)\n"
        }
        out += "# HELP dxserve_http_request_duration_seconds Time from a complete request to its response.\n"
        out += "# TYPE dxserve_http_request_duration_seconds histogram\n"
        for (i, bound) in Self.bucketBounds.enumerated() {
            out += "dxserve_http_request_duration_seconds_bucket{le=\"\(bound)\"} \(s.buckets[i])\n"
        }
        out += "dxserve_http_request_duration_seconds_bucket{le=\"+Inf\"} \(s.count)\n"
        out += "dxserve_http_request_duration_seconds_sum \(s.sum)\n"
        out += "dxserve_http_request_duration_seconds_count \(s.count)\n"
        for gauge in gauges.withLock({ $0 }) {
            out += "# HELP \(gauge.name) \(gauge.help)\n# TYPE \(gauge.name) gauge\n\(gauge.name) \(Self.format(gauge.read()))\n"
        }
        return out
    }
}

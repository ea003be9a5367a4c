import Synchronization

/// Counters for the Prometheus exposition at `/metrics`: requests by route and status, a
/// latency histogram, and whatever families the owner registers (open connections as a gauge,
/// cache hits and timeouts as counters), each read through a callback when `/metrics` is read.
public final class Metrics: Sendable {
    static let bucketBounds: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]

    /// The Prometheus metric type a registered family is declared with (`# TYPE`).
    public enum Kind: String, Sendable {
        /// A value that only ever grows (until restart); its name ends in `_total`.
        case counter
        /// A value that goes up and down, read as it is now.
        case gauge
    }

    /// One line of a family: its label pairs (name, value), in order, and its value.
    public struct Sample: Sendable {
        public var labels: [(name: String, value: String)]
        public var value: Double

        public init(labels: [(name: String, value: String)] = [], value: Double) {
            self.labels = labels
            self.value = value
        }
    }

    private struct Family: Sendable {
        var name: String
        var help: String
        var kind: Kind
        var read: @Sendable () -> [Sample]
    }

    private struct RouteStatus: Hashable {
        var route: String
        var status: Int
    }

    /// The requests answered on one route with one status. Looked up once (under a lock) and
    /// then counted with atomics, so a hot path that keeps it takes no lock per request.
    public final class RequestSeries: Sendable {
        fileprivate let count = Atomic<Int>(0)
        fileprivate init() {}
    }

    private final class AtomicCount: Sendable {
        let value = Atomic<Int>(0)
    }

    private let series = Mutex<[RouteStatus: RequestSeries]>([:])
    /// Per bucket, not cumulative (the exposition sums them): one increment per request.
    private let buckets: [AtomicCount] = (0...Metrics.bucketBounds.count).map { _ in AtomicCount() }
    private let requestCount = Atomic<Int>(0)
    private let nanosecondsSum = Atomic<UInt64>(0)
    private let families = Mutex<[Family]>([])

    public init() {}

    /// The series of `route` (a low-cardinality pattern) and `status`, made on first use.
    public func series(route: String, status: Int) -> RequestSeries {
        let key = RouteStatus(route: route, status: status)
        return series.withLock { all in
            if let existing = all[key] { return existing }
            let made = RequestSeries()
            all[key] = made
            return made
        }
    }

    public func record(route: String, status: Int, seconds: Double) {
        let nanoseconds = seconds.isFinite && seconds > 0 ? UInt64(min(seconds, 1e9) * 1e9) : 0
        record(series(route: route, status: status), nanoseconds: nanoseconds)
    }

    public func record(_ series: RequestSeries, nanoseconds: UInt64) {
        series.count.add(1, ordering: .relaxed)
        let seconds = Double(nanoseconds) / 1e9
        var bucket = Self.bucketBounds.count
        for (i, bound) in Self.bucketBounds.enumerated() where seconds <= bound {
            bucket = i
            break
        }
        buckets[bucket].value.add(1, ordering: .relaxed)
        requestCount.add(1, ordering: .relaxed)
        nanosecondsSum.add(nanoseconds, ordering: .relaxed)
    }

    /// A value that goes up and down (open connections), read when `/metrics` is read.
    public func addGauge(_ name: String, help: String, _ read: @escaping @Sendable () -> Double) {
        add(Family(name: name, help: help, kind: .gauge, read: { [Sample(value: read())] }))
    }

    /// A monotonic count (`name` should end in `_total`), read when `/metrics` is read.
    public func addCounter(_ name: String, help: String, _ read: @escaping @Sendable () -> Double) {
        add(Family(name: name, help: help, kind: .counter, read: { [Sample(value: read())] }))
    }

    /// A family with labelled samples, such as `dxserve_request_timeouts_total{reason="body_rate"}`.
    public func add(_ name: String, kind: Kind, help: String, samples: @escaping @Sendable () -> [Sample]) {
        add(Family(name: name, help: help, kind: kind, read: samples))
    }

    private func add(_ family: Family) {
        families.withLock { $0.append(family) }
    }

    static func format(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(v)
    }

    /// Label values escaped as the text format requires: backslash, double quote, line feed.
    static func escape(_ value: String) -> String {
        var out = ""
        for c in value {
            switch c {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.append(c)
            }
        }
        return out
    }

    /// Text exposition format 0.0.4.
    public func exposition() -> String {
        var out = "# HELP dxserve_http_requests_total Requests answered, by route and status.\n"
        out += "# TYPE dxserve_http_requests_total counter\n"
        let rows = series.withLock { $0 }.map {
            (label: "route=\"\(Self.escape($0.key.route))\",status=\"\($0.key.status)\"", count: $0.value.count.load(ordering: .relaxed))
        }
        for row in rows.sorted(by: { $0.label < $1.label }) {
            out += "dxserve_http_requests_total{\(row.label)} \(row.count)\n"
        }
        out += "# HELP dxserve_http_request_duration_seconds Time from a complete request to its response.\n"
        out += "# TYPE dxserve_http_request_duration_seconds histogram\n"
        var cumulative = 0
        for (i, bound) in Self.bucketBounds.enumerated() {
            cumulative += buckets[i].value.load(ordering: .relaxed)
            out += "dxserve_http_request_duration_seconds_bucket{le=\"\(bound)\"} \(cumulative)\n"
        }
        cumulative += buckets[Self.bucketBounds.count].value.load(ordering: .relaxed)
        // Read apart from the buckets without a lock: +Inf and _count use the bucket total, so
        // the histogram stays consistent even while requests are being counted.
        out += "dxserve_http_request_duration_seconds_bucket{le=\"+Inf\"} \(cumulative)\n"
        out += "dxserve_http_request_duration_seconds_sum \(Double(nanosecondsSum.load(ordering: .relaxed)) / 1e9)\n"
        out += "dxserve_http_request_duration_seconds_count \(cumulative)\n"
        for family in families.withLock({ $0 }) {
            out += "# HELP \(family.name) \(family.help)\n# TYPE \(family.name) \(family.kind.rawValue)\n"
            for sample in family.read() {
                out += family.name
                if !sample.labels.isEmpty {
                    out += "{" + sample.labels.map { "\($0.name)=\"\(Self.escape($0.value))\"" }.joined(separator: ",") + "}"
                }
                out += " \(Self.format(sample.value))\n"
            }
        }
        return out
    }
}

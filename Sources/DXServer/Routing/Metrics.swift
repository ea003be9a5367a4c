import Prometheus
import DXSync
import Synchronization

/// `/metrics`, rendered by swift-prometheus's `PrometheusCollectorRegistry` (text format 0.0.4):
/// requests by route and status and their latency histogram, the database write latency, and
/// whatever families the owner registers (open connections as a gauge, cache hits and timeouts
/// as counters), each read through a callback when `/metrics` is read.
///
/// The hot path stays as cheap as before: a request's count is the registry's own `Counter`
/// (one relaxed atomic add, as the hand-written counters were), looked up once per route and
/// status and then kept. Counts the engine keeps in its own atomics are copied into registry
/// counters and gauges at scrape time, so no loop thread ever waits on the registry.
/// The one exception is the request-latency histogram: the registry's `Histogram.record` takes
/// a lock per observation (`make profile`: 9,143 → 9,493 instructions per request with it) and
/// a registry histogram cannot be given counts made elsewhere, so its buckets stay per-bucket
/// atomics and its lines are appended to the registry's text in the same format.
public final class Metrics: Sendable {
    /// Seconds; the buckets `/metrics` has always had (dashboards use them).
    static let bucketBounds: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]
    /// Seconds from a write's start to its commit (including waiting for the group commit).
    static let writeBucketBounds: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]

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

    /// The requests answered on one route with one status: the registry's counter, looked up
    /// once (under a lock) and then kept by the hot path, which takes no lock per request.
    public final class RequestSeries: Sendable {
        fileprivate let counter: Counter
        fileprivate init(counter: Counter) { self.counter = counter }
    }

    private final class AtomicCount: Sendable {
        let value = Atomic<Int>(0)
    }

    private let registry = PrometheusCollectorRegistry()
    private let series = Locked<[RouteStatus: RequestSeries]>([:])
    /// Per bucket, not cumulative (the exposition sums them): one increment per request.
    private let buckets: [AtomicCount] = (0...Metrics.bucketBounds.count).map { _ in AtomicCount() }
    private let nanosecondsSum = Atomic<UInt64>(0)
    private let writeDuration: ValueHistogram
    private let families = Locked<[Family]>([])
    /// Held through a scrape: copying a callback's value is `reset` then `increment`, which two
    /// scrapes at once must not interleave.
    /// Also keeps each family's label names as first seen: the registry stops the process on a
    /// family with two label sets, so a sample with another set is left out instead.
    private let scrape = Locked<[String: [String]]>([:])

    public init() {
        writeDuration = registry.makeValueHistogram(
            descriptor: Self.name("dxserve_db_write_duration_seconds",
                                  help: "Time from a database write's start to its commit, waiting for the group commit included."),
            buckets: Self.writeBucketBounds)
        registry.makeGauge(descriptor: Self.name("dxserve_build_info", help: "Always 1; the labels say which build is running."),
                           labels: [("version", BuildInfo.version), ("swift", BuildInfo.swift)]).set(to: 1.0)
    }

    /// The series of `route` (a low-cardinality pattern) and `status`, made on first use.
    public func series(route: String, status: Int) -> RequestSeries {
        let key = RouteStatus(route: route, status: status)
        return series.withLock { all in
            if let existing = all[key] { return existing }
            let made = RequestSeries(counter: registry.makeCounter(
                descriptor: Self.name("dxserve_http_requests_total", help: "Requests answered, by route and status."),
                labels: [("route", route), ("status", String(status))]))
            all[key] = made
            return made
        }
    }

    public func record(route: String, status: Int, seconds: Double) {
        let nanoseconds = seconds.isFinite && seconds > 0 ? UInt64(min(seconds, 1e9) * 1e9) : 0
        record(series(route: route, status: status), nanoseconds: nanoseconds)
    }

    public func record(_ series: RequestSeries, nanoseconds: UInt64) {
        series.counter.increment()
        let seconds = Double(nanoseconds) / 1e9
        var bucket = Self.bucketBounds.count
        for (i, bound) in Self.bucketBounds.enumerated() where seconds <= bound {
            bucket = i
            break
        }
        buckets[bucket].value.add(1, ordering: .relaxed)
        nanosecondsSum.add(nanoseconds, ordering: .relaxed)
    }

    /// One database write took `seconds` (`DatabasePool.observeWrites`).
    public func recordWrite(seconds: Double) {
        writeDuration.record(seconds.isFinite && seconds > 0 ? seconds : 0)
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

    /// A name registered twice keeps its first registration: the registry stops the process
    /// on one name with two types or two label sets, which a registration mistake must not do.
    private func add(_ family: Family) {
        families.withLock { all in
            guard !all.contains(where: { $0.name == family.name }) else { return }
            all.append(family)
        }
    }

    /// The whole name as the metric name (no unit part: our names already end in theirs).
    private static func name(_ name: String, help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(metricName: name, unitName: "", helpText: help)
    }

    private func makeCounter(_ family: Family, _ labels: [(String, String)]) -> Counter {
        labels.isEmpty ? registry.makeCounter(descriptor: Self.name(family.name, help: family.help))
            : registry.makeCounter(descriptor: Self.name(family.name, help: family.help), labels: labels)
    }

    /// Text exposition format 0.0.4, from the registry after copying every callback's value in.
    public func exposition() -> String {
        scrape.withLock { labelNames in
            for family in families.withLock({ $0 }) {
                for sample in family.read() {
                    let names = sample.labels.map(\.name)
                    if let known = labelNames[family.name], known != names { continue }
                    labelNames[family.name] = names
                    let labels = sample.labels.map { ($0.name, $0.value) }
                    switch family.kind {
                    case .counter:
                        let counter = makeCounter(family, labels)
                        counter.reset()
                        if sample.value == sample.value.rounded(), abs(sample.value) < 9e18 {
                            counter.increment(by: Int64(sample.value))
                        } else if sample.value.isFinite, sample.value > 0 {
                            counter.increment(by: sample.value)
                        }
                    case .gauge:
                        (labels.isEmpty ? registry.makeGauge(descriptor: Self.name(family.name, help: family.help))
                            : registry.makeGauge(descriptor: Self.name(family.name, help: family.help), labels: labels)).set(sample.value)
                    }
                }
            }
            var text = registry.emitToString()
            appendRequestDuration(to: &text)
            return text
        }
    }

    /// `dxserve_http_request_duration_seconds` from the atomics, in the registry's format.
    private func appendRequestDuration(to out: inout String) {
        out += "# HELP dxserve_http_request_duration_seconds Time from a complete request to its response.\n"
        out += "# TYPE dxserve_http_request_duration_seconds histogram\n"
        var cumulative = 0
        for (i, bound) in Self.bucketBounds.enumerated() {
            cumulative += buckets[i].value.load(ordering: .relaxed)
            out += "dxserve_http_request_duration_seconds_bucket{le=\"\(bound)\"} \(cumulative)\n"
        }
        cumulative += buckets[Self.bucketBounds.count].value.load(ordering: .relaxed)
        // +Inf and _count are the bucket total, read once: consistent while requests are counted.
        out += "dxserve_http_request_duration_seconds_bucket{le=\"+Inf\"} \(cumulative)\n"
        out += "dxserve_http_request_duration_seconds_sum \(Double(nanosecondsSum.load(ordering: .relaxed)) / 1e9)\n"
        out += "dxserve_http_request_duration_seconds_count \(cumulative)\n"
    }
}

import DXCore
@testable import DXServer
import Foundation
import Glibc
import Testing

/// The families issue 11 added to `/metrics` (rendered by swift-prometheus's registry): each
/// appears, and moves when what it counts happens.
@Suite struct MetricsFamiliesTests {
    static func value(_ text: String, _ series: String) -> Double? {
        text.split(separator: "\n").first { $0.hasPrefix(series + " ") }.flatMap { Double($0.split(separator: " ").last ?? "") }
    }

    @Test func buildInfoIsOneWithVersionAndSwiftLabels() {
        let text = Metrics().exposition()
        #expect(text.contains("# TYPE dxserve_build_info gauge"))
        #expect(Self.value(text, "dxserve_build_info{version=\"\(BuildInfo.version)\",swift=\"\(BuildInfo.swift)\"}") == 1)
    }

    @Test func databaseWriteLatencyCountsEveryWrite() throws {
        try withMigratedContext { context in
            let metrics = Metrics()
            _ = APIRouter.make(context: context, metrics: metrics)
            let before = Self.value(metrics.exposition(), "dxserve_db_write_duration_seconds_count") ?? 0
            for _ in 0..<3 { try context.pool.write { _ in } }
            let text = metrics.exposition()
            #expect(text.contains("# TYPE dxserve_db_write_duration_seconds histogram"))
            #expect(Self.value(text, "dxserve_db_write_duration_seconds_count") == before + 3)
            #expect(Self.value(text, "dxserve_db_write_duration_seconds_bucket{le=\"+Inf\"}") == before + 3)
            #expect((Self.value(text, "dxserve_db_write_duration_seconds_sum") ?? 0) > 0)
        }
    }

    @Test func aHeaderTimeoutIs408AndCountedByReason() throws {
        try withTestServer(configure: { $0.headerTimeout = 0.2 }) { server in
            let metrics = Metrics()
            server.server.registerMetrics(on: metrics)
            #expect(Self.value(metrics.exposition(), "dxserve_request_timeouts_total{reason=\"header\"}") == 0)
            let client = try server.connect()
            try client.write("GET / HTTP/1.1\r\nHost: x\r\n")
            #expect(try client.readResponse(timeout: 5)?.status == 408)
            #expect(Self.value(metrics.exposition(), "dxserve_request_timeouts_total{reason=\"header\"}") == 1)
        }
    }

    @Test func requestsAndTheirLatencyMoveTogether() throws {
        let metrics = Metrics()
        metrics.record(route: "/a", status: 200, seconds: 0.003)
        metrics.record(route: "/a", status: 200, seconds: 3)
        let text = metrics.exposition()
        #expect(Self.value(text, "dxserve_http_requests_total{route=\"/a\",status=\"200\"}") == 2)
        #expect(Self.value(text, "dxserve_http_request_duration_seconds_bucket{le=\"0.005\"}") == 1)
        #expect(Self.value(text, "dxserve_http_request_duration_seconds_bucket{le=\"2.5\"}") == 1)
        #expect(Self.value(text, "dxserve_http_request_duration_seconds_count") == 2)
    }

    @Test func aCallbackCounterFollowsItsSourceAcrossScrapes() {
        let metrics = Metrics()
        let count = FailureCount()
        metrics.addCounter("x_failures_total", help: "h") { Double(count.value) }
        #expect(Self.value(metrics.exposition(), "x_failures_total") == 0)
        count.add()
        count.add()
        #expect(Self.value(metrics.exposition(), "x_failures_total") == 2)
        #expect(Self.value(metrics.exposition(), "x_failures_total") == 2)
    }

    @Test func aFamilyRegisteredTwiceOrWithTwoLabelSetsDoesNotStopTheProcess() {
        let metrics = Metrics()
        metrics.addCounter("y_total", help: "first") { 1 }
        metrics.add("y_total", kind: .gauge, help: "second") { [Metrics.Sample(labels: [("a", "b")], value: 2)] }
        metrics.add("z_total", kind: .counter, help: "mixed") {
            [Metrics.Sample(labels: [("a", "1")], value: 1), Metrics.Sample(value: 5)]
        }
        let text = metrics.exposition()
        #expect(Self.value(text, "y_total") == 1)
        #expect(Self.value(text, "z_total{a=\"1\"}") == 1)
        #expect(Self.value(text, "z_total") == nil)
    }

    /// The executable's wiring: every family the issue asks for is on a live /metrics.
    @Test func theServedMetricsHaveEveryNewFamily() throws {
        let server = try ServerProcess(arguments: ["--db", tempDatabasePath()])
        let client = try RawClient(port: server.port)
        try client.write("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n")
        let text = try #require(try client.readResponse()).text
        for family in ["dxserve_build_info gauge", "dxserve_db_write_duration_seconds histogram",
                       "dxserve_access_log_dropped_lines_total counter", "dxserve_connections_evicted_total counter",
                       "dxserve_request_timeouts_total counter", "dxserve_rate_limited_requests_total counter",
                       "dxserve_event_loop_errors_total counter", "dxserve_signal_pipe_failures_total counter",
                       "dxserve_replica_refresh_failures_total counter", "dxserve_http_request_duration_seconds histogram"] {
            #expect(text.contains("# TYPE \(family)\n"), "\(family)")
        }
        server.signal(SIGTERM)
        #expect(server.waitForExit() == 0)
    }
}

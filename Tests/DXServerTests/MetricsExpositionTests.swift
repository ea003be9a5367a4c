import DXServer
import Foundation
import Glibc
import Testing

/// The `/metrics` text as Prometheus tooling reads it (promtool's rules, in unit form).
@Suite struct MetricsExpositionTests {
    /// The families and their `# TYPE` in an exposition.
    static func declaredTypes(_ text: String) -> [String: String] {
        var types: [String: String] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("# TYPE ") {
            let parts = line.split(separator: " ")
            if parts.count == 4 { types[String(parts[2])] = String(parts[3]) }
        }
        return types
    }

    /// Everything the executable registers, wired the way `dxserve serve` wires it.
    static func servedExposition() throws -> String {
        let metrics = Metrics()
        var router = Router()
        TestRoutes.register(&router)
        let service = HTTPService(router: router, metrics: metrics)
        let server = HTTPServer(configuration: ServerConfiguration(), responder: service)
        server.registerMetrics(on: metrics)
        _ = service.respond(to: HTTPRequest(head: HTTPRequestHead(
            method: "GET", target: "/healthz", path: "/healthz", query: nil, version: .http11, headers: HTTPHeaders(), framing: .none)))
        return metrics.exposition()
    }

    @Test func everyTotalFamilyIsTypeCounter() throws {
        let types = Self.declaredTypes(try Self.servedExposition())
        let totals = types.filter { $0.key.hasSuffix("_total") }
        #expect(totals.count >= 7, "the engine's and the cache's counters are all registered: \(types)")
        for (name, type) in totals {
            #expect(type == "counter", "\(name) is declared \(type)")
        }
    }

    @Test func everyCounterIsNamedTotal() throws {
        for (name, type) in Self.declaredTypes(try Self.servedExposition()) where type == "counter" {
            #expect(name.hasSuffix("_total"), "\(name)")
        }
    }

    @Test func everySampleBelongsToADeclaredFamily() throws {
        let text = try Self.servedExposition()
        let types = Self.declaredTypes(text)
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let name = String(line.prefix { $0 != "{" && $0 != " " })
            let family = ["_bucket", "_sum", "_count"].reduce(name) { name, suffix in
                types[name] == nil && name.hasSuffix(suffix) ? String(name.dropLast(suffix.count)) : name
            }
            #expect(types[family] != nil, "\(line)")
        }
    }

    @Test func timeoutsAreCountedByReason() throws {
        let text = try Self.servedExposition()
        for reason in ["header", "body", "body_rate"] {
            #expect(text.contains("dxserve_request_timeouts_total{reason=\"\(reason)\"} 0\n"))
        }
        #expect(text.contains("dxserve_connections_evicted_total 0\n"))
    }

    /// The executable's own wiring, read off a live /metrics (what promtool reads in CI).
    @Test func theServedMetricsDeclareEveryTotalFamilyACounter() throws {
        let server = try ServerProcess(arguments: ["--db", tempDatabasePath()])
        let client = try RawClient(port: server.port)
        try client.write("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n")
        let types = Self.declaredTypes(try #require(try client.readResponse()).text)
        #expect(types["dxserve_response_cache_hits_total"] == "counter")
        #expect(types["dxserve_accept_failures_total"] == "counter")
        #expect(types["dxserve_connections_evicted_total"] == "counter")
        #expect(types["dxserve_request_timeouts_total"] == "counter")
        for (name, type) in types {
            #expect(name.hasSuffix("_total") == (type == "counter"), "\(name) is \(type)")
        }
        server.signal(SIGTERM)
        #expect(server.waitForExit() == 0)
    }

    @Test func labelValuesAreEscaped() {
        let metrics = Metrics()
        metrics.add("x_total", kind: .counter, help: "h") { [Metrics.Sample(labels: [("call", "a\"b\\c\nd")], value: 1)] }
        #expect(metrics.exposition().contains(#"x_total{call="a\"b\\c\nd"} 1"#))
    }
}

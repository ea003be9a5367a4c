import DXServer
import Foundation
import Glibc
import Testing

/// A minimum request-body data rate after a grace period (as Kestrel's MinRequestBodyDataRate):
/// a body trickling in below it is answered 408 and the connection closed, long before the
/// body timeout.
@Suite struct ServerBodyRateTests {
    static func configure(_ config: inout ServerConfiguration) {
        config.minBodyRate = 50
        config.bodyRateGrace = 0.3
        config.bodyTimeout = 30
    }

    @Test func aBodyBelowTheMinimumRateAfterTheGraceIs408AndClosed() throws {
        try withTestServer(configure: Self.configure) { server in
            let client = try server.connect()
            try client.write("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n")
            // One byte per 100 ms is 10 B/s, a fifth of the minimum; stop at the first answer.
            var sent = 0
            var response: RawResponse?
            while response == nil && sent < 100 {
                if (try? client.write("a")) == nil { break }
                sent += 1
                response = try client.readResponse(timeout: 0.1)
            }
            if response == nil { response = try client.readResponse(timeout: 2) }
            let answer = try #require(response)
            #expect(answer.status == 408)
            #expect(answer.header("Content-Type")?.hasPrefix("application/problem+json") == true)
            #expect(answer.closesConnection)
            #expect(sent < 100, "answered well before the 30 s body timeout, after \(sent) bytes")
            #expect(client.waitForClose(timeout: 5))
            #expect(server.server.statistics.timeoutCount(.bodyRate) == 1)
            #expect(server.server.statistics.timeoutCount(.body) == 0)
        }
    }

    @Test func aBodyAboveTheMinimumRateIsServed() throws {
        try withTestServer(configure: Self.configure) { server in
            let client = try server.connect()
            try client.write("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 200\r\n\r\n")
            // 20 bytes per 100 ms is 200 B/s, four times the minimum.
            for _ in 0..<10 {
                try client.write(String(repeating: "b", count: 20))
                usleep(100_000)
            }
            let response = try #require(try client.readResponse(timeout: 5))
            #expect(response.status == 200)
            #expect(response.body.count == 200)
            #expect(server.server.statistics.timeoutCount(.bodyRate) == 0)
        }
    }

    @Test func aZeroMinimumRateDisablesTheCheck() throws {
        try withTestServer(configure: { Self.configure(&$0); $0.minBodyRate = 0 }) { server in
            let client = try server.connect()
            try client.write("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 6\r\n\r\n")
            for byte in "slowly" {
                try client.write(String(byte))
                usleep(150_000)
            }
            let response = try #require(try client.readResponse(timeout: 5))
            #expect(response.status == 200)
            #expect(response.text == "slowly")
        }
    }

    @Test func bodyRateTimeoutsAreInMetrics() throws {
        try withTestServer(configure: Self.configure) { server in
            let metrics = Metrics()
            server.server.registerMetrics(on: metrics)
            let client = try server.connect()
            try client.write("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nab")
            #expect(try client.readResponse(timeout: 5)?.status == 408)
            #expect(metrics.exposition().contains("dxserve_request_timeouts_total{reason=\"body_rate\"} 1\n"))
        }
    }
}

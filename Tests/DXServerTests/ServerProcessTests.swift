import Foundation
import Glibc
import Testing

/// The executable as an operator runs it.
@Suite struct ServerProcessTests {
    @Test func portZeroPrintsTheBoundPortAndSigtermExitsZero() throws {
        let server = try ServerProcess(arguments: ["--db", tempDatabasePath()])
        #expect(server.firstLine == "listening on http://127.0.0.1:\(server.port)")
        let response = try RawClient(port: server.port)
        try response.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try response.readResponse()?.status == 200)
        server.signal(SIGTERM)
        #expect(server.waitForExit() == 0)
        // The access log was flushed at shutdown, one structured line per request.
        #expect(server.stderrText.contains("method=GET path=/healthz status=200"))
    }

    @Test func theAccessLogNeverHoldsATokenOrAQueryString() throws {
        let server = try ServerProcess(arguments: ["--db", tempDatabasePath()])
        let client = try RawClient(port: server.port)
        try client.write("POST /api/v1/projects?q=%E5%80%8B%E4%BA%BA HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer dxt_secret-token-value\r\nContent-Length: 2\r\n\r\n{}")
        #expect(try client.readResponse() != nil)
        server.signal(SIGTERM)
        #expect(server.waitForExit() == 0)
        let log = server.stderrText
        #expect(log.contains("method=POST path=/api/v1/projects status="))
        #expect(!log.contains("dxt_secret-token-value"))
        #expect(!log.contains("Bearer"))
        #expect(!log.contains("%E5%80%8B") && !log.contains("個人"))
    }

    @Test func ipv6LoopbackIsServed() throws {
        let server = try ServerProcess(arguments: ["--host", "::1", "--db", tempDatabasePath()])
        #expect(server.firstLine == "listening on http://[::1]:\(server.port)")
        server.signal(SIGINT)
        #expect(server.waitForExit() == 0)
    }

    @Test func runningOutOfDescriptorsNeitherCrashesNorSpins() throws {
        let server = try ServerProcess(arguments: ["--db", tempDatabasePath()], shellPrefix: "ulimit -n 48")
        var crowd: [RawClient] = []
        for _ in 0..<80 {
            if let client = try? RawClient(port: server.port) { crowd.append(client) }
        }
        usleep(300_000)
        let before = server.cpuSeconds
        usleep(1_000_000)
        let spent = server.cpuSeconds - before
        #expect(server.process.isRunning)
        #expect(spent < 0.5, "the accept loop must back off, not spin, on EMFILE")
        crowd.removeAll()
        var answered = false
        let deadline = Date().addingTimeInterval(5)
        while !answered && Date() < deadline {
            if let client = try? RawClient(port: server.port) {
                try? client.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
                answered = (try? client.readResponse(timeout: 1))??.status == 200
            }
        }
        #expect(answered)
        let metrics = try RawClient(port: server.port)
        try metrics.write("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n")
        let text = try #require(try metrics.readResponse()).text
        let failures = text.split(separator: "\n").first { $0.hasPrefix("dxserve_accept_failures_total ") }
        #expect(failures != nil && failures != "dxserve_accept_failures_total 0", "the limit was really reached")
        server.signal(SIGTERM)
        #expect(server.waitForExit() == 0)
    }
}

func tempDatabasePath() -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dxserve-test-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir.appendingPathComponent("dx.sqlite").path
}

import Foundation
import Glibc
import Testing

/// `dxserve serve --log-format json`: everything the server writes to stderr (start-up, drain,
/// access log, replayed answers included) is one JSON object per line.
@Suite struct JSONLogProcessTests {
    @Test func withLogFormatJSONEveryStderrLineIsAJSONObject() throws {
        let database = tempDatabasePath()
        let server = try ServerProcess(arguments: ["--db", database, "--log-format", "json"])
        let client = try RawClient(port: server.port)
        // The same request twice: the second is answered from the replay cache (its own prefix).
        for _ in 0..<2 {
            // A tab, quotes, a backslash and obs-text bytes that are not UTF-8 (RFC 9110 section 5.5 allows them).
            try client.write(Array("GET /api/v1/measures HTTP/1.1\r\nHost: x\r\nUser-Agent: probe\t\"quoted\" \\ ".utf8) + [0xFF, 0xE9] + Array("\r\n\r\n".utf8))
            #expect(try client.readResponse() != nil)
        }
        server.signal(SIGTERM)
        #expect(server.waitForExit() == 0)
        let lines = server.stderrText.split(separator: "\n").map(String.init)
        var objects: [[String: Any]] = []
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object != nil, "not a JSON object: \(line)")
            if let object { objects.append(object) }
        }
        let started = try #require(objects.first { $0["message"] as? String == "listening" })
        #expect(started["level"] as? String == "info")
        #expect(started["database"] as? String == database)
        #expect(started["mode"] as? String == "primary")
        #expect(started["version"] as? String != nil)
        #expect((started["migrations_applied"] as? [String])?.isEmpty == false)
        #expect(objects.contains { $0["message"] as? String == "draining" })
        #expect(objects.contains { $0["message"] as? String == "stopped" })
        let access = objects.filter { $0["path"] as? String == "/api/v1/measures" }
        #expect(access.count == 2)
        #expect(access.allSatisfy { ($0["user_agent"] as? String)?.hasPrefix("probe\t\"quoted\" \\ ") == true && $0["status"] as? Int == 200 })
    }

    @Test func aStartThatFailsUnderJSONLogFormatSaysSoInOneJSONLine() throws {
        // The port is taken by a listener of our own, so the bind fails.
        let taken = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(taken) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(taken, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        try #require(bound == 0 && listen(taken, 1) == 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(taken, $0, &length) }
        }
        let port = Int(UInt16(bigEndian: address.sin_port))
        let result = try runDXServe(["serve", "--db", tempDatabasePath(), "--host", "127.0.0.1", "--port", String(port), "--log-format", "json"])
        #expect(result.status != 0)
        let lines = result.err.split(separator: "\n").map(String.init)
        #expect(!lines.isEmpty)
        for line in lines {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) is [String: Any], "not JSON: \(line)")
        }
        let last = try #require(lines.last.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] })
        #expect(last["message"] as? String == "start failed")
        #expect((last["error"] as? String)?.contains("\(port)") == true)
    }

    @Test func anUnknownLogFormatOrLevelIsRefusedAtStart() throws {
        for arguments in [["--log-format", "xml"], ["--log-level", "loud"]] {
            #expect(throws: (any Error).self) { try ServerProcess(arguments: ["--db", tempDatabasePath()] + arguments) }
        }
    }
}

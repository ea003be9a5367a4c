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

    @Test func anUnknownLogFormatOrLevelIsRefusedAtStart() throws {
        for arguments in [["--log-format", "xml"], ["--log-level", "loud"]] {
            #expect(throws: (any Error).self) { try ServerProcess(arguments: ["--db", tempDatabasePath()] + arguments) }
        }
    }
}

import Foundation
import Glibc
import Testing

/// `dxserve serve` as an operator runs it, in each `--log-format`: the start, drain and stop
/// records and the access lines carry the same fields in text and in JSON, and in JSON every
/// count and port is a number (issue 11 review).
@Suite struct LogFormatProcessTests {
    @Test func startDrainAndAccessRecordsCarryTheSameFieldsInBothFormats() throws {
        let database = tempDatabasePath()
        var records: [String: [String: [String: Any]]] = [:]
        for format in ["text", "json"] {
            let server = try ServerProcess(arguments: ["--db", database, "--log-format", format])
            let client = try RawClient(port: server.port)
            try client.write("GET /healthz HTTP/1.1\r\nHost: x\r\nUser-Agent: probe/1 (\"q\")\r\nX-Request-Id: fixed-1\r\n\r\n")
            #expect(try client.readResponse()?.status == 200)
            // Keeps a connection open, so the drain has one to count.
            server.signal(SIGTERM)
            #expect(server.waitForExit() == 0)
            var byMessage: [String: [String: Any]] = [:]
            for line in server.stderrText.split(separator: "\n").map(String.init) {
                let fields = try format == "json" ? LogLine.json(line) : LogLine.text(line)
                let key = fields["message"] as? String ?? (fields["path"] as? String).map { "access \($0)" } ?? line
                byMessage[key] = fields
            }
            _ = client
            records[format] = byMessage
            let listening = try #require(byMessage["listening"], "\(format): \(server.stderrText)")
            #expect(listening["port"] as? Int == server.port)
            let draining = try #require(byMessage["draining"])
            #expect(draining["open_connections"] as? Int == 1)
            if format == "json" { #expect(!(draining["open_connections"] is String)) }
        }
        let text = try #require(records["text"]), json = try #require(records["json"])
        #expect(Set(text.keys) == Set(json.keys))
        for (message, fields) in text {
            let other = try #require(json[message])
            // The migrations were applied by the first (text) run only; each run has its own
            // port (checked above) and durations.
            let ignored: Set<String> = ["migrations_applied", "duration_ms", "port", "address"]
            #expect(Set(fields.keys) == Set(other.keys), "\(message)")
            #expect(LogLine.sameContent(fields.filter { !ignored.contains($0.key) }, other.filter { !ignored.contains($0.key) }),
                    "\(message): text \(fields)\njson \(other)")
        }
        #expect(text["access /healthz"]?["user_agent"] as? String == "probe/1 (\"q\")")
    }

    @Test func aStartThatFailsIsOneRecordWithTheSameFieldsInBothFormats() throws {
        // An existing file that is not a database: the start fails before it listens.
        let path = tempDatabasePath()
        try Data("not a database".utf8).write(to: URL(fileURLWithPath: path))
        var last: [String: [String: Any]] = [:]
        for format in ["text", "json"] {
            let result = try runDXServe(["serve", "--db", path, "--port", "0", "--log-format", format])
            #expect(result.status != 0)
            let lines = result.err.split(separator: "\n").map(String.init)
            #expect(lines.count == 1, "\(lines)")
            last[format] = try lines.last.map { try format == "json" ? LogLine.json($0) : LogLine.text($0) }
        }
        let text = try #require(last["text"]), json = try #require(last["json"])
        #expect(text["message"] as? String == "start failed" && text["level"] as? String == "critical")
        #expect(LogLine.sameContent(text, json), "text \(text)\njson \(json)")
    }
}

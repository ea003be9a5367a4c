@testable import DXEngine
import DXHTTP
import Foundation
import Glibc
import Testing

/// `--log-format json`: one JSON object per line whatever the client sent in its target or
/// user agent (quotes, backslashes, control characters, bytes that are not UTF-8).
@Suite struct AccessLogJSONTests {
    static let hostile: [String] = [
        "/a\"b\\c",
        "/line\nbreak\r\tand\u{0}nul\u{7F}del\u{1B}[31m",
        String(decoding: [0x2F, 0xC3, 0x28, 0xFF, 0xFE, 0x80, 0x61], as: UTF8.self),
        "/日本語/\u{2028}\u{2029}",
        "\"},{\"status\":500,\"x\":\"",
    ]

    @Test func jsonStringEscapingRoundTripsHostileInput() throws {
        for value in Self.hostile {
            var out: [UInt8] = []
            AccessLog.appendJSONString(value, to: &out)
            #expect(!out.contains(0x0A) && !out.contains(0x0D) && !out.contains(0x00))
            let parsed = try JSONSerialization.jsonObject(with: Data(out), options: [.fragmentsAllowed]) as? String
            #expect(parsed == value)
        }
    }

    /// A user agent's NEL, line/paragraph separators and bidi overrides are legal raw in JSON,
    /// but `splitlines`, some viewers and terminals obey them: a log line would break or show
    /// its fields reordered. They are written `\uXXXX`, in both formats, and parse back.
    @Test func logStringsEscapeLineSeparatorsC1AndBidiControls() throws {
        let value = "a\u{85}b\u{2028}c\u{2029}d\u{202E}e\u{2066}f\u{9B}g 日本語 👨‍👩‍👧 \u{200E}"
        var json: [UInt8] = []
        AccessLog.appendJSONString(value, to: &json)
        var text: [UInt8] = []
        AccessLog.appendTextValue(value, to: &text)
        for out in [json, text] {
            let written = String(decoding: out, as: UTF8.self)
            #expect(written == #""a\u0085b\u2028c\u2029d\u202ee\u2066f\u009bg 日本語 👨‍👩‍👧 \#u{200E}""#)
            let parsed = try JSONSerialization.jsonObject(with: Data(out), options: [.fragmentsAllowed]) as? String
            #expect(parsed == value)
        }
    }

    @Test func everyJSONLineParsesWithItsFieldsEvenWithHostileTargetsAndUserAgents() throws {
        let lines = try Self.lines { log in
            for (n, value) in Self.hostile.enumerated() {
                log.record(method: "GET", path: value, status: 200 + n, bytes: n, durationNanoseconds: 1_234_567,
                           requestID: "r\(n)", client: IPAddress(parsing: "192.0.2.77"), userAgent: value)
            }
            log.record(method: "POST", path: "/", status: 400, bytes: 0, durationNanoseconds: 0, requestID: nil)
        }
        #expect(lines.count == Self.hostile.count + 1)
        for (n, line) in lines.enumerated() {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            if n < Self.hostile.count {
                #expect(object["path"] as? String == Self.hostile[n])
                #expect(object["user_agent"] as? String == Self.hostile[n])
                #expect(object["status"] as? Int == 200 + n)
                #expect(object["bytes"] as? Int == n)
                #expect(object["duration_ms"] as? Double == 1.234)
                #expect(object["request_id"] as? String == "r\(n)")
                #expect(object["client"] as? String == "192.0.2.0")
                #expect(object["method"] as? String == "GET")
            } else {
                #expect(object["client"] is NSNull && object["user_agent"] is NSNull && object["request_id"] is NSNull)
            }
            let time = try #require(object["time"] as? String)
            #expect(time.count == 24 && time.hasSuffix("Z"))
        }
    }

    @Test func jsonKeysComeInTheDocumentedOrder() throws {
        let line = try #require(try Self.lines { log in
            log.record(method: "GET", path: "/", status: 200, bytes: 1, durationNanoseconds: 1, requestID: "r", userAgent: "ua")
        }.first)
        let keys = ["time", "client", "method", "path", "status", "bytes", "user_agent", "duration_ms", "request_id"]
        let positions = keys.map { line.range(of: "\"\($0)\":")?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
    }

    @Test func textLinesCarryTheUserAgentAsJSONLinesDo() throws {
        let lines = try Self.lines(format: .text) { log in
            log.record(method: "GET", path: "/x", status: 200, bytes: 1, durationNanoseconds: 2_000_000, requestID: "r", userAgent: "curl/8.5.0")
            log.record(method: "GET", path: "/x", status: 200, bytes: 1, durationNanoseconds: 2_000_000, requestID: "r", userAgent: "Mozilla/5.0 (X11) \"q\"\n")
            log.record(method: "GET", path: "/x", status: 200, bytes: 1, durationNanoseconds: 2_000_000, requestID: "r", userAgent: "-")
            log.record(method: "GET", path: "/x", status: 200, bytes: 1, durationNanoseconds: 2_000_000, requestID: "r")
        }
        #expect(lines.count == 4)
        #expect(lines[0].hasSuffix(" client=- method=GET path=/x status=200 bytes=1 user_agent=curl/8.5.0 duration_ms=2.000 request_id=r"))
        // Spaces, quotes and a newline: quoted and escaped, the line stays one line.
        #expect(lines[1].contains(#" user_agent="Mozilla/5.0 (X11) \"q\"\n" duration_ms="#))
        // A user agent that is literally "-" is not mistaken for none.
        #expect(lines[2].contains(#" user_agent="-" duration_ms="#))
        #expect(lines[3].contains(" user_agent=- duration_ms="))
    }

    static func lines(format: AccessLogFormat = .json, _ body: (AccessLog) throws -> Void) throws -> [String] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("access-\(UUID().uuidString).log").path
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        #expect(fd >= 0)
        defer { close(fd); unlink(path) }
        let log = AccessLog(fd: fd, format: format)
        try body(log)
        log.flush()
        return try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    }
}

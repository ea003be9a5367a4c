@testable import DXServer
@testable import DXEngine
import DXHTTP
import Foundation
import Glibc
import Testing

/// Requests refused on a real socket are logged with what the connection and the head know
/// (issue 11 review): the peer, truncated as on every line, even before a head was parsed;
/// the method and path of a head refused before its body; the same fields in both formats.
@Suite struct AccessLogRefusalLiveTests {
    static func admin(_ router: inout Router) {
        TestRoutes.register(&router)
        router.add("POST", "/admin", options: .write) { _ in HTTPResponse(status: 204, contentType: "text/plain", body: []) }
    }

    /// The request line itself is refused: no method or path, but always the peer.
    @Test(arguments: [
        ("GARBAGE\r\n\r\n", 400),
        ("GET /" + String(repeating: "a", count: 9000) + " HTTP/1.1\r\nHost: a\r\n\r\n", 414),
        ("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", 0),
    ])
    func aRequestRefusedBeforeItsHeadLogsItsPeerTruncated(raw: String, status: Int) throws {
        for format in AccessLogFormat.allCases {
            for full in [false, true] {
                let (response, fields) = try Self.exchange(raw, format: format, fullAddresses: full)
                if status != 0 { #expect(response.status == status) }
                #expect(fields["status"] as? Int == response.status)
                #expect(fields["client"] as? String == (full ? "127.0.0.1" : "127.0.0.0"), "\(format) \(fields)")
                #expect(fields["method"] is NSNull && fields["path"] is NSNull)
            }
        }
    }

    /// Refused once the request line was read (431 for the header section, 408 while it
    /// arrives): its method and path as well as its peer.
    @Test func aHeadRefusedMidwayLogsPeerMethodAndPath() throws {
        for format in AccessLogFormat.allCases {
            let big = "GET /items/7 HTTP/1.1\r\nHost: a\r\nX-Big: " + String(repeating: "v", count: 40_000) + "\r\n\r\n"
            let (tooLarge, fields) = try Self.exchange(big, format: format)
            #expect(tooLarge.status == 431)
            #expect(fields["client"] as? String == "127.0.0.0" && fields["method"] as? String == "GET" && fields["path"] as? String == "/items/7")

            let (late, lateFields) = try Self.exchange("POST /echo HTTP/1.1\r\nHost: a\r\nUser-Agent: slow-probe\r\n", format: format,
                                                      configure: { $0.headerTimeout = 0.3 })
            #expect(late.status == 408)
            #expect(lateFields["client"] as? String == "127.0.0.0" && lateFields["method"] as? String == "POST" && lateFields["path"] as? String == "/echo")
            // What was read of the head counts too: the user agent it sent before stalling.
            #expect(lateFields["user_agent"] as? String == "slow-probe")
        }
    }

    /// `Expect: 100-continue` answered from the head before its body, on every early path:
    /// the parser's 413 for an announced length over the limit, the screening's 405, the
    /// route's 401 without a token, each with the head's method and path.
    @Test(arguments: [
        ("POST /echo?x=1 HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 99999999\r\n\r\n", 413, "POST", "/echo"),
        ("PUT /healthz HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n", 405, "PUT", "/healthz"),
        ("POST /admin HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Type: application/json\r\nContent-Length: 5\r\n\r\n", 401, "POST", "/admin"),
    ])
    func anEarlyAnswerToAHeadLogsItsMethodAndPath(raw: String, status: Int, method: String, path: String) throws {
        for format in AccessLogFormat.allCases {
            let (response, fields) = try Self.exchange(raw, format: format, routes: Self.admin)
            #expect(response.status == status)
            #expect(fields["status"] as? Int == status)
            #expect(fields["method"] as? String == method && fields["path"] as? String == path, "\(format) \(fields)")
            #expect(fields["client"] as? String == "127.0.0.0")
            #expect(fields["request_id"] as? String == response.header("X-Request-Id"))
        }
    }

    /// The same exchange logged in each format gives the same fields and values.
    @Test(arguments: [
        "GET /items/7 HTTP/1.1\r\nHost: a\r\nUser-Agent: Mozilla/5.0 (X11; Linux x86_64) \"q\"\r\nX-Request-Id: abc-123\r\n\r\n",
        "GARBAGE\r\n\r\n",
        "POST /echo HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 99999999\r\n\r\n",
    ])
    func textAndJSONAccessLinesCarryTheSameFields(raw: String) throws {
        let (_, text) = try Self.exchange(raw, format: .text)
        let (_, json) = try Self.exchange(raw, format: .json)
        #expect(LogLine.sameContent(text.filter { $0.key != "request_id" && $0.key != "duration_ms" },
                                    json.filter { $0.key != "request_id" && $0.key != "duration_ms" }),
                "text \(text)\njson \(json)")
        #expect(Set(text.keys) == Set(json.keys))
    }

    /// Sends `raw` on a fresh connection to a server logging in `format`, reads the answer,
    /// and returns it with the one access-log line it produced, parsed.
    static func exchange(_ raw: String, format: AccessLogFormat, fullAddresses: Bool = false,
                         configure: (inout ServerConfiguration) -> Void = { _ in },
                         routes: (inout Router) -> Void = TestRoutes.register) throws -> (RawResponse, [String: Any]) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("access-\(UUID().uuidString).log").path
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        #expect(fd >= 0)
        defer { close(fd); unlink(path) }
        let log = AccessLog(fd: fd, fullAddresses: fullAddresses, format: format)
        let response = try withTestServer(configure: configure, routes: routes, accessLog: log) { server in
            try server.send(raw, timeout: 5)
        }
        log.flush()
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.count == 1, "\(lines)")
        let line = try #require(lines.first)
        return (response, try format == .json ? LogLine.json(line) : LogLine.text(line))
    }
}

import Foundation
import Testing

/// A problem the engine answers (the request could not be framed) names the request's path as
/// sent in `instance`, as every other problem does, once the request line was read; before
/// that there is no path to name and `instance` is left out.
@Suite struct EngineProblemInstanceTests {
    /// The problem document of the engine's answer to `raw`, sent on a fresh connection.
    static func problem(_ raw: String, server: TestServerHandle) throws -> (status: Int, members: [String: Any]) {
        let client = try server.connect()
        try client.write(raw)
        let response = try #require(try client.readResponse(timeout: 3))
        #expect(response.header("Content-Type")?.hasPrefix("application/problem+json") == true, "\(raw)")
        return (response.status, try #require(try response.json() as? [String: Any]))
    }

    /// A request the engine cannot frame, after its request line: the path as sent, without
    /// the query, is the problem's `instance`.
    @Test(arguments: [
        ("bad chunk size", "POST /echo%20x?q=1 HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "/echo%20x"),
        ("bad Content-Length", "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1, 2\r\n\r\n", "/echo"),
        ("missing Host", "GET /a/b?x=y HTTP/1.1\r\n\r\n", "/a/b"),
    ])
    func anEngineProblemNamesThePathAsSentInInstance(_ defect: String, raw: String, instance: String) throws {
        try withTestServer { server in
            let answer = try Self.problem(raw, server: server)
            #expect(answer.status == 400, "\(defect)")
            #expect(answer.members["instance"] as? String == instance, "\(defect)")
        }
    }

    @Test func aRefusedRequestLineProblemHasNoInstance() throws {
        try withTestServer { server in
            for raw in ["CONNECT example.com:443 HTTP/1.1\r\nHost: example.com\r\n\r\n", "GET /a b HTTP/1.1\r\nHost: x\r\n\r\n"] {
                let answer = try Self.problem(raw, server: server)
                #expect(answer.status >= 400 && answer.status < 500, "\(raw)")
                #expect(answer.members["instance"] == nil, "\(raw)")
                #expect(answer.members["status"] as? Int == answer.status)
            }
        }
    }
}

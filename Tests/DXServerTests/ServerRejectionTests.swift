import DXServer
import Foundation
import Testing

/// Each framing defect of RFC 9112 §6.3 and §11 gets its status as problem+json, and the
/// connection is closed, because the byte stream can no longer be trusted.
@Suite struct ServerRejectionTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let raw: String
        let status: Int
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "Content-Length with Transfer-Encoding", raw: "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", status: 400),
        Case(name: "conflicting Content-Length", raw: "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!", status: 400),
        Case(name: "invalid chunk size", raw: "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n", status: 400),
        Case(name: "obs-fold", raw: "GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: a\r\n b\r\n\r\n", status: 400),
        Case(name: "whitespace before colon", raw: "GET /healthz HTTP/1.1\r\nHost : x\r\n\r\n", status: 400),
        Case(name: "control character in field value", raw: "GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: a\u{01}b\r\n\r\n", status: 400),
        Case(name: "control character in target", raw: "GET /heal\u{7F}thz HTTP/1.1\r\nHost: x\r\n\r\n", status: 400),
        Case(name: "chunked not final", raw: "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, identity\r\n\r\n0\r\n\r\n", status: 400),
        Case(name: "unknown transfer coding", raw: "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n", status: 501),
        Case(name: "missing Host", raw: "GET /healthz HTTP/1.1\r\n\r\n", status: 400),
        Case(name: "HTTP/2 preface", raw: "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", status: 505),
    ]

    @Test(arguments: cases)
    func defectIsRefusedAndConnectionClosed(_ c: Case) throws {
        try withTestServer { server in
            let client = try server.connect()
            try client.write(c.raw)
            let response = try #require(try client.readResponse())
            #expect(response.status == c.status)
            #expect(response.header("Content-Type") == "application/problem+json; charset=utf-8")
            let problem = try #require(try response.json() as? [String: Any])
            #expect(problem["status"] as? Int == c.status)
            #expect(problem["title"] is String && problem["detail"] is String && problem["type"] is String)
            #expect(response.closesConnection)
            #expect(client.waitForClose())
        }
    }

    @Test func requestLineOverTheLimitIs414() throws {
        try withTestServer(configure: { $0.limits.maxRequestLine = 256 }) { server in
            let response = try server.send("GET /" + String(repeating: "a", count: 300) + " HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(response.status == 414)
        }
    }

    @Test func headerSectionOverTheLimitIs431() throws {
        try withTestServer(configure: { $0.limits.maxHeaderSection = 1024 }) { server in
            let response = try server.send("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + String(repeating: "b", count: 2000) + "\r\n\r\n")
            #expect(response.status == 431)
        }
    }

    @Test func tooManyHeaderFieldsIs431() throws {
        try withTestServer(configure: { $0.limits.maxHeaderFields = 10 }) { server in
            let fields = (0..<20).map { "X-\($0): v\r\n" }.joined()
            let response = try server.send("GET /healthz HTTP/1.1\r\nHost: x\r\n" + fields + "\r\n")
            #expect(response.status == 431)
        }
    }

    @Test func bodyOverTheLimitIs413WithoutReadingIt() throws {
        try withTestServer(configure: { $0.limits.maxBody = 100 }) { server in
            let client = try server.connect()
            try client.write("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n")
            let response = try #require(try client.readResponse())
            #expect(response.status == 413)
            #expect(client.waitForClose())
        }
    }

    @Test func chunkedBodyGrowingOverTheLimitIs413() throws {
        try withTestServer(configure: { $0.limits.maxBody = 100 }) { server in
            let chunk = "40\r\n" + String(repeating: "z", count: 64) + "\r\n"
            let response = try server.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" + chunk + chunk + "0\r\n\r\n")
            #expect(response.status == 413)
        }
    }

    // MARK: Routing answers: no connection is involved, so in-process

    @Test func unknownPathIs404ProblemJSON() throws {
        try withTestService { server in
            let response = try server.send("GET /nowhere HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(response.status == 404)
            #expect(response.header("Content-Type") == "application/problem+json; charset=utf-8")
            let problem = try #require(try response.json() as? [String: Any])
            #expect(problem["status"] as? Int == 404)
        }
    }

    @Test func wrongMethodIs405WithAllow() throws {
        try withTestService { server in
            // PUT exists (on /echo) but not here: 405. A method no route has would be 501.
            let response = try server.send("PUT /items/1 HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")
            #expect(response.status == 405)
            #expect(response.header("Allow") == "GET, HEAD, OPTIONS")
            #expect(response.header("Content-Type") == "application/problem+json; charset=utf-8")
        }
    }

    @Test func handlerErrorBecomesItsProblem() throws {
        try withTestService { server in
            let response = try server.send("GET /items/0 HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(response.status == 404)
            let problem = try #require(try response.json() as? [String: Any])
            #expect(problem["detail"] as? String == "No item 0.")
        }
    }

    @Test func malformedQueryIs400() throws {
        try withTestService { server in
            let response = try server.send("GET /query?q=%E8%BE HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(response.status == 400)
        }
    }
}

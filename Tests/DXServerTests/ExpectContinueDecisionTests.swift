import DXCore
@testable import DXServer
import Testing

/// What the service decides about an `Expect: 100-continue` head before its body (RFC 9110
/// §10.1.1): every refusal the whole request would get from its head is the final answer at
/// once, on the loop thread when the head alone tells and on a worker when a token must be
/// looked up; only a request that could succeed is asked for its body.
@Suite struct ExpectContinueDecisionTests {
    static func head(_ method: String, _ target: String, _ headers: [(String, String)]) throws -> HTTPRequestHead {
        var raw = "\(method) \(target) HTTP/1.1\r\nHost: localhost\r\nExpect: 100-continue\r\n"
        for (name, value) in headers { raw += "\(name): \(value)\r\n" }
        raw += "Content-Length: 2\r\n\r\n"
        var parser = HTTPParser()
        parser.append(Array(raw.utf8))
        guard case var .head(head)? = try parser.next() else { throw RawClientError.malformed("no head event") }
        head.peer = IPAddress(parsing: "198.51.100.4")
        return head
    }

    /// The final answer the engine sends for `head`: the loop thread's refusal, else the
    /// worker's; nil when the body is asked for.
    static func answer(_ api: InProcessAPI, _ head: HTTPRequestHead) -> HTTPResponse? {
        switch api.service.continueDecision(head: head) {
        case .refuse(let response): return response
        case .proceed: return nil
        case .checkOnWorker: return api.service.responseBeforeBody(head: head)
        }
    }

    static func isChecked(onWorker decision: ContinueDecision) -> Bool {
        if case .checkOnWorker = decision { return true }
        return false
    }

    static let json = ("Content-Type", "application/json")

    @Test func aWrongTokenIs401BeforeTheBodyAndCountsAsAFailure() throws {
        try withAPIService(abuse: try AbuseLimitTests.limits(failures: 2)) { api in
            let head = try Self.head("POST", "/api/v1/projects", [("Authorization", "Bearer dxt_wrong"), Self.json])
            #expect(Self.isChecked(onWorker: api.service.continueDecision(head: head)), "a loop thread never reads the token table")
            let refused = try #require(api.service.responseBeforeBody(head: head))
            #expect(refused.status == 401)
            #expect(refused.headers["WWW-Authenticate"]?.contains("invalid_token") == true)
            #expect(refused.headers["Content-Type"]?.hasPrefix("application/problem+json") == true)
            // Two failures reach the limit: the third attempt is 429 on the loop thread, before
            // any body, and a whole request from the same client is 429 too.
            _ = api.service.responseBeforeBody(head: head)
            guard case .refuse(let limited) = api.service.continueDecision(head: head) else {
                Issue.record("a client over the limit must be refused before its body"); return
            }
            #expect(limited.status == 429)
            #expect(limited.headers["Retry-After"] != nil)
            let whole = try AbuseLimitTests.create(api.from("198.51.100.4"), token: "dxt_wrong")
            #expect(whole.status == 429)
            #expect(api.service.metrics.exposition().contains("dxserve_rate_limited_requests_total{reason=\"auth_failures\"} 2"))
        }
    }

    @Test func aRevokedTokenIs401BeforeTheBody() throws {
        try withAPIService { api in
            let token = try api.adminToken("leaving")
            try api.context.auth.tokens.revoke(name: "leaving")
            let head = try Self.head("PATCH", "/api/v1/projects/1", [("Authorization", "Bearer \(token)"), Self.json])
            #expect(Self.answer(api, head)?.status == 401)
        }
    }

    @Test func aValidTokenIsAskedForItsBody() throws {
        try withAPIService { api in
            let token = try api.adminToken()
            for (method, target) in [("POST", "/api/v1/projects"), ("PATCH", "/api/v1/projects/1"), ("POST", "/api/v1/surveys"),
                                     ("PUT", "/api/v1/projects/1/budget/2023")] {
                let head = try Self.head(method, target, [("Authorization", "Bearer \(token)"), Self.json])
                #expect(Self.isChecked(onWorker: api.service.continueDecision(head: head)))
                #expect(api.service.responseBeforeBody(head: head) == nil, "\(method) \(target)")
            }
        }
    }

    @Test func conflictingContentTypesAre400BeforeTheBody() throws {
        try withAPIService { api in
            let head = try Self.head("POST", "/api/v1/projects", [("Authorization", "Bearer x"), Self.json, ("Content-Type", "text/plain")])
            guard case .refuse(let response) = api.service.continueDecision(head: head) else {
                Issue.record("a conflicting singleton is decided by the head"); return
            }
            #expect(response.status == 400)
        }
    }

    @Test func aMediaTypeOrCharsetThatIsNotUTF8JSONIs415BeforeTheBody() throws {
        try withAPIService { api in
            let token = try api.adminToken()
            for type in ["text/plain", "application/json; charset=iso-8859-1", "application/json;charset=\"utf-16\"", "application/xml"] {
                let head = try Self.head("POST", "/api/v1/projects", [("Authorization", "Bearer \(token)"), ("Content-Type", type)])
                #expect(Self.answer(api, head)?.status == 415, "\(type)")
            }
            for type in ["application/json; charset=utf-8", "application/json;charset=\"UTF-8\"", "application/merge-patch+json"] {
                let head = try Self.head("PATCH", "/api/v1/projects/1", [("Authorization", "Bearer \(token)"), ("Content-Type", type)])
                #expect(Self.answer(api, head) == nil, "\(type)")
            }
        }
    }

    @Test func aJSONBodyDeclaredInAnotherCharsetIs415() throws {
        try withAPIService { api in
            let token = try api.adminToken()
            for target in ["/api/v1/projects", "/api/v1/surveys", "/api/v1/projects/1/kpis"] {
                let response = try api.request("POST", target, headers: [("Authorization", "Bearer \(token)"), ("Content-Type", "application/json; charset=shift_jis")],
                                               body: Array("{}".utf8))
                #expect(response.status == 415, "\(target)")
                #expect(response.header("Accept-Post") == "application/json")
            }
        }
    }

    /// `Content-Encoding: gzip` on a JSON body was ignored: plain JSON labelled gzip was
    /// written as if unlabelled, and real gzip bytes were a 400 "not UTF-8". The server decodes
    /// no content coding, so any but `identity` is a 415 with `Accept-Encoding: identity`
    /// (RFC 9110 §8.4, §15.5.16), on every write route and before an expected body.
    @Test func aBodyWithAContentCodingIs415OnEveryWriteRoute() throws {
        try withAPIService { api in
            let token = try api.adminToken()
            let writes = [("POST", "/api/v1/projects"), ("PATCH", "/api/v1/projects/1"), ("DELETE", "/api/v1/projects/1"),
                          ("POST", "/api/v1/surveys"), ("POST", "/api/v1/projects/1/kpis"), ("PUT", "/api/v1/projects/1/budget/2023"),
                          ("POST", "/api/v1/projects/1/evaluations")]
            for coding in ["gzip", "identity, deflate", "x-unknown"] {
                for (method, target) in writes {
                    let response = try api.request(method, target, headers: [("Authorization", "Bearer \(token)"), Self.json, ("Content-Encoding", coding)],
                                                   body: Array(#"{"note":"x"}"#.utf8))
                    #expect(response.status == 415, "\(method) \(target) \(coding): \(response.status) \(response.text)")
                    #expect(response.header("Content-Type")?.hasPrefix("application/problem+json") == true)
                    #expect(response.header("Accept-Encoding") == "identity")
                }
                let head = try Self.head("POST", "/api/v1/projects", [("Authorization", "Bearer \(token)"), Self.json, ("Content-Encoding", coding)])
                #expect(Self.answer(api, head)?.status == 415, "Expect: 100-continue with \(coding)")
            }
            let identity = try api.request("POST", "/api/v1/projects", headers: [("Authorization", "Bearer \(token)"), Self.json, ("Content-Encoding", "identity")],
                                           body: Array("{}".utf8))
            #expect(identity.status == 422, "identity is no coding at all: \(identity.text)")
        }
    }

    @Test func routingRefusalsAreDecidedOnTheLoopThread() throws {
        try withAPIService { api in
            let cases: [(String, String, Int)] = [("POST", "/api/v1/nothing", 404), ("POST", "/api/v1/measures", 405),
                                                  ("BREW", "/api/v1/projects", 501), ("POST", "/api/v1/./projects", 400)]
            for (method, target, status) in cases {
                let head = try Self.head(method, target, [("Authorization", "Bearer x"), Self.json])
                guard case .refuse(let response) = api.service.continueDecision(head: head) else {
                    Issue.record("\(method) \(target) is decided by routing"); continue
                }
                #expect(response.status == status, "\(method) \(target)")
            }
        }
    }

    @Test func aMissingTokenIs401BeforeTheBodyWithoutCountingAFailure() throws {
        try withAPIService(abuse: try AbuseLimitTests.limits(failures: 1)) { api in
            let head = try Self.head("POST", "/api/v1/projects/1/kpis", [Self.json])
            for _ in 0..<3 {
                guard case .refuse(let response) = api.service.continueDecision(head: head) else {
                    Issue.record("no credentials is decided by the head"); return
                }
                #expect(response.status == 401)
            }
        }
    }
}

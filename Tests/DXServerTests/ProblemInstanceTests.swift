@testable import DXServer
import Testing

/// Item 10: a problem's `instance` is the path as received, still percent-encoded: a URI
/// reference (RFC 9457 §3.1.5).
@Suite("problem+json instance")
struct ProblemInstanceTests {
    @Test func instanceIsThePathAsReceivedStillPercentEncoded() throws {
        try withAPIService { api in
            let cases: [(String, String)] = [
                ("/api/v1/measures/a%20b", "/api/v1/measures/a%20b"),
                ("/api/v1/measures/%E3%83%87?x=1", "/api/v1/measures/%E3%83%87"),
                // Outside /api an unknown path is the pages' HTML 404, so this one is under /api.
                ("/api/nowhere%20at%20all", "/api/nowhere%20at%20all"),
                ("http://localhost/api/v1/measures/a%20b?q=1", "/api/v1/measures/a%20b"),
            ]
            for (target, instance) in cases {
                let response = try api.get(target)
                #expect(response.status == 404, "\(target)")
                let problem = try #require(try response.json() as? [String: Any])
                #expect(problem["instance"] as? String == instance, "\(target)")
            }
        }
    }

    @Test func everyKindOfProblemUsesTheReceivedPath() throws {
        try withAPIService { api in
            let problems: [(HTTPResponse, Int)] = [
                (try api.request("DELETE", "/api/v1/measure%73"), 405),  // from routing
                (try api.get("/api/v1/measure%73?limit=0"), 400),  // from a handler
                (try api.get("/api/v1/measure%73", headers: [("If-Match", "\"x\"")]), 412),  // from the preconditions
                (try api.get("/api/v1/measure%73", headers: [("Accept", "image/png")]), 406),  // from negotiation
                (try api.get("/api/v1/measure%73", headers: [("Origin", "a"), ("Origin", "b")]), 400),  // from the field table
            ]
            for (response, status) in problems {
                #expect(response.status == status)
                let problem = try #require(try response.json() as? [String: Any])
                #expect(problem["instance"] as? String == "/api/v1/measure%73", "\(status)")
            }
        }
    }
}

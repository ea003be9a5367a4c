@testable import DXServer
import Foundation
import Testing

/// Issue 8 item 20: a method no resource offers is 501 (RFC 9110 §15.6.2), whatever the path;
/// a method offered elsewhere but not here is 405 with `Allow` (§15.5.6).
@Suite("Unknown and unsupported methods")
struct UnknownMethodTests {
    @Test func methodNoResourceOffersIs501ProblemWithoutAllow() throws {
        try withAPIService { api throws in
            for method in ["FOO", "TRACE", "PROPFIND", "M-SEARCH", "LINK"] {
                let response = try api.request(method, "/api/v1/measures")
                #expect(response.status == 501, "\(method)")
                #expect(response.header("Content-Type") == "application/problem+json; charset=utf-8")
                #expect(response.header("Allow") == nil, "\(method)")
                let problem = try #require(try response.json() as? [String: Any])
                #expect(problem["status"] as? Int == 501)
                #expect((problem["detail"] as? String)?.contains(method) == true)
            }
        }
    }

    @Test func methodOfferedElsewhereButNotHereIs405WithAllow() throws {
        try withAPIService { api throws in
            let patch = try api.request("PATCH", "/api/v1/measures")
            #expect(patch.status == 405)
            #expect(patch.header("Allow") == "GET, HEAD, OPTIONS")
            #expect(patch.header("Content-Type") == "application/problem+json; charset=utf-8")
            let post = try api.request("POST", "/api/v1/projects/1")
            #expect(post.status == 405)
            let allow = try #require(post.header("Allow")).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(Set(allow) == ["GET", "HEAD", "PATCH", "DELETE", "OPTIONS"])
        }
    }

    /// PUT, TRACE, FOO and PROPFIND on an existing resource follow the rule with the router's
    /// own set of methods, so the answer changes by itself when a route adds one.
    @Test func eachMethodOnAnExistingResourceFollowsTheRouterSet() throws {
        try withAPIService { api throws in
            let implemented = api.service.router.implementedMethods
            #expect(Set(implemented).isSuperset(of: ["GET", "HEAD", "POST", "PATCH", "DELETE", "OPTIONS"]))
            for method in ["FOO", "PUT", "TRACE", "PROPFIND", "POST", "PATCH", "DELETE"] {
                let response = try api.request(method, "/api/v1/measures")
                #expect(response.status == (implemented.contains(method) ? 405 : 501), "\(method)")
                #expect((response.header("Allow") != nil) == implemented.contains(method), "\(method)")
            }
        }
    }

    @Test func unknownMethodOnAnUnknownPathIsStill501() throws {
        try withAPIService { api throws in
            #expect(try api.request("FOO", "/nowhere").status == 501)
            #expect(try api.request("FOO", "/api/v1/../x").status == 501)
            // A known method there is the path's problem.
            #expect(try api.request("DELETE", "/nowhere").status == 404)
        }
    }

    @Test func asteriskOptionsListsTheRouterMethods() throws {
        try withAPIService { api throws in
            let response = try api.request("OPTIONS", "*")
            #expect(response.status == 204)
            let allow = try #require(response.header("Allow")).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(Set(allow) == Set(api.service.router.implementedMethods))
            #expect(!allow.contains("PUT") || api.service.router.routes.contains { $0.method == "PUT" })
        }
    }

    @Test func routerImplementedMethodsComeFromItsRoutes() {
        var router = Router()
        #expect(router.implementedMethods == ["OPTIONS"])
        router.get("/a") { _ in HTTPResponse(status: 200) }
        router.add("PUT", "/b") { _ in HTTPResponse(status: 200) }
        #expect(router.implementedMethods == ["OPTIONS", "GET", "HEAD", "PUT"])
        guard case .notImplemented = router.match(method: "PATCH", segments: ["a"]) else {
            Issue.record("PATCH is on no route: 501")
            return
        }
        guard case let .methodNotAllowed(allowed) = router.match(method: "PUT", segments: ["a"]) else {
            Issue.record("PUT is on /b: 405 on /a")
            return
        }
        #expect(allowed == ["GET", "HEAD", "OPTIONS"])
    }

    @Test func unknownMethodIs501OnALiveServerAndTheConnectionStaysUsable() throws {
        try withTestServer { server throws in
            let client = try server.connect()
            try client.write("FOO /big HTTP/1.1\r\nHost: x\r\n\r\n")
            let response = try #require(try client.readResponse())
            #expect(response.status == 501)
            #expect(response.header("Content-Type") == "application/problem+json; charset=utf-8")
            try client.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse()?.status == 200)
        }
    }
}

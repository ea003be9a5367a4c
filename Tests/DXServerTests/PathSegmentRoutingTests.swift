@testable import DXServer
import Foundation
import Testing

/// Issue 8 item 4 (RFC 3986 §2.2, §3.3): routes match raw segments, each decoded after the
/// split, so `%2F` is data; dot-segments are 400 and empty segments 404 (the rule is stated
/// on `Router`).
@Suite("Routing on raw path segments")
struct PathSegmentRoutingTests {
    // MARK: Parser: the split happens before decoding

    @Test func encodedSlashStaysInsideItsSegment() throws {
        let request = try #require(expectSingleRequest("GET /api%2Fv1%2Fmeasures HTTP/1.1\r\nHost: a\r\n\r\n"))
        #expect(request.head.pathSegments == ["api/v1/measures"])
        #expect(request.head.path == "/api%2Fv1%2Fmeasures")
        let second = try #require(expectSingleRequest("GET /api/v1/measures%2F1-7 HTTP/1.1\r\nHost: a\r\n\r\n"))
        #expect(second.head.pathSegments == ["api", "v1", "measures/1-7"])
    }

    @Test func emptySegmentsAreKeptNotCollapsed() throws {
        let cases: [(String, [String])] = [
            ("/", []), ("/a", ["a"]), ("/a/", ["a", ""]), ("//a", ["", "a"]), ("/a//b", ["a", "", "b"]),
            ("/%2e%2E/a", ["..", "a"]), ("/a/./b", ["a", ".", "b"]),
        ]
        for (path, segments) in cases {
            let request = try #require(expectSingleRequest("GET \(path) HTTP/1.1\r\nHost: a\r\n\r\n"))
            #expect(request.head.pathSegments == segments, "\(path)")
        }
    }

    @Test func malformedPercentEncodingInAnySegmentIsRefused() {
        expectRejection("GET /a/%2 HTTP/1.1\r\nHost: a\r\n\r\n", .invalidPercentEncoding)
        expectRejection("GET /a%zz/b HTTP/1.1\r\nHost: a\r\n\r\n", .invalidPercentEncoding)
        expectRejection("GET /%C3 HTTP/1.1\r\nHost: a\r\n\r\n", .invalidPercentEncoding)
    }

    // MARK: Router: one spelling per resource

    static func router() -> Router {
        var router = Router()
        let ok: RouteHandler = { _ in HTTPResponse(status: 200) }
        router.get("/", ok)
        router.get("/api/v1/measures", options: .publicCollection, ok)
        router.get("/api/v1/measures/{code}", ok)
        return router
    }

    @Test func routerMatchesDecodedSegmentsOnly() {
        let router = Self.router()
        guard case let .found(route, parameters, _) = router.match(method: "GET", segments: ["api", "v1", "measures", "1-7"]) else {
            Issue.record("no match")
            return
        }
        #expect(route.pattern == "/api/v1/measures/{code}")
        #expect(parameters == ["code": "1-7"])
        guard case .notFound = router.match(method: "GET", segments: ["api/v1/measures"]) else {
            Issue.record("an encoded slash matched as a separator")
            return
        }
        guard case .notFound = router.match(method: "GET", segments: ["api", "v1", "measures/1-7"]) else {
            Issue.record("an encoded slash matched as a separator")
            return
        }
        guard case .found = router.match(method: "GET", segments: []) else {
            Issue.record("the root did not match")
            return
        }
    }

    @Test func dotSegmentIsRefusedWhereverItIs() {
        let router = Self.router()
        for segments in [["."], [".."], ["api", ".", "v1"], ["api", "v1", "..", "v1", "measures"], ["api", "v1", "measures", ".."]] {
            guard case let .dotSegment(index) = router.match(method: "GET", segments: segments) else {
                Issue.record("\(segments) was not refused")
                continue
            }
            #expect(segments[index] == "." || segments[index] == "..")
        }
        // Dots inside a segment are ordinary characters.
        for segments in [["api", "v1", "measures", "..."], ["api", "v1", "measures", ".csv"], ["api", "v1", "measures", "a..b"]] {
            if case .dotSegment = router.match(method: "GET", segments: segments) { Issue.record("\(segments) refused") }
        }
    }

    @Test func emptySegmentIsNotFound() {
        let router = Self.router()
        for segments in [["api", "v1", "measures", ""], ["api", "", "v1", "measures"], ["", "api", "v1", "measures"], [""]] {
            guard case .notFound = router.match(method: "GET", segments: segments) else {
                Issue.record("\(segments) matched")
                continue
            }
        }
    }

    // MARK: The API, in-process

    @Test func encodedSlashesFromTheIssueAre404() throws {
        try withAPIService { api throws in
            for target in ["/api%2Fv1%2Fmeasures", "/api/v1/measures%2F1-7", "/api%2fv1/measures", "/api/v1%2Fmeasures"] {
                let response = try api.get(target)
                #expect(response.status == 404, "\(target)")
                #expect(response.header("Content-Type") == "application/problem+json; charset=utf-8")
            }
            // The same resources spelled with real slashes exist.
            #expect(try api.get("/api/v1/measures").status == 200)
            #expect(try api.get("/api/v1/measures/1-7").status == 200)
            // Percent-encoded unreserved characters are the same characters (RFC 3986 §6.2.2.2).
            #expect(try api.get("/api/v1/%6Deasures/1%2D7").status == 200)
        }
    }

    @Test func dotSegmentsAre400ProblemRawOrEncoded() throws {
        try withAPIService { api throws in
            for target in ["/api/v1/./measures", "/api/v1/../v1/measures", "/api/v1/%2e%2e/measures", "/api/v1/%2E/measures",
                           "/api/v1/measures/.", "/./api/v1/measures", "/api/v1/.%2e/v1/measures"] {
                let response = try api.get(target)
                #expect(response.status == 400, "\(target)")
                #expect(response.header("Content-Type") == "application/problem+json; charset=utf-8")
                let problem = try #require(try response.json() as? [String: Any])
                #expect((problem["detail"] as? String)?.contains("dot-segment") == true, "\(target)")
            }
        }
    }

    @Test func dotSegmentIs400ForEveryMethodTheServerHas() throws {
        try withAPIService { api throws in
            #expect(try api.request("OPTIONS", "/api/v1/../v1/measures").status == 400)
            #expect(try api.request("DELETE", "/api/v1/projects/../projects/1").status == 400)
            #expect(try api.request("HEAD", "/api/v1/./measures").status == 400)
        }
    }

    @Test func emptySegmentsAndTrailingSlashAre404() throws {
        try withAPIService { api throws in
            for target in ["/api//v1/measures", "//api/v1/measures", "/api/v1/measures/", "/api/v1//measures/1-7", "/api/v1/"] {
                let response = try api.get(target)
                #expect(response.status == 404, "\(target)")
                let problem = try #require(try response.json() as? [String: Any])
                #expect((problem["detail"] as? String)?.contains("no empty segments") == true, "\(target)")
            }
        }
    }

    // MARK: The live server

    @Test func encodedSlashesFromTheIssueAre404OnALiveServer() throws {
        try withAPIServer { server throws in
            #expect(try server.request("GET", "/api%2Fv1%2Fmeasures").status == 404)
            #expect(try server.request("GET", "/api/v1/measures%2F1-7").status == 404)
            #expect(try server.request("GET", "/api/v1/../v1/measures").status == 400)
            #expect(try server.request("GET", "/api/v1/measures/1-7").status == 200)
        }
    }
}

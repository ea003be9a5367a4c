@testable import DXServer
import Synchronization
import Testing

/// Item 15: a route is response-cached only when it opts in; CORS lists every header a
/// browser client needs.
@Suite("Response cache opt-in and CORS lists")
struct ResponseCachingOptInTests {
    final class Counter: Sendable {
        let value = Atomic<Int>(0)
    }

    private func service(_ counter: Counter) -> HTTPService {
        var router = Router()
        router.get("/plain") { _ in
            counter.value.add(1, ordering: .relaxed)
            return HTTPResponse(status: 200, contentType: "text/plain", body: Array("hi".utf8))
        }
        router.get("/cached", options: .publicRead) { _ in
            counter.value.add(100, ordering: .relaxed)
            return HTTPResponse(status: 200, contentType: "text/plain", body: Array("hi".utf8))
        }
        return HTTPService(router: router)
    }

    private func get(_ service: HTTPService, _ path: String) -> HTTPResponse {
        let head = HTTPRequestHead(method: "GET", target: path, path: path, query: nil, version: .http11,
                                   headers: HTTPHeaders([("Host", "x")]), framing: .none)
        let request = HTTPRequest(head: head)
        return service.respondWithoutBlocking(to: request) ?? service.respond(to: request)
    }

    @Test func aGetRouteThatDoesNotOptInRunsItsHandlerEachTime() {
        let counter = Counter()
        let service = service(counter)
        for _ in 0..<3 { #expect(get(service, "/plain").status == 200) }
        #expect(counter.value.load(ordering: .relaxed) == 3)
        #expect(RouteOptions().cacheable == false)
    }

    @Test func aGetRouteThatOptsInIsServedFromTheCache() {
        let counter = Counter()
        let service = service(counter)
        for _ in 0..<3 { #expect(get(service, "/cached").status == 200) }
        #expect(counter.value.load(ordering: .relaxed) == 100)
    }

    @Test func exposeHeadersListEveryHeaderABrowserClientNeeds() throws {
        try withAPIService { api in
            let response = try api.get("/api/v1/plan")
            let exposed = Set((response.header("Access-Control-Expose-Headers") ?? "").split(separator: ",").map { $0.trimmingHTTPWhitespace().lowercased() })
            for name in ["ETag", "Link", "Location", "Retry-After", "X-Request-Id", "Idempotent-Replayed", "Allow", "Accept-Post",
                         "Accept-Patch", "Last-Modified", "Content-Disposition", "WWW-Authenticate"] {
                #expect(exposed.contains(name.lowercased()), "\(name)")
            }
        }
    }

    @Test func preflightAllowsTheDatePreconditions() throws {
        try withAPIService { api in
            let response = try api.request("OPTIONS", "/api/v1/projects/1",
                                           headers: [("Origin", "https://portal.example"), ("Access-Control-Request-Method", "PATCH")])
            #expect(response.status == 204)
            let allowed = Set((response.header("Access-Control-Allow-Headers") ?? "").split(separator: ",").map { $0.trimmingHTTPWhitespace().lowercased() })
            for name in ["If-Match", "If-None-Match", "If-Modified-Since", "If-Unmodified-Since", "Idempotency-Key", "Authorization"] {
                #expect(allowed.contains(name.lowercased()), "\(name)")
            }
        }
    }
}

import DXServer
import Foundation

/// A real server on 127.0.0.1 port 0 inside the test process, stopped when the body returns
/// or throws.
func withTestServer<T>(
    configure: (inout ServerConfiguration) -> Void = { _ in },
    routes: (inout Router) -> Void = TestRoutes.register,
    dataVersion: @escaping @Sendable () -> UInt64 = { 0 },
    accessLog: AccessLog? = nil,
    _ body: (TestServerHandle) throws -> T
) throws -> T {
    var config = ServerConfiguration()
    config.host = "127.0.0.1"
    config.port = 0
    config.drainTimeout = 2
    config.drainAcceptGrace = 0.02
    configure(&config)
    var router = Router()
    routes(&router)
    let service = HTTPService(router: router, dataVersion: dataVersion)
    let server = HTTPServer(configuration: config, responder: service, accessLog: accessLog)
    try server.start()
    defer { server.shutdown() }
    return try body(TestServerHandle(server: server, service: service))
}

struct TestServerHandle {
    let server: HTTPServer
    let service: HTTPService
    var port: Int { server.port }

    func connect() throws -> RawClient { try RawClient(port: port) }

    /// One request on a fresh connection.
    func send(_ raw: String, timeout: Double = 2) throws -> RawResponse {
        let client = try connect()
        try client.write(raw)
        guard let response = try client.readResponse(timeout: timeout) else { throw RawClientError.noResponse }
        return response
    }
}

/// Routes with known behaviour for engine tests, independent of the plan's data.
enum TestRoutes {
    static let bigJSON: [UInt8] = Array(("[" + (0..<500).map { "{\"n\":\($0),\"t\":\"都城市DX推進計画\"}" }.joined(separator: ",") + "]").utf8)

    static func register(_ router: inout Router) {
        router.get("/healthz", options: RouteOptions(nonBlocking: true)) { _ in
            HTTPResponse(status: 200, contentType: "application/json; charset=utf-8", body: Array(#"{"status":"ok"}"#.utf8))
        }
        router.get("/big", options: .publicRead) { _ in
            HTTPResponse(status: 200, contentType: "application/json; charset=utf-8", body: bigJSON)
        }
        router.get("/items/{id}", options: .publicRead) { req in
            let id = try req.parameter("id")
            guard let n = Int(id), n > 0 else { throw APIError.notFound("No item \(id).") }
            return HTTPResponse(status: 200, contentType: "application/json; charset=utf-8", body: Array("{\"id\":\(n)}".utf8))
        }
        router.add("POST", "/echo", options: RouteOptions()) { req in
            HTTPResponse(status: 200, contentType: "application/octet-stream", body: req.body)
        }
        router.add("PUT", "/echo", options: RouteOptions()) { req in
            HTTPResponse(status: 200, contentType: "application/octet-stream", body: req.body)
        }
        router.get("/slow", options: RouteOptions()) { _ in
            usleep(300_000)
            return HTTPResponse(status: 200, contentType: "text/plain", body: Array("slow".utf8))
        }
        router.get("/query", options: RouteOptions()) { req in
            let q = req.query["q"] ?? ""
            return HTTPResponse(status: 200, contentType: "text/plain; charset=utf-8", body: Array("path=\(req.path) q=\(q)".utf8))
        }
    }
}

import DXCore
import DXServer
import Foundation

/// The whole API on a fresh, migrated database in a temp folder, served on port 0.
func withAPIServer<T>(_ body: (APITestServer) throws -> T) throws -> T {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dxserve-api-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let pool = try DatabasePool(path: dir.appendingPathComponent("dx.sqlite").path)
    let migrator = Migrator(directory: ServerProcess.packageRoot.appendingPathComponent("migrations"))
    try migrator.migrate(pool)
    let context = AppContext(pool: pool, migrator: migrator)
    let metrics = Metrics()
    var config = ServerConfiguration()
    config.port = 0
    let service = HTTPService(router: APIRouter.make(context: context, metrics: metrics), metrics: metrics, dataVersion: { pool.dataVersion })
    let server = HTTPServer(configuration: config, responder: service)
    try server.start()
    defer { server.shutdown() }
    return try body(APITestServer(port: server.port, context: context))
}

struct APITestServer {
    let port: Int
    let context: AppContext

    /// One request on a fresh connection; `headers` are added after Host.
    func request(_ method: String = "GET", _ target: String, headers: [(String, String)] = [], body: [UInt8] = []) throws -> RawResponse {
        let client = try RawClient(port: port)
        var head = "\(method) \(target) HTTP/1.1\r\nHost: localhost:\(port)\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if !body.isEmpty || method == "POST" || method == "PATCH" || method == "PUT" { head += "Content-Length: \(body.count)\r\n" }
        try client.write(Array((head + "\r\n").utf8) + body)
        guard let response = try client.readResponse(timeout: 5, headRequest: method == "HEAD") else { throw RawClientError.noResponse }
        return response
    }

    func get(_ target: String, headers: [(String, String)] = []) throws -> RawResponse {
        try request("GET", target, headers: headers)
    }

    /// A collection's `data` array.
    func data(_ target: String) throws -> [[String: Any]] {
        let response = try get(target)
        guard response.status == 200, let object = try response.json() as? [String: Any], let data = object["data"] as? [[String: Any]] else {
            throw RawClientError.malformed("\(target): \(response.status) \(response.text)")
        }
        return data
    }
}

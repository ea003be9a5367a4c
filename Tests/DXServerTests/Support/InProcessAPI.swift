import DXCore
@testable import DXServer
import Foundation

/// The whole API on a fresh, migrated database, answered in-process: the request bytes go
/// through the real `HTTPParser` and `HTTPService` as the engine would drive them (cache path
/// first, then the full responder), with no socket. Use it for API behaviour; keep live
/// servers (`withAPIServer`) for what needs a connection.
/// `publicURL` is the server's `--public-url`.
func withAPIService<T>(publicURL: PublicURL? = nil, _ body: (InProcessAPI) throws -> T) throws -> T {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dxserve-inproc-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let pool = try DatabasePool(path: dir.appendingPathComponent("dx.sqlite").path)
    let migrator = Migrator(directory: ServerProcess.packageRoot.appendingPathComponent("migrations"))
    try migrator.migrate(pool)
    let context = AppContext(pool: pool, migrator: migrator)
    let metrics = Metrics()
    let service = HTTPService(router: APIRouter.make(context: context, metrics: metrics), metrics: metrics,
                              dataVersion: { pool.dataVersion }, publicURL: publicURL)
    return try body(InProcessAPI(service: service, context: context))
}

enum InProcessAPIError: Error {
    case incompleteRequest(String)
}

struct InProcessAPI {
    let service: HTTPService
    let context: AppContext

    /// One request; `Host: localhost` is sent unless `headers` names a Host, and
    /// `Content-Length` is added for a body (or for POST/PATCH/PUT).
    func request(_ method: String = "GET", _ target: String, headers: [(String, String)] = [], body: [UInt8] = []) throws -> HTTPResponse {
        var head = "\(method) \(target) HTTP/1.1\r\n"
        if !headers.contains(where: { $0.0.lowercased() == "host" }) { head += "Host: localhost\r\n" }
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if !body.isEmpty || method == "POST" || method == "PATCH" || method == "PUT" { head += "Content-Length: \(body.count)\r\n" }
        return try send(Array((head + "\r\n").utf8) + body)
    }

    /// Raw request bytes, parsed as the engine parses them. A parse error is answered the way
    /// the engine answers it (`errorResponse`).
    func send(_ raw: [UInt8]) throws -> HTTPResponse {
        var parser = HTTPParser()
        parser.append(raw)
        while true {
            let event: HTTPParserEvent?
            do {
                event = try parser.next()
            } catch {
                return service.errorResponse(status: error.status, detail: error.detail)
            }
            guard let event else { throw InProcessAPIError.incompleteRequest(String(decoding: raw.prefix(200), as: UTF8.self)) }
            if case let .message(request) = event {
                var response = service.respondWithoutBlocking(to: request) ?? service.respond(to: request)
                // A streamed body is pulled whole here, as the engine would send it; `stream`
                // stays set so a test can tell that it was streamed.
                if let stream = response.stream, request.head.method != "HEAD" {
                    while let chunk = try stream.nextChunk() { response.body += chunk }
                }
                return response
            }
        }
    }

    func get(_ target: String, headers: [(String, String)] = []) throws -> HTTPResponse {
        try request("GET", target, headers: headers)
    }

    /// A new admin token's secret.
    func adminToken(_ name: String = "admin") throws -> String {
        try TokenStore(pool: context.pool).create(name: name)
    }
}

extension HTTPResponse {
    var text: String { String(decoding: body, as: UTF8.self) }
    func json() throws -> Any { try JSONSerialization.jsonObject(with: Data(body)) }
    func header(_ name: String) -> String? { headers[name] }
}

import DXCore
import DXServer
import Foundation

/// The whole API on a fresh, migrated database, served on 127.0.0.1 port 0; each request goes
/// over its own connection. For what needs a socket; API behaviour runs in-process
/// (`withAPIService`, same methods). `publicURL` is the server's `--public-url`; `catalog` the
/// DCAT catalog's configuration.
func withAPIServer<T>(publicURL: PublicURL? = nil, catalog: CatalogConfiguration = .miyakonojo,
                      _ body: (APITestServer) throws -> T) throws -> T {
    try withMigratedContext(catalog: catalog) { context in
        let metrics = Metrics()
        var config = ServerConfiguration()
        config.host = "127.0.0.1"
        config.port = 0
        let service = HTTPService(router: APIRouter.make(context: context, metrics: metrics), metrics: metrics,
                                  dataVersion: context.cacheVersion, publicURL: publicURL)
        let server = HTTPServer(configuration: config, responder: service)
        try server.start()
        defer { server.shutdown() }
        return try body(APITestServer(port: server.port, context: context))
    }
}

struct APITestServer: APIHarness {
    let port: Int
    let context: AppContext

    var authority: String { "localhost:\(port)" }

    /// The bytes over a fresh connection; the first response read off it.
    func send(_ raw: [UInt8]) throws -> HTTPResponse {
        let client = try RawClient(port: port)
        try client.write(raw)
        guard let response = try client.readResponse(timeout: 5, headRequest: raw.starts(with: Array("HEAD ".utf8))) else {
            throw RawClientError.noResponse
        }
        return HTTPResponse(status: response.status, headers: HTTPHeaders(response.headers), body: response.body)
    }
}

import DXCore
import DXServer
import Foundation

/// The repository's `migrations/` directory.
let repositoryMigrations = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("migrations", isDirectory: true)

/// Runs `body` with an `AppContext` over a new database file, migrated (and so seeded) with the
/// repository's migrations; the file is removed afterwards whether `body` returns or throws.
func withMigratedContext<T>(_ body: (AppContext) throws -> T) throws -> T {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("dxserver-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let pool = try DatabasePool(path: directory.appendingPathComponent("test.sqlite").path, readerCount: 2)
    let migrator = Migrator(directory: repositoryMigrations)
    _ = try migrator.migrate(pool)
    return try body(AppContext(pool: pool, migrator: migrator))
}

/// A live server on port 0 serving the whole API over a freshly migrated database, with the
/// response cache keyed to the pool's data version as in `dxserve serve`.
func withAPIServer<T>(_ body: (TestServerHandle, AppContext) throws -> T) throws -> T {
    try withMigratedContext { context in
        try withTestServer(
            routes: { router in router = APIRouter.make(context: context, metrics: Metrics()) },
            dataVersion: { context.pool.dataVersion }
        ) { server in try body(server, context) }
    }
}

extension TestServerHandle {
    /// One request on a fresh connection; `Content-Length` is added for a body.
    func request(
        _ method: String, _ target: String, headers: [(String, String)] = [], body: [UInt8] = []
    ) throws -> RawResponse {
        var head = "\(method) \(target) HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if !body.isEmpty || method == "POST" { head += "Content-Length: \(body.count)\r\n" }
        head += "\r\n"
        let client = try connect()
        try client.write(Array(head.utf8) + body)
        guard let response = try client.readResponse(timeout: 5, headRequest: method == "HEAD") else {
            throw RawClientError.noResponse
        }
        return response
    }

    func get(_ target: String, headers: [(String, String)] = []) throws -> RawResponse {
        try request("GET", target, headers: headers)
    }
}

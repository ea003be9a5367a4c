import DXCore
import DXServer
import Foundation

/// What an API suite calls, the same on the in-process service (`withAPIService`) and on a live
/// server (`withAPIServer`): both send the very same request bytes and hand back the response
/// as it came off the wire (status line, every field including `Server`, `Date`,
/// `Content-Length` and `Connection`, and the body, none for HEAD), so a suite switches between
/// them by changing the one line that opens the fixture.
protocol APIHarness: Sendable {
    var context: AppContext { get }
    /// The `Host` sent when a request names none.
    var authority: String { get }
    /// Raw request bytes (one request); the response as the engine writes it.
    func send(_ raw: [UInt8]) throws -> HTTPResponse
}

extension APIHarness {
    /// The base of the absolute URLs the server builds for these requests (`Link`, `Location`).
    var baseURL: String { "http://\(authority)" }

    /// One request; `Host` is sent unless `headers` names one, and `Content-Length` is added for
    /// a body (or for POST/PATCH/PUT).
    func request(_ method: String = "GET", _ target: String, headers: [(String, String)] = [], body: [UInt8] = []) throws -> HTTPResponse {
        var head = "\(method) \(target) HTTP/1.1\r\n"
        if !headers.contains(where: { $0.0.lowercased() == "host" }) { head += "Host: \(authority)\r\n" }
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if !body.isEmpty || method == "POST" || method == "PATCH" || method == "PUT" { head += "Content-Length: \(body.count)\r\n" }
        return try send(Array((head + "\r\n").utf8) + body)
    }

    func send(_ raw: String) throws -> HTTPResponse { try send(Array(raw.utf8)) }

    func get(_ target: String, headers: [(String, String)] = []) throws -> HTTPResponse {
        try request("GET", target, headers: headers)
    }

    /// A collection's `data` array; anything but a 200 with one throws.
    func data(_ target: String, headers: [(String, String)] = []) throws -> [[String: Any]] {
        let response = try get(target, headers: headers)
        guard response.status == 200, let object = try response.json() as? [String: Any], let data = object["data"] as? [[String: Any]] else {
            throw RawClientError.malformed("\(target): \(response.status) \(response.text)")
        }
        return data
    }

    /// A new admin token's secret, stored in the harness's database.
    func adminToken(_ name: String = "admin") throws -> String {
        try context.auth.tokens.create(name: name)
    }
}

/// A fresh, migrated database in a temporary folder, removed on both paths. The migrations run
/// once per test process into a template (each of their commits is an fsync, the bulk of an API
/// test's cost); every fixture then starts from a byte copy of it, as fresh as a new migration.
func withMigratedContext<T>(catalog: CatalogConfiguration = .miyakonojo, today: @escaping @Sendable () -> CalendarDate = { .todayInJapan() },
                            _ body: (AppContext) throws -> T) throws -> T {
    let template = try migratedTemplate.get()
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dxserve-api-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("dx.sqlite").path
    try FileManager.default.copyItem(atPath: template, toPath: path)
    let pool = try DatabasePool(path: path)
    let migrator = Migrator(directory: ServerProcess.packageRoot.appendingPathComponent("migrations"))
    return try body(AppContext(pool: pool, migrator: migrator, catalog: catalog, today: today))
}

/// The path of a database file with every migration applied and checkpointed into the main file
/// (`wal_checkpoint(TRUNCATE)`), so that the file alone is the whole database. Made on first
/// use; removed when the test process exits.
private let migratedTemplate: Result<String, any Error> = Result {
    let dir = templateDirectory()
    try? FileManager.default.removeItem(atPath: dir)
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(atPath: templateDirectory()) }
    let path = dir + "/dx.sqlite"
    let pool = try DatabasePool(path: path, readerCount: 1)
    try Migrator(directory: ServerProcess.packageRoot.appendingPathComponent("migrations")).migrate(pool)
    _ = try pool.writeWithoutTransaction { db in try db.scalar("PRAGMA wal_checkpoint(TRUNCATE)") }
    return path
}

private func templateDirectory() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("dxserve-template-\(getpid())").path
}

extension HTTPResponse {
    var text: String { String(decoding: body, as: UTF8.self) }
    func json() throws -> Any { try JSONSerialization.jsonObject(with: Data(body)) }
    /// The first line of a field, by case-insensitive name.
    func header(_ name: String) -> String? { headers[name] }
    var closesConnection: Bool { header("Connection")?.lowercased() == "close" }
}

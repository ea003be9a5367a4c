import DXCore
@testable import DXServer
import Foundation
import Testing

/// Issue 8 item 15: a busy or locked database is 503 problem+json with `Retry-After`, mapped
/// in one place (`SQLiteError: ProblemConvertible`) for every route.
@Suite("Busy database")
struct DatabaseBusyTests {
    // SQLite's result codes: SQLITE_ERROR 1, SQLITE_BUSY 5, SQLITE_LOCKED 6, and the extended
    // SQLITE_BUSY_SNAPSHOT (5 | 2 << 8) and SQLITE_LOCKED_SHAREDCACHE (6 | 1 << 8).
    @Test func busyAndLockedMapTo503WithRetryAfter() throws {
        for code: Int32 in [5, 6, 5 | 2 << 8, 6 | 1 << 8] {
            let problem = SQLiteError(extendedCode: code, message: "database is locked", sql: "SELECT 1").apiError
            #expect(problem.status == 503, "\(code)")
            #expect(problem.headers["Retry-After"] == "1")
            #expect(!problem.detail.contains("SELECT"))
        }
    }

    @Test func otherSQLiteErrorsAre500WithoutSQLOrMessage() {
        let problem = SQLiteError(extendedCode: 1, message: "no such table: secret", sql: "SELECT * FROM secret").apiError
        #expect(problem.status == 500)
        #expect(problem.headers["Retry-After"] == nil)
        #expect(!problem.detail.contains("secret"))
    }

    @Test func storeErrorsDelegateTheirBusyCase() {
        let busy = SQLiteError(extendedCode: 5, message: "database is locked")
        #expect(ProjectStoreError.database(busy).apiError.status == 503)
        #expect(ProjectStoreError.database(busy).apiError.headers["Retry-After"] == "1")
        #expect(SurveyStoreError.database(busy).apiError.status == 503)
        #expect(SurveyStoreError.database(busy).apiError.headers["Retry-After"] == "1")
    }

    /// Any route that lets a raw SQLiteError out (the plan reads do) answers 503.
    @Test func anyRouteThrowingABusyErrorAnswers503ProblemWithRetryAfter() throws {
        var router = Router()
        router.get("/plan") { _ in throw SQLiteError(extendedCode: 5, message: "database is locked", sql: "SELECT title FROM plan") }
        let service = HTTPService(router: router)
        var parser = HTTPParser()
        parser.append(Array("GET /plan HTTP/1.1\r\nHost: x\r\n\r\n".utf8))
        var message: HTTPRequest?
        while message == nil, let event = try parser.next() {
            if case let .message(request) = event { message = request }
        }
        let response = service.respond(to: try #require(message))
        #expect(response.status == 503)
        #expect(response.headers["Retry-After"] == "1")
        #expect(response.headers["Content-Type"] == "application/problem+json; charset=utf-8")
        #expect(!String(decoding: response.body, as: UTF8.self).contains("SELECT"))
    }

    /// A real lock: another connection holds the write lock past the pool's busy timeout.
    @Test func aWriteWhileAnotherConnectionHoldsTheLockIs503() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dxserve-busy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("dx.sqlite").path
        let pool = try DatabasePool(path: path, busyTimeoutMilliseconds: 50)
        let migrator = Migrator(directory: ServerProcess.packageRoot.appendingPathComponent("migrations"))
        try migrator.migrate(pool)
        let context = AppContext(pool: pool, migrator: migrator)
        let service = HTTPService(router: APIRouter.make(context: context, metrics: Metrics()), dataVersion: { pool.dataVersion })
        let api = InProcessAPI(service: service, context: context)
        let token = try api.adminToken()

        let other = try Database(path: path)
        try other.run("BEGIN IMMEDIATE")
        defer { try? other.run("ROLLBACK") }
        let body = Array(#"{"measure_code":"1-1","title":"t","department":"d","start_fiscal_year":2023,"end_fiscal_year":2024}"#.utf8)
        let response = try api.request("POST", "/api/v1/projects",
                                       headers: [("Authorization", "Bearer \(token)"), ("Content-Type", "application/json")], body: body)
        #expect(response.status == 503)
        #expect(response.header("Retry-After") == "1")
        #expect(response.header("Content-Type") == "application/problem+json; charset=utf-8")
        // Reads are not blocked by a writer (WAL).
        #expect(try api.get("/api/v1/plan").status == 200)
    }
}

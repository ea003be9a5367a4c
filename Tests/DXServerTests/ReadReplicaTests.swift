import DXCore
@testable import DXServer
import Foundation
import Glibc
import Testing

/// `dxserve serve --read-only`: the API over a read-only copy of a primary's database.
@Suite struct ReadReplicaTests {
    static let primary = "https://primary.example.jp:8443"

    /// A primary's migrated database holding an admin token, copied with `VACUUM INTO` as
    /// `dxserve backup` does, and the whole API served in-process over the copy opened as a
    /// replica (`DatabasePool(readOnlySnapshotAt:)`). `body` gets the replica's API, the
    /// token, and the primary's pool.
    static func withReplica<T>(_ body: (InProcessAPI, String, DatabasePool) throws -> T) throws -> T {
        try withMigratedContext { primary in
            let token = try primary.auth.tokens.create(name: "admin")
            let copy = primary.pool.path + ".replica"
            try Database(path: primary.pool.path, readOnly: true).run("VACUUM INTO ?", .text(copy))
            let check = ReplicaSnapshotCheck(migrator: primary.migrator)
            let pool = try DatabasePool(readOnlySnapshotAt: copy, readerCount: 2, verify: check.verify)
            let context = AppContext(pool: pool, migrator: primary.migrator)
            let metrics = Metrics()
            let service = HTTPService(router: APIRouter.make(context: context, metrics: metrics), metrics: metrics,
                                      dataVersion: { pool.dataVersion },
                                      replica: ReadOnlyReplica(primaryURL: try PublicURL(parsing: Self.primary)))
            return try body(InProcessAPI(service: service, context: context), token, primary.pool)
        }
    }

    /// Every route's path with each `{parameter}` filled by a value that names something.
    static func concretePath(_ pattern: String) -> String {
        pattern.split(separator: "/", omittingEmptySubsequences: false).map { segment -> String in
            guard segment.hasPrefix("{") else { return String(segment) }
            return segment.contains("fiscal") ? "2023" : (segment.contains("code") ? "1-1" : "1")
        }.joined(separator: "/")
    }

    @Test func everyWriteRouteOnAReplicaIs503NamingThePrimary() throws {
        try Self.withReplica { api, token, _ in
            let writes = api.service.router.routes.filter { $0.method != "GET" && $0.method != "HEAD" }
            #expect(writes.count >= 4, "the admin routes are all registered")
            let before = try api.get("/api/v1/projects").body
            for route in writes {
                let path = Self.concretePath(route.pattern)
                let response = try api.request(route.method, path + "?note=x", headers: [
                    ("Authorization", "Bearer \(token)"), ("Content-Type", "application/json"),
                ], body: Array(#"{"title":"x"}"#.utf8))
                #expect(response.status == 503, "\(route.method) \(route.pattern)")
                #expect(response.header("Content-Type") == "application/problem+json; charset=utf-8")
                #expect(response.header("Location") == "\(Self.primary)\(path)?note=x")
                #expect(response.header("Retry-After") == nil, "retrying the replica never helps")
                #expect(response.header("Cache-Control") == "no-store")
                let problem = try #require(try response.json() as? [String: Any])
                #expect(problem["type"] as? String == "/problems/read-only-replica")
                #expect(problem["primary"] as? String == Self.primary)
                #expect((problem["detail"] as? String)?.contains(Self.primary) == true)
            }
            #expect(try api.get("/api/v1/projects").body == before)
        }
    }

    @Test func writeWithoutCredentialsOnAReplicaIs503Not401() throws {
        // The replica refuses before authenticating: no token is checked against a copy that
        // may lag the primary's revocations.
        try Self.withReplica { api, _, _ in
            let response = try api.request("POST", "/api/v1/projects", headers: [("Content-Type", "application/json")],
                                           body: Array("{}".utf8))
            #expect(response.status == 503)
        }
    }

    @Test func writeWithExpectContinueOnAReplicaIsRefusedBeforeItsBody() throws {
        try Self.withReplica { api, token, _ in
            var parser = HTTPParser()
            parser.append(Array("POST /api/v1/projects HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(token)\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n".utf8))
            guard case let .head(head)? = try parser.next() else { Issue.record("expected a head event"); return }
            guard case .refuse(let response) = api.service.continueDecision(head: head) else {
                Issue.record("a replica refuses a write on the loop thread"); return
            }
            #expect(response.status == 503)
        }
    }

    @Test func replicaServesPublicReadsAndIsReady() throws {
        try Self.withReplica { api, _, _ in
            #expect(try api.data("/api/v1/measures?limit=100").count == 29)
            #expect(try api.get("/readyz").status == 200)
            #expect(try api.get("/api/v1/projects.csv").status == 200)
            let options = try api.request("OPTIONS", "/api/v1/projects", headers: [("Origin", "https://portal.example"), ("Access-Control-Request-Method", "GET")])
            #expect(options.status == 204 || options.status == 200)
        }
    }
}

/// A primary and a replica as two processes, as an operator runs them.
@Suite struct ReadReplicaProcessTests {
    static func http(_ port: Int, _ method: String, _ target: String, headers: [(String, String)] = [], body: String = "") throws -> RawResponse {
        let client = try RawClient(port: port)
        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(body.utf8.count)\r\n\r\n"
        try client.write(head + body)
        guard let response = try client.readResponse(timeout: 10) else { throw RawClientError.noResponse }
        return response
    }

    static func createProject(on port: Int, token: String, title: String) throws -> Int {
        let body = #"{"measure_code":"1-1","title":"\#(title)","department":"総合政策課","start_fiscal_year":2023,"end_fiscal_year":2024}"#
        let created = try http(port, "POST", "/api/v1/projects", headers: [("Authorization", "Bearer \(token)"), ("Content-Type", "application/json")], body: body)
        guard created.status == 201, let object = try created.json() as? [String: Any], let id = object["id"] as? Int else {
            throw RawClientError.malformed("create: \(created.status) \(created.text)")
        }
        return id
    }

    /// `dxserve backup` to a temporary name beside `path`, then rename(2) over it: the
    /// documented way to hand a replica a newer copy.
    static func deliverCopy(from primary: String, to path: String) throws {
        let incoming = path + ".incoming"
        try? FileManager.default.removeItem(atPath: incoming)
        let backup = try runDXServe(["backup", "--db", primary, incoming])
        guard backup.status == 0 else { throw RawClientError.malformed("backup: \(backup.err)") }
        guard rename(incoming, path) == 0 else { throw RawClientError.malformed("rename: errno \(errno)") }
    }

    @Test func replicaServesANewerCopyRenamedOverItsFileWithoutRestart() throws {
        let primaryDB = tempDatabasePath()
        let replicaDB = URL(fileURLWithPath: primaryDB).deletingLastPathComponent().appendingPathComponent("replica.sqlite").path
        let primary = try ServerProcess(arguments: ["--db", primaryDB])
        defer { primary.signal(SIGTERM); _ = primary.waitForExit() }
        let token = try runDXServe(["token", "create", "replica-test", "--db", primaryDB]).out.trimmingCharacters(in: .whitespacesAndNewlines)
        let first = try Self.createProject(on: primary.port, token: token, title: "最初の事業")
        try Self.deliverCopy(from: primaryDB, to: replicaDB)

        let replica = try ServerProcess(arguments: ["--db", replicaDB, "--read-only", "--primary-url", "http://127.0.0.1:\(primary.port)"])
        defer { replica.signal(SIGTERM); _ = replica.waitForExit() }
        #expect(try Self.http(replica.port, "GET", "/api/v1/projects/\(first)").status == 200)

        let second = try Self.createProject(on: primary.port, token: token, title: "次の事業")
        #expect(try Self.http(replica.port, "GET", "/api/v1/projects/\(second)").status == 404)
        let etagBefore = try Self.http(replica.port, "GET", "/api/v1/projects").header("ETag")
        try Self.deliverCopy(from: primaryDB, to: replicaDB)

        // The replica looks once a second; poll (bounded) rather than assert a time.
        var seen = false
        for _ in 0..<100 where !seen {
            seen = try Self.http(replica.port, "GET", "/api/v1/projects/\(second)").status == 200
            if !seen { usleep(100_000) }
        }
        #expect(seen, "the replica serves the write from the newer copy without a restart")
        #expect(try Self.http(replica.port, "GET", "/api/v1/projects").header("ETag") != etagBefore, "the ETag follows the new data")

        let write = try Self.http(replica.port, "POST", "/api/v1/projects", headers: [("Authorization", "Bearer \(token)"), ("Content-Type", "application/json")], body: "{}")
        #expect(write.status == 503)
        #expect(write.header("Location") == "http://127.0.0.1:\(primary.port)/api/v1/projects")
        #expect(!FileManager.default.fileExists(atPath: replicaDB + "-wal"), "a replica writes nothing beside its file")
    }

    @Test func replicaRefusesToStartOnACopyOlderThanItsMigrations() throws {
        let db = tempDatabasePath()
        #expect(try runDXServe(["migrate", "--db", db]).status == 0)
        do {
            // An older primary's file: its last migration never ran. Checkpointed into the main
            // file and closed, as a copy would be.
            let pool = try DatabasePool(path: db, readerCount: 1)
            try pool.write { db in try db.run("DELETE FROM schema_migrations WHERE version = (SELECT max(version) FROM schema_migrations)") }
            try pool.writeWithoutTransaction { db in try db.execute("PRAGMA wal_checkpoint(TRUNCATE)") }
        }
        let result = try runDXServe(["serve", "--read-only", "--port", "0", "--db", db])
        #expect(result.status != 0)
        #expect(result.err.contains("behind this binary's schema"), "\(result.err)")
        #expect(result.out.isEmpty, "it never listened")
    }

    @Test func replicaRefusesToStartWithoutADatabaseFile() throws {
        let db = tempDatabasePath()
        let result = try runDXServe(["serve", "--read-only", "--port", "0", "--db", db])
        #expect(result.status != 0)
        #expect(result.err.contains("does not exist"), "\(result.err)")
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    @Test func primaryURLWithoutReadOnlyIsRefused() throws {
        let result = try runDXServe(["serve", "--primary-url", "http://127.0.0.1:1", "--port", "0", "--db", tempDatabasePath()])
        #expect(result.status != 0)
        #expect(result.err.contains("--primary-url needs --read-only"), "\(result.err)")
    }
}

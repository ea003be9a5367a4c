import DXCore
import Foundation
import Glibc
import Testing

/// Issue 11, durability: the real binary under concurrent writers is killed with SIGKILL
/// mid-load and restarted on the same file, three times. Every write a client saw
/// acknowledged (a 2xx arrived) must be in the database afterwards, and the file must pass
/// `PRAGMA integrity_check`. WAL with `synchronous=NORMAL` promises exactly this for a process
/// crash (sqlite.org/wal.html §"Durability"); power loss is outside what a test can show.
@Suite("Crash durability (kill -9 mid-load)", .serialized)
struct CrashDurabilityProcessTests {
    static let writers = 4
    static let rounds = 3
    /// How long the writers run before the kill, in seconds: enough for a few hundred writes
    /// on two shared cores, short enough to keep the suite quick.
    static let loadSeconds = 0.8

    @Test("every acknowledged POST and PATCH survives kill -9 and restart, integrity_check ok, three rounds")
    func everyAcknowledgedWriteSurvivesKill9ThreeRounds() throws {
        let db = tempDatabasePath()
        defer { try? FileManager.default.removeItem(atPath: (db as NSString).deletingLastPathComponent) }
        let created = try runDXServe(["token", "create", "durability", "--db", db])
        try #require(created.status == 0, "\(created.err)")
        let token = created.out.trimmingCharacters(in: .whitespacesAndNewlines)
        var acknowledged: [AcknowledgedWrites] = []

        for round in 1...Self.rounds {
            let server = try ServerProcess(arguments: ["--db", db])
            let ledgers = (0..<Self.writers).map { _ in AcknowledgedWrites() }
            let stop = StopFlag()
            let port = server.port
            let threads = ledgers.enumerated().map { writer, ledger in
                Thread { Self.write(port: port, token: token, tag: "r\(round)w\(writer)", into: ledger, until: stop) }
            }
            threads.forEach { $0.start() }
            usleep(UInt32(Self.loadSeconds * 1_000_000))
            // The kill lands while every writer has a request in flight or about to be.
            server.signal(SIGKILL)
            #expect(server.waitForExit() != nil, "round \(round): the server did not die")
            stop.set()
            for ledger in ledgers { ledger.waitUntilFinished() }
            acknowledged += ledgers
            let acked = ledgers.reduce(0) { $0 + $1.snapshot().creates.count }
            #expect(acked > 0, "round \(round): no write was acknowledged before the kill")

            // Recovery happens on open; check the file exactly as the next server will see it.
            try Self.verify(db: db, acknowledged, round: round)
        }

        // And the restarted server serves them: the last round's writes through HTTP.
        let server = try ServerProcess(arguments: ["--db", db])
        for ledger in acknowledged.suffix(Self.writers) {
            for (id, allowed) in ledger.snapshot().expectedTitles.prefix(5) {
                let client = try RawClient(port: server.port)
                try client.write("GET /api/v1/projects/\(id) HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                let response = try #require(try client.readResponse())
                #expect(response.status == 200)
                let title = (try response.json() as? [String: Any])?["title"] as? String
                #expect(title.map(allowed.contains) == true, "project \(id): \(title ?? "nil") not in \(allowed)")
            }
        }
        server.signal(SIGTERM)
        _ = server.waitForExit()
    }

    /// Each acknowledged create is present with its acknowledged title (or a later one whose
    /// PATCH was in flight at the kill: it may or may not have committed).
    static func verify(db: String, _ ledgers: [AcknowledgedWrites], round: Int) throws {
        let database = try Database(path: db)
        let check = try database.scalar("PRAGMA integrity_check")
        #expect(check == .text("ok"), "round \(round): integrity_check \(String(describing: check))")
        var missing: [String] = []
        for ledger in ledgers {
            for (id, allowed) in ledger.snapshot().expectedTitles {
                let title = try database.scalar("SELECT title FROM projects WHERE id = ?", .integer(Int64(id)))
                guard case let .text(text) = title, allowed.contains(text) else {
                    missing.append("\(id): \(String(describing: title)) not in \(allowed)")
                    continue
                }
            }
        }
        #expect(missing.isEmpty, "round \(round): acknowledged writes lost: \(missing.prefix(10))")
    }

    /// One writer: POST a project, PATCH its title twice, repeat, on one keep-alive
    /// connection, recording each acknowledged write, until the server dies or `stop` is set.
    static func write(port: Int, token: String, tag: String, into ledger: AcknowledgedWrites, until stop: StopFlag) {
        defer { ledger.finish() }
        guard let client = try? RawClient(port: port) else { return }
        var n = 0
        while !stop.isSet {
            n += 1
            let title = "\(tag)-\(n)"
            let body = #"{"measure_code":"1-1","title":"\#(title)","department":"d","start_fiscal_year":2023,"end_fiscal_year":2024}"#
            guard let created = send(client, "POST", "/api/v1/projects", body, token: token), created.status == 201,
                  let id = (try? created.json() as? [String: Any])?["id"] as? Int else { return }
            ledger.created(id: id, title: title)
            for k in 1...2 {
                let patched = "\(title)-p\(k)"
                ledger.sending(id: id, title: patched)
                guard let response = send(client, "PATCH", "/api/v1/projects/\(id)", #"{"title":"\#(patched)"}"#, token: token),
                      response.status == 200 else { return }
                ledger.patched(id: id, title: patched)
            }
        }
    }

    static func send(_ client: RawClient, _ method: String, _ target: String, _ body: String, token: String) -> RawResponse? {
        let head = "\(method) \(target) HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(token)\r\n"
            + "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n"
        guard (try? client.write(head + body)) != nil else { return nil }
        return try? client.readResponse(timeout: 10)
    }
}

/// What one writer thread saw acknowledged; shared with the test thread under a lock.
final class AcknowledgedWrites: @unchecked Sendable {
    struct Snapshot {
        var creates: [Int] = []
        /// Per project: the acknowledged title, plus the one in flight when the server died.
        var expectedTitles: [Int: Set<String>] = [:]
    }

    private let condition = NSCondition()
    private var state = Snapshot()
    private var finished = false

    func created(id: Int, title: String) {
        condition.withLock { state.creates.append(id); state.expectedTitles[id] = [title] }
    }

    /// A PATCH is about to go out: from now on either title may be what the file holds.
    func sending(id: Int, title: String) {
        condition.withLock { _ = state.expectedTitles[id, default: []].insert(title) }
    }

    /// The PATCH was acknowledged: only this title is acceptable now.
    func patched(id: Int, title: String) {
        condition.withLock { state.expectedTitles[id] = [title] }
    }

    func finish() {
        condition.withLock { finished = true; condition.broadcast() }
    }

    func waitUntilFinished() {
        condition.withLock { while !finished { condition.wait() } }
    }

    func snapshot() -> Snapshot { condition.withLock { state } }
}

final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}

import CSQLite
import Foundation
import Testing
@testable import DXCore

/// A primary's database in `directory`, migrated, with a `marks` table holding `marks`.
private func makePrimary(in directory: URL, marks: [Int]) throws -> DatabasePool {
    let pool = try DatabasePool(path: directory.appendingPathComponent("primary.sqlite").path, readerCount: 1)
    try Migrator(directory: migrationsDirectory).migrate(pool)
    try pool.write { db in
        try db.execute("CREATE TABLE IF NOT EXISTS marks (n INTEGER) STRICT")
        for mark in marks { try db.run("INSERT INTO marks VALUES (?)", .integer(Int64(mark))) }
    }
    return pool
}

/// What `dxserve backup TMP && mv TMP PATH` does: a consistent copy written elsewhere, then
/// renamed over `path`.
private func copy(_ primary: DatabasePool, over path: String) throws {
    let temporary = path + ".incoming"
    try? FileManager.default.removeItem(atPath: temporary)
    try Database(path: primary.path, readOnly: true).run("VACUUM INTO ?", .text(temporary))
    guard rename(temporary, path) == 0 else { throw TestFailure("rename failed: errno \(errno)") }
}

private func marks(_ pool: DatabasePool) throws -> [Int] {
    try pool.read { db in try db.rows("SELECT n FROM marks ORDER BY n") { $0.int(at: 0) } }
}

private let check = ReplicaSnapshotCheck(migrator: Migrator(directory: migrationsDirectory))

@Suite("Read replica snapshots")
struct ReplicaSnapshotTests {
    @Test("a read-only pool refuses every kind of write with SQLITE_READONLY and writes nothing")
    func readOnlyPoolRefusesEveryWrite() throws {
        try withTemporaryDirectory { directory in
            let primary = try makePrimary(in: directory, marks: [1])
            let path = directory.appendingPathComponent("replica.sqlite").path
            try copy(primary, over: path)
            let replica = try DatabasePool(readOnlySnapshotAt: path, readerCount: 2, verify: check.verify)
            for attempt in [
                { try replica.write { db in try db.run("INSERT INTO marks VALUES (2)") } },
                { try replica.writeWithoutTransaction { db in try db.run("INSERT INTO marks VALUES (2)") } },
                { try replica.writeBookkeeping { db in try db.run("INSERT INTO marks VALUES (2)") } },
            ] as [() throws -> Void] {
                let error = #expect(throws: SQLiteError.self) { try attempt() }
                #expect(error?.primaryCode == SQLITE_READONLY)
            }
            // Even SQL that writes, run on a reader, cannot change the file.
            #expect(throws: SQLiteError.self) { try replica.read { db in try db.run("INSERT INTO marks VALUES (3)") } }
            #expect(try marks(replica) == [1])
            #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
            #expect(!FileManager.default.fileExists(atPath: path + "-shm"))
        }
    }

    @Test("a copy renamed over the path is served after replaceSnapshot, and dataVersion moves")
    func renamedCopyIsServedAfterSwap() throws {
        try withTemporaryDirectory { directory in
            let primary = try makePrimary(in: directory, marks: [1])
            let path = directory.appendingPathComponent("replica.sqlite").path
            try copy(primary, over: path)
            let replica = try DatabasePool(readOnlySnapshotAt: path, verify: check.verify)
            try primary.write { db in try db.run("INSERT INTO marks VALUES (2)") }
            try copy(primary, over: path)
            // Immutable snapshot: the old inode is still what is served until the swap.
            #expect(try marks(replica) == [1])
            let before = replica.dataVersion
            try replica.replaceSnapshot(verify: check.verify)
            #expect(try marks(replica) == [1, 2])
            #expect(replica.dataVersion > before)
        }
    }

    @Test("a read in flight during a swap finishes on the old file; the next read sees the new one")
    func readInFlightFinishesOnOldFile() throws {
        try withTemporaryDirectory { directory in
            let primary = try makePrimary(in: directory, marks: [1])
            let path = directory.appendingPathComponent("replica.sqlite").path
            try copy(primary, over: path)
            let replica = try DatabasePool(readOnlySnapshotAt: path, readerCount: 1, verify: check.verify)
            try primary.write { db in try db.run("INSERT INTO marks VALUES (2)") }
            let seenInFlight = try replica.read { db -> [Int] in
                let first = try db.rows("SELECT n FROM marks ORDER BY n") { $0.int(at: 0) }
                // The swap happens while this read holds the only reader of the old set.
                try copy(primary, over: path)
                try replica.replaceSnapshot(verify: check.verify)
                let second = try db.rows("SELECT n FROM marks ORDER BY n") { $0.int(at: 0) }
                return first + second
            }
            #expect(seenInFlight == [1, 1])
            #expect(try marks(replica) == [1, 2])
        }
    }

    @Test("the refresher swaps in a new copy once, and keeps serving the old one when the next is damaged")
    func refresherKeepsOldCopyWhenNewOneIsDamaged() throws {
        try withTemporaryDirectory { directory in
            let primary = try makePrimary(in: directory, marks: [1])
            let path = directory.appendingPathComponent("replica.sqlite").path
            try copy(primary, over: path)
            let served = FileIdentity.of(path: path)
            let replica = try DatabasePool(readOnlySnapshotAt: path, verify: check.verify)
            let refresher = ReplicaRefresher(pool: replica, check: check, served: served)
            #expect(refresher.check() == .unchanged)

            try primary.write { db in try db.run("INSERT INTO marks VALUES (2)") }
            try copy(primary, over: path)
            guard case .refreshed = refresher.check() else { Issue.record("expected a swap"); return }
            #expect(try marks(replica) == [1, 2])
            #expect(refresher.check() == .unchanged)

            // A torn copy: the first half of a good one, renamed over the path.
            let good = try Data(contentsOf: URL(fileURLWithPath: path))
            let torn = path + ".torn"
            try good.prefix(good.count / 2).write(to: URL(fileURLWithPath: torn))
            #expect(rename(torn, path) == 0)
            guard case .rejected = refresher.check() else { Issue.record("a torn copy must be refused"); return }
            #expect(try marks(replica) == [1, 2])
            // Refused once, not retried every second until the path changes again.
            #expect(refresher.check() == .unchanged)
        }
    }

    @Test("an empty file, a directory or a non-SQLite file renamed over the path is refused saying so, not as a schema behind")
    func aCopyThatIsNotADatabaseIsRefusedSayingWhat() throws {
        try withTemporaryDirectory { directory in
            let primary = try makePrimary(in: directory, marks: [1])
            let path = directory.appendingPathComponent("replica.sqlite").path
            try copy(primary, over: path)
            let replica = try DatabasePool(readOnlySnapshotAt: path, verify: check.verify)
            let refresher = ReplicaRefresher(pool: replica, check: check, served: FileIdentity.of(path: path))
            let cases: [(write: (String) throws -> Void, says: String)] = [
                ({ try Data().write(to: URL(fileURLWithPath: $0)) }, "is empty (0 bytes), not an SQLite database"),
                ({ try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: $0)) }, "is not an SQLite database (4096 bytes"),
                ({ try Data("id,title\n".utf8).write(to: URL(fileURLWithPath: $0)) }, "is not an SQLite database (9 bytes"),
            ]
            for (index, item) in cases.enumerated() {
                let next = path + ".next\(index)"
                try item.write(next)
                #expect(rename(next, path) == 0)
                guard case .rejected(_, let reason) = refresher.check() else { Issue.record("case \(index) must be refused"); continue }
                #expect(reason.contains(item.says), "\(reason)")
                #expect(reason.contains(path) && reason.contains("still serving the previous copy"), "\(reason)")
                #expect(!reason.contains("schema") && !reason.contains("migrat"), "\(reason)")
                #expect(try marks(replica) == [1])
            }
            #expect(DatabaseFileProblem.of(path: directory.path) == .notAFile(path: directory.path))
            #expect(DatabaseFileProblem.of(path: path + ".none") == .missing(path: path + ".none"))
            try copy(primary, over: path)
            #expect(DatabaseFileProblem.of(path: path) == nil)
        }
    }

    @Test("a copy whose schema is older than this binary's migrations is refused, at start and on a swap")
    func copyBehindSchemaIsRefused() throws {
        try withTemporaryDirectory { directory in
            let primary = try makePrimary(in: directory, marks: [1])
            let path = directory.appendingPathComponent("replica.sqlite").path
            try copy(primary, over: path)
            let replica = try DatabasePool(readOnlySnapshotAt: path, verify: check.verify)
            // An older primary: its last migration never ran.
            try primary.write { db in try db.run("DELETE FROM schema_migrations WHERE version = (SELECT max(version) FROM schema_migrations)") }
            try copy(primary, over: path)
            #expect {
                try replica.replaceSnapshot(verify: check.verify)
            } throws: { error in
                guard case .schemaBehind(_, let pending)? = error as? ReplicaError else { return false }
                return pending.count == 1
            }
            #expect(try marks(replica) == [1])
            #expect {
                _ = try DatabasePool(readOnlySnapshotAt: path, verify: check.verify)
            } throws: { error in
                guard case .schemaBehind? = error as? ReplicaError else { return false }
                return true
            }
        }
    }

    @Test("a replica pool on a missing file fails to open instead of creating one")
    func missingFileIsNotCreated() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("absent.sqlite").path
            #expect(throws: SQLiteError.self) { _ = try DatabasePool(readOnlySnapshotAt: path) }
            #expect(!FileManager.default.fileExists(atPath: path))
        }
    }

    @Test("file URIs percent-encode only the characters that would end or escape the path")
    func fileURIEscapesDelimiters() {
        #expect(Database.fileURI("/srv/dx 100%/a?b#c.sqlite") == "file:/srv/dx 100%25/a%3Fb%23c.sqlite")
        #expect(Database.fileURI("データ/dx.sqlite") == "file:データ/dx.sqlite")
    }
}

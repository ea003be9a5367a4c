import DXSync
import Foundation
import Testing
@testable import DXCore

/// Concurrent writes share commits (`GroupCommit`), yet each behaves as if it had its own
/// transaction: its result comes back to it, a throwing write changes nothing, and the others
/// in its batch still commit.
@Suite("Group commit")
struct GroupCommitTests {
    @Test func concurrentWritersEachGetTheirOwnResultAndEveryWriteIsKept() throws {
        try withPool { pool in
            try pool.write { db in try db.execute("CREATE TABLE t (n INTEGER PRIMARY KEY, w INTEGER NOT NULL) STRICT") }
            let results = Locked<[Int: Int64]>([:])
            DispatchQueue.concurrentPerform(iterations: 64) { i in
                let id = try? pool.write { db -> Int64 in
                    try db.run("INSERT INTO t (w) VALUES (?)", .integer(Int64(i)))
                    return db.lastInsertRowID
                }
                results.withLock { $0[i] = id }
            }
            let byWriter = results.withLock { $0 }
            #expect(byWriter.count == 64)
            // Each writer got back the row it inserted, not a neighbour's from the same batch.
            for (writer, rowID) in byWriter {
                let stored = try pool.read { db in try db.scalar("SELECT w FROM t WHERE n = ?", .integer(rowID)) }
                #expect(stored == .integer(Int64(writer)))
            }
            #expect(try pool.read { db in try db.scalar("SELECT count(*) FROM t") } == .integer(64))
        }
    }

    @Test func aThrowingWriteIsUndoneAloneWhileItsBatchCommits() throws {
        struct Refused: Error {}
        try withPool { pool in
            try pool.write { db in try db.execute("CREATE TABLE t (w INTEGER NOT NULL) STRICT") }
            let failures = Locked(0)
            DispatchQueue.concurrentPerform(iterations: 48) { i in
                do {
                    try pool.write { db in
                        try db.run("INSERT INTO t (w) VALUES (?)", .integer(Int64(i)))
                        if i % 3 == 0 { throw Refused() }
                    }
                } catch {
                    failures.withLock { $0 += 1 }
                }
            }
            #expect(failures.withLock { $0 } == 16)
            let kept = try pool.read { db in try db.scalar("SELECT count(*) FROM t") }
            #expect(kept == .integer(32))
            let refusedStored = try pool.read { db in try db.scalar("SELECT count(*) FROM t WHERE w % 3 = 0") }
            #expect(refusedStored == .integer(0))
        }
    }

    @Test func aConstraintFailureInsideABatchLeavesTheBatchUsable() throws {
        try withPool { pool in
            try pool.write { db in try db.execute("CREATE TABLE t (k TEXT PRIMARY KEY) STRICT") }
            let outcomes = Locked<[Bool]>([])
            // Every writer inserts "a"; exactly one can win, whatever the batching.
            DispatchQueue.concurrentPerform(iterations: 16) { _ in
                let ok = (try? pool.write { db in try db.run("INSERT INTO t (k) VALUES ('a')") }) != nil
                outcomes.withLock { $0.append(ok) }
            }
            #expect(outcomes.withLock { $0.filter { $0 }.count } == 1)
            try pool.write { db in try db.run("INSERT INTO t (k) VALUES ('b')") }
            #expect(try pool.read { db in try db.scalar("SELECT count(*) FROM t") } == .integer(2))
        }
    }

    @Test func everyWriterReturnsAfterTheVersionThatCoversItsWrite() throws {
        try withPool { pool in
            try pool.write { db in try db.execute("CREATE TABLE t (w INTEGER) STRICT") }
            let stale = Locked(0)
            DispatchQueue.concurrentPerform(iterations: 32) { i in
                let before = pool.dataVersion
                try? pool.write { db in try db.run("INSERT INTO t VALUES (?)", .integer(Int64(i))) }
                if pool.dataVersion <= before { stale.withLock { $0 += 1 } }
            }
            #expect(stale.withLock { $0 } == 0)
        }
    }
}

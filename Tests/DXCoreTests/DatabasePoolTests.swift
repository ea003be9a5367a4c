import DXSync
import Foundation
import Testing
@testable import DXCore

@Suite("Database pool")
struct DatabasePoolTests {
    @Test("every successful write bumps dataVersion; a failed one does not")
    func dataVersionBumpsOnWrite() throws {
        try withPool { pool in
            let initial = pool.dataVersion
            try pool.write { db in try db.execute("CREATE TABLE t (x INTEGER) STRICT") }
            let afterFirst = pool.dataVersion
            #expect(afterFirst > initial)
            try pool.write { db in try db.run("INSERT INTO t VALUES (1)") }
            #expect(pool.dataVersion > afterFirst)
            let beforeFailure = pool.dataVersion
            #expect(throws: SQLiteError.self) { try pool.write { db in try db.run("INSERT INTO missing VALUES (1)") } }
            #expect(pool.dataVersion == beforeFailure)
        }
    }

    @Test("reads see committed writes")
    func readsSeeWrites() throws {
        try withPool { pool in
            try pool.write { db in
                try db.execute("CREATE TABLE t (x INTEGER) STRICT")
                try db.run("INSERT INTO t VALUES (?)", 5)
            }
            #expect(try pool.read { db in try db.scalar("SELECT x FROM t") } == .integer(5))
        }
    }

    @Test("a read completes while a write transaction is open, and sees the last commit")
    func readersDoNotWaitForTheWriter() throws {
        try withPool { pool in
            try pool.write { db in
                try db.execute("CREATE TABLE t (x INTEGER) STRICT")
                try db.run("INSERT INTO t VALUES (1)")
            }
            let readDone = DispatchSemaphore(value: 0)
            let readResult = Locked<SQLiteValue?>(nil)
            let waited = Locked<DispatchTimeoutResult>(.timedOut)
            try pool.write { db in
                try db.run("INSERT INTO t VALUES (2)")
                // The writer holds its lock and an open transaction while a reader runs.
                DispatchQueue.global().async {
                    let value = try? pool.read { db in try db.scalar("SELECT count(*) FROM t") }
                    readResult.withLock { $0 = value ?? nil }
                    readDone.signal()
                }
                waited.withLock { $0 = readDone.wait(timeout: .now() + 5) }
            }
            #expect(waited.withLock { $0 } == .success)
            #expect(readResult.withLock { $0 } == .integer(1))
        }
    }

    @Test("a second writer waits for the first through busy_timeout instead of failing")
    func busyTimeoutAbsorbsContention() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("busy.sqlite").path
            let first = try Database(path: path)
            try first.execute("CREATE TABLE t (x INTEGER) STRICT")
            let second = try Database(path: path)

            let holding = DispatchSemaphore(value: 0)
            let released = DispatchSemaphore(value: 0)
            let firstError = Locked<(any Error)?>(nil)
            DispatchQueue.global().async {
                do {
                    try first.inTransaction(.immediate) { db in
                        try db.run("INSERT INTO t VALUES (1)")
                        holding.signal()
                        Thread.sleep(forTimeInterval: 0.3)
                    }
                } catch {
                    firstError.withLock { $0 = error }
                }
                released.signal()
            }
            holding.wait()
            let started = Date()
            try second.inTransaction(.immediate) { db in try db.run("INSERT INTO t VALUES (2)") }
            #expect(Date().timeIntervalSince(started) >= 0.1)  // it really waited
            released.wait()
            #expect(firstError.withLock { $0 } == nil)
            #expect(try second.scalar("SELECT count(*) FROM t") == .integer(2))
        }
    }

    @Test("externalChangeCheck notices a commit by another connection, once")
    func externalChangesAreNoticed() throws {
        try withPool { pool in
            try pool.write { db in try db.execute("CREATE TABLE t (x INTEGER) STRICT") }
            #expect(pool.externalChangeCheck() == false)  // our own write is already counted

            let other = try Database(path: pool.path)  // stands in for the CLI process
            try other.run("INSERT INTO t VALUES (1)")
            let before = pool.dataVersion
            #expect(pool.externalChangeCheck() == true)
            #expect(pool.dataVersion > before)
            #expect(pool.externalChangeCheck() == false)
        }
    }

    @Test("many concurrent reads and writes complete without errors")
    func concurrentLoad() throws {
        try withPool(readerCount: 2) { pool in
            try pool.write { db in try db.execute("CREATE TABLE t (x INTEGER) STRICT") }
            let failures = Locked<[String]>([])
            DispatchQueue.concurrentPerform(iterations: 40) { index in
                do {
                    if index % 4 == 0 {
                        try pool.write { db in try db.run("INSERT INTO t VALUES (?)", SQLiteValue(index)) }
                    } else {
                        _ = try pool.read { db in try db.scalar("SELECT count(*) FROM t") }
                    }
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
            #expect(failures.withLock { $0 } == [])
            #expect(try pool.read { db in try db.scalar("SELECT count(*) FROM t") } == .integer(10))
        }
    }
}

import CSQLite
import Foundation
import DXSync
import Synchronization

/// Owns every connection to one database file: a single writer and a small pool of readers.
///
/// In WAL mode readers see the last committed snapshot and never wait for the writer, so
/// `read` is never blocked by a `write`. Writes are serialized in-process by a lock; writes
/// from other processes (the CLI) are serialized by SQLite's file lock and `busy_timeout`.
public final class DatabasePool: Sendable {
    public let path: String
    /// True for a read replica's pool (`init(readOnlySnapshotAt:)`): every write throws
    /// `SQLITE_READONLY` and `replaceSnapshot` may swap in a newer copy of the file.
    public let isReadOnly: Bool

    /// nil on a read-only pool.
    private let writer: Locked<Database>?
    /// Swapped whole by `replaceSnapshot`; a read takes the current set and keeps it until it
    /// checks its connection back in, so it finishes on the file it started on.
    private let readers: Locked<ReaderPool>
    private let readerCount: Int
    /// The connection that watches `PRAGMA data_version`, paired with the last value seen. It
    /// also makes the bookkeeping writes (`writeBookkeeping`): a connection's own commits do
    /// not change its data_version, so those writes are invisible to the watch while another
    /// process's commits still show.
    private let monitor: Locked<(database: Database, lastSeen: Int64)>?
    /// Read on every replayed request by the loop threads: an atomic, not a lock.
    private let version = Atomic<UInt64>(1)
    private let groupCommit = GroupCommit()
    /// Told each `write`'s duration in seconds (for `/metrics`); set once at start.
    /// Boxed in a class: a bare closure stored in the lock came back through `withLock` wrapped
    /// in one more reabstraction thunk on every read and write, so after N writes each write
    /// ran N nested thunks (perf showed a third of a PATCH load's CPU in them).
    private let writeObserver = Locked<WriteObserver?>(nil)

    private final class WriteObserver: Sendable {
        let observe: @Sendable (Double) -> Void
        init(_ observe: @escaping @Sendable (Double) -> Void) { self.observe = observe }
    }

    /// Opens the file, creating it if needed. `readerCount` bounds concurrent reads; a read
    /// beyond that waits for a reader to come back. `busyTimeoutMilliseconds` bounds every
    /// connection's wait on a lock held by another process before SQLITE_BUSY.
    public init(path: String, readerCount: Int = 4,
                busyTimeoutMilliseconds: Int32 = Database.defaultBusyTimeoutMilliseconds) throws {
        precondition(readerCount > 0, "a pool needs at least one reader")
        self.path = path
        self.isReadOnly = false
        self.readerCount = readerCount
        // The writer first: it creates the file and switches it to WAL, which the read-only
        // connections then only verify.
        let writerConnection = try Database(path: path, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
        self.writer = Locked(writerConnection)
        self.readers = Locked(ReaderPool(try (0..<readerCount).map { _ in
            try Database(path: path, readOnly: true, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
        }))
        let monitorConnection = try Database(path: path, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
        self.monitor = Locked((monitorConnection, try Self.dataVersion(of: monitorConnection)))
    }

    /// A read replica's pool: `readerCount` immutable read-only connections
    /// (`Database(immutableSnapshotAt:)`) and no writer. Nothing is created or migrated; the
    /// file must exist. `verify` runs once on a reader, in a read transaction, before the pool
    /// is returned (the caller checks the schema there); whatever it throws is rethrown.
    public init(readOnlySnapshotAt path: String, readerCount: Int = 4,
                verify: (Database) throws -> Void = { _ in }) throws {
        precondition(readerCount > 0, "a pool needs at least one reader")
        self.path = path
        self.isReadOnly = true
        self.readerCount = readerCount
        self.writer = nil
        self.monitor = nil
        self.readers = Locked(try Self.openSnapshot(path: path, readerCount: readerCount, verify: verify))
    }

    /// Opens a new set of snapshot readers on whatever file is at `path` now and runs
    /// `verify` on one of them before anything is served from it.
    private static func openSnapshot(path: String, readerCount: Int, verify: (Database) throws -> Void) throws -> ReaderPool {
        let connections = try (0..<readerCount).map { _ in try Database(immutableSnapshotAt: path) }
        try connections[0].inTransaction(.deferred, verify)
        return ReaderPool(connections)
    }

    /// On a read-only pool: opens the file now at `path` (a newer copy renamed over it), runs
    /// `verify` on it, and only then swaps it in for every later read and bumps `dataVersion`,
    /// so caches keyed by it follow the new data. Reads already running finish on the old
    /// file, whose connections close when the last of them is checked in. When opening or
    /// `verify` throws, nothing changes and the error is rethrown. Throws `SQLITE_MISUSE` on
    /// a read-write pool.
    public func replaceSnapshot(verify: (Database) throws -> Void) throws {
        guard isReadOnly else {
            throw SQLiteError(extendedCode: SQLITE_MISUSE, message: "only a read-only pool swaps its file", sql: nil)
        }
        let fresh = try Self.openSnapshot(path: path, readerCount: readerCount, verify: verify)
        readers.withLock { $0 = fresh }
        version.add(1, ordering: .releasing)
    }

    static func readOnlyError() -> SQLiteError {
        SQLiteError(extendedCode: SQLITE_READONLY, message: "this database pool is read-only (a read replica)", sql: nil)
    }

    /// A number that grows whenever the data may have changed: after every write through this
    /// pool, and after `externalChangeCheck()` notices a commit from another process. Caches
    /// keyed by it are never stale.
    public var dataVersion: UInt64 { version.load(ordering: .acquiring) }

    /// Runs `body` on a reader connection inside a read transaction, so every query in it sees
    /// the same snapshot. Do not nest `read` calls: with every reader checked out they would
    /// wait for each other.
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        let current = readers.withLock { $0 }
        let database = current.checkOut()
        defer { current.checkIn(database) }
        return try database.inTransaction(.deferred, body)
    }

    /// Runs `body` on the writer inside an IMMEDIATE transaction (the write lock is taken at
    /// BEGIN, so a busy database is waited for up front rather than failing mid-transaction),
    /// and returns once it is committed; `dataVersion` is bumped before it returns. Concurrent
    /// writes share one commit (`GroupCommit`), each in its own savepoint, so a throwing `body`
    /// changes nothing and does not affect the others.
    public func write<T>(_ body: (Database) throws -> T) throws -> T {
        guard let writer else { throw Self.readOnlyError() }
        let started = ContinuousClock.now
        defer {
            if let observer = writeObserver.withLock({ $0 }) {
                let elapsed = ContinuousClock.now - started
                observer.observe(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
            }
        }
        var result: T?
        try groupCommit.perform(on: writer, committed: bumpVersionAfterOwnWrite) { database in
            result = try body(database)
        }
        guard let result else { throw SQLiteError(extendedCode: SQLITE_MISUSE, message: "a write returned no result", sql: nil) }
        return result
    }

    /// Calls `observer` with the seconds each `write` took from its call to its commit (or its
    /// failure), waiting for the writer and the group commit included: what a client waits.
    public func observeWrites(_ observer: @escaping @Sendable (_ seconds: Double) -> Void) {
        writeObserver.withLock { $0 = WriteObserver(observer) }
    }

    /// Runs `body` on the writer with no transaction around it, for work that manages its own
    /// transactions (migrations) or cannot run in one (VACUUM INTO). Bumps `dataVersion`
    /// afterwards, whether or not `body` changed anything.
    public func writeWithoutTransaction<T>(_ body: (Database) throws -> T) throws -> T {
        guard let writer else { throw Self.readOnlyError() }
        let result = try writer.withLock { database in try body(database) }
        bumpVersionAfterOwnWrite()
        return result
    }

    /// Runs `body` in an IMMEDIATE transaction for a write that no public response depends on
    /// (a token's `last_used_at`), without bumping `dataVersion`, so it does not empty the
    /// response cache. It runs on the monitor connection: SQLite changes a connection's
    /// `PRAGMA data_version` only for commits made by *other* connections, so this commit is
    /// never mistaken for an external change, while a commit by another process before or
    /// after it still is. Never use it for data that any response shows.
    public func writeBookkeeping<T>(_ body: (Database) throws -> T) throws -> T {
        guard let monitor else { throw Self.readOnlyError() }
        return try monitor.withLock { state in try state.database.inTransaction(.immediate, body) }
    }

    /// Checks whether another process committed to the file since the last check, and if so
    /// bumps `dataVersion`. Returns true when it bumped. Cheap: one PRAGMA.
    @discardableResult
    public func externalChangeCheck() -> Bool {
        // A read-only pool's file never changes in place; `replaceSnapshot` bumps instead.
        guard let monitor else { return false }
        let changed: Bool = monitor.withLock { state in
            guard let current = try? Self.dataVersion(of: state.database) else {
                // Unknown is treated as changed: a spurious invalidation is harmless, a
                // missed one serves stale data.
                return true
            }
            defer { state.lastSeen = current }
            return current != state.lastSeen
        }
        if changed { version.add(1, ordering: .releasing) }
        return changed
    }

    private func bumpVersionAfterOwnWrite() {
        // Our own commit also changes the monitor's data_version. Re-reading the baseline here
        // keeps the next externalChangeCheck from bumping again for it. Any other process's
        // commit that slipped in before this read is covered by the bump below, which happens
        // after it.
        guard let monitor else { return }
        monitor.withLock { state in
            if let current = try? Self.dataVersion(of: state.database) { state.lastSeen = current }
            version.add(1, ordering: .releasing)
        }
    }

    private static func dataVersion(of database: Database) throws -> Int64 {
        guard case .integer(let value)? = try database.scalar("PRAGMA data_version") else {
            throw SQLiteError(extendedCode: SQLITE_ERROR, message: "no data_version", sql: "PRAGMA data_version")
        }
        return value
    }
}

/// A fixed set of read-only connections, each checked out by one thread at a time.
private final class ReaderPool: @unchecked Sendable {
    private let condition = NSCondition()
    private var available: [Database]

    init(_ connections: [Database]) { self.available = connections }

    func checkOut() -> Database {
        condition.lock()
        defer { condition.unlock() }
        while available.isEmpty { condition.wait() }
        return available.removeLast()
    }

    func checkIn(_ database: Database) {
        condition.lock()
        available.append(database)
        condition.signal()
        condition.unlock()
    }
}

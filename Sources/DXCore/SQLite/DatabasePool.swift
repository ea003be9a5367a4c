import CSQLite
import Foundation

/// Owns every connection to one database file: a single writer and a small pool of readers.
///
/// In WAL mode readers see the last committed snapshot and never wait for the writer, so
/// `read` is never blocked by a `write`. Writes are serialized in-process by a lock; writes
/// from other processes (the CLI) are serialized by SQLite's file lock and `busy_timeout`.
public final class DatabasePool: Sendable {
    public let path: String

    private let writer: Locked<Database>
    private let readers: ReaderPool
    /// A connection used only to watch `PRAGMA data_version`, paired with the last value seen.
    private let monitor: Locked<(database: Database, lastSeen: Int64)>
    private let version = Locked<UInt64>(1)

    /// Opens the file, creating it if needed. `readerCount` bounds concurrent reads; a read
    /// beyond that waits for a reader to come back.
    public init(path: String, readerCount: Int = 4) throws {
        precondition(readerCount > 0, "a pool needs at least one reader")
        self.path = path
        // The writer first: it creates the file and switches it to WAL, which the read-only
        // connections then only verify.
        let writerConnection = try Database(path: path)
        self.writer = Locked(writerConnection)
        self.readers = ReaderPool(try (0..<readerCount).map { _ in try Database(path: path, readOnly: true) })
        let monitorConnection = try Database(path: path, readOnly: true)
        self.monitor = Locked((monitorConnection, try Self.dataVersion(of: monitorConnection)))
    }

    /// A number that grows whenever the data may have changed: after every write through this
    /// pool, and after `externalChangeCheck()` notices a commit from another process. Caches
    /// keyed by it are never stale.
    public var dataVersion: UInt64 { version.withLock { $0 } }

    /// Runs `body` on a reader connection inside a read transaction, so every query in it sees
    /// the same snapshot. Do not nest `read` calls: with every reader checked out they would
    /// wait for each other.
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        let database = readers.checkOut()
        defer { readers.checkIn(database) }
        return try database.inTransaction(.deferred, body)
    }

    /// Runs `body` on the writer inside an IMMEDIATE transaction (the write lock is taken at
    /// BEGIN, so a busy database is waited for up front rather than failing mid-transaction),
    /// then bumps `dataVersion` once the commit succeeded.
    public func write<T>(_ body: (Database) throws -> T) throws -> T {
        try writeWithoutTransaction { database in try database.inTransaction(.immediate, body) }
    }

    /// Runs `body` on the writer with no transaction around it, for work that manages its own
    /// transactions (migrations) or cannot run in one (VACUUM INTO). Bumps `dataVersion`
    /// afterwards, whether or not `body` changed anything.
    public func writeWithoutTransaction<T>(_ body: (Database) throws -> T) throws -> T {
        let result = try writer.withLock { database in try body(database) }
        bumpVersionAfterOwnWrite()
        return result
    }

    /// Checks whether another process committed to the file since the last check, and if so
    /// bumps `dataVersion`. Returns true when it bumped. Cheap: one PRAGMA.
    @discardableResult
    public func externalChangeCheck() -> Bool {
        let changed: Bool = monitor.withLock { state in
            guard let current = try? Self.dataVersion(of: state.database) else {
                // Unknown is treated as changed: a spurious invalidation is harmless, a
                // missed one serves stale data.
                return true
            }
            defer { state.lastSeen = current }
            return current != state.lastSeen
        }
        if changed { version.withLock { $0 += 1 } }
        return changed
    }

    private func bumpVersionAfterOwnWrite() {
        // Our own commit also changes the monitor's data_version. Re-reading the baseline here
        // keeps the next externalChangeCheck from bumping again for it. Any other process's
        // commit that slipped in before this read is covered by the bump below, which happens
        // after it.
        monitor.withLock { state in
            if let current = try? Self.dataVersion(of: state.database) { state.lastSeen = current }
            version.withLock { $0 += 1 }
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

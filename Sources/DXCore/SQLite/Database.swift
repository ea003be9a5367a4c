import CSQLite

/// One SQLite connection.
///
/// Threading rule: a connection is used by one thread at a time. It is `@unchecked Sendable`
/// only so that its owner (`DatabasePool`) can hand it from thread to thread; that owner
/// serializes every use behind a lock, and nothing else may share a `Database` across threads.
/// (SQLite is built in serialized mode on Debian, but a connection also carries transaction
/// state and a statement cache that must not be interleaved.)
public final class Database: @unchecked Sendable {
    /// Bounded wait on a locked database file: long enough to ride out any ordinary write
    /// transaction, short enough that a stuck writer surfaces as an error rather than a hang.
    public static let defaultBusyTimeoutMilliseconds: Int32 = 5_000

    public let path: String
    public let isReadOnly: Bool
    /// Opened with `immutable=1`: see `init(immutableSnapshotAt:)`.
    public let isImmutable: Bool
    let handle: OpaquePointer
    private var statementCache: [String: Statement] = [:]

    public enum TransactionKind: String, Sendable {
        case deferred = "DEFERRED"
        case immediate = "IMMEDIATE"
        case exclusive = "EXCLUSIVE"
    }

    /// Opens (creating it unless `readOnly`) the database at `path` and verifies its settings:
    /// WAL journal, foreign keys on, extended result codes, bounded busy timeout, and
    /// `synchronous=FULL`.
    public static func open(
        path: String, readOnly: Bool = false, busyTimeoutMilliseconds: Int32 = defaultBusyTimeoutMilliseconds
    ) throws -> Database {
        try Database(path: path, readOnly: readOnly, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
    }

    public init(
        path: String, readOnly: Bool = false, busyTimeoutMilliseconds: Int32 = defaultBusyTimeoutMilliseconds
    ) throws {
        var connection: OpaquePointer?
        // NOMUTEX: our own lock discipline already serializes each connection.
        let flags =
            (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
            | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        let code = sqlite3_open_v2(path, &connection, flags, nil)
        guard code == SQLITE_OK, let connection else {
            let error = SQLiteError(connection: connection, code: code, sql: nil)
            sqlite3_close_v2(connection)  // sqlite3_open_v2 allocates a handle even on failure
            throw error
        }
        self.handle = connection
        self.path = path
        self.isReadOnly = readOnly
        self.isImmutable = false
        try configure(busyTimeoutMilliseconds: busyTimeoutMilliseconds)
    }

    /// Opens `path` read-only as an immutable snapshot (the `immutable=1` URI parameter): no
    /// file locks, no `-wal`/`-shm` side files read or created. Only for a file that is never
    /// changed in place, which a read replica's is by contract: every newer copy is written
    /// elsewhere and renamed over the path, so each inode, once visible, stays as it is. The
    /// file may be in any journal mode (a `VACUUM INTO` copy is in DELETE mode), so the journal
    /// mode is not checked; a WAL side file is ignored, so the copy must be self-contained.
    /// Throws `SQLiteError` when the file is missing or not a database.
    public init(immutableSnapshotAt path: String) throws {
        var connection: OpaquePointer?
        let flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        let code = sqlite3_open_v2(Self.fileURI(path) + "?immutable=1", &connection, flags, nil)
        guard code == SQLITE_OK, let connection else {
            let error = SQLiteError(connection: connection, code: code, sql: nil)
            sqlite3_close_v2(connection)
            throw error
        }
        self.handle = connection
        self.path = path
        self.isReadOnly = true
        self.isImmutable = true
        try configure(busyTimeoutMilliseconds: Self.defaultBusyTimeoutMilliseconds)
    }

    /// `path` as an SQLite `file:` URI path (RFC 3986 §3.3): the characters that would end or
    /// escape the path (`%`, `?`, `#`) are percent-encoded, everything else is kept.
    static func fileURI(_ path: String) -> String {
        var bytes = Array("file:".utf8)
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "%"), UInt8(ascii: "?"), UInt8(ascii: "#"):
                bytes += Array("%\(String(byte, radix: 16, uppercase: true))".utf8)
            default:
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    deinit {
        statementCache.removeAll()
        // close_v2 defers the close until every statement is finalized, so an outstanding
        // Statement can never point at a freed connection.
        sqlite3_close_v2(handle)
    }

    private func configure(busyTimeoutMilliseconds: Int32) throws {
        try check(sqlite3_extended_result_codes(handle, 1), on: handle)
        // A bounded wait instead of an immediate SQLITE_BUSY: concurrent writers (the CLI
        // while the server runs, or a reader during a checkpoint) queue up briefly.
        try check(sqlite3_busy_timeout(handle, busyTimeoutMilliseconds), on: handle)
        // Defensive mode stops SQL from corrupting the file via writable_schema and friends.
        var ignored: Int32 = 0
        try check(dx_sqlite_db_config_int(handle, SQLITE_DBCONFIG_DEFENSIVE, 1, &ignored), on: handle)

        // The FTS triggers call it (migration 0006), so every connection that may write needs it.
        try check(SearchText.register(on: handle), on: handle)

        try run("PRAGMA foreign_keys = ON")
        try verifyPragma("foreign_keys", equals: "1")

        let expectedJournal = path == ":memory:" || path.isEmpty ? "memory" : "wal"
        if isImmutable {
            // An immutable snapshot reads the main file only; its journal mode does not apply.
        } else if isReadOnly {
            // WAL is a property of the file, set by the writer; a read-only connection can
            // only check it.
            try verifyPragma("journal_mode", equals: expectedJournal)
        } else {
            let mode = try scalarText("PRAGMA journal_mode = WAL")
            guard mode.lowercased() == expectedJournal else {
                throw SQLiteError(
                    extendedCode: SQLITE_ERROR, message: "journal_mode is '\(mode)', expected '\(expectedJournal)'",
                    sql: "PRAGMA journal_mode = WAL")
            }
        }

        // FULL, not NORMAL: in WAL mode NORMAL skips the fsync at commit, so a commit survives
        // a process crash but can be lost on power failure or an OS crash. An administrator
        // who got a 201 must be able to rely on it, and our writes are rare and small, so the
        // one fsync per commit costs nothing that matters.
        try run("PRAGMA synchronous = FULL")
        try verifyPragma("synchronous", equals: "2")
    }

    private func verifyPragma(_ name: String, equals expected: String) throws {
        let actual = try scalarText("PRAGMA \(name)")
        guard actual.lowercased() == expected else {
            throw SQLiteError(
                extendedCode: SQLITE_ERROR, message: "\(name) is '\(actual)', expected '\(expected)'",
                sql: "PRAGMA \(name)")
        }
    }

    private func scalarText(_ sql: String) throws -> String {
        let statement = try Statement(connection: handle, sql: sql)
        return try statement.step() ? statement.string(at: 0) : ""
    }

    // MARK: Running SQL

    /// Runs a script of zero or more statements without parameters (migrations, DDL).
    public func execute(_ script: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, script, nil, nil, &message)
        defer { sqlite3_free(message) }
        if code != SQLITE_OK {
            var error = SQLiteError(connection: handle, code: code, sql: script)
            if let message { error = SQLiteError(extendedCode: error.extendedCode, message: String(cString: message), sql: script) }
            throw error
        }
    }

    /// Compiles a new statement that the caller owns.
    public func prepare(_ sql: String) throws -> Statement {
        try Statement(connection: handle, sql: sql)
    }

    /// A statement from this connection's cache, compiled on first use and reset and cleared
    /// for reuse. Only use it where it cannot be re-entered while in use (no nested query of
    /// the same SQL inside its row loop).
    public func cachedStatement(_ sql: String) throws -> Statement {
        if let statement = statementCache[sql] {
            statement.reset()
            statement.clearBindings()
            return statement
        }
        let statement = try prepare(sql)
        statementCache[sql] = statement
        return statement
    }

    /// Runs one statement with positional arguments, ignoring any rows.
    public func run(_ sql: String, _ arguments: SQLiteValue...) throws {
        try run(sql, arguments: arguments)
    }

    public func run(_ sql: String, arguments: [SQLiteValue]) throws {
        let statement = try cachedStatement(sql)
        try statement.bind(arguments)
        try statement.run()
    }

    /// Runs a query and maps each row with `transform` while the statement is on it.
    public func rows<T>(_ sql: String, _ arguments: [SQLiteValue] = [], _ transform: (Statement) throws -> T) throws -> [T] {
        let statement = try cachedStatement(sql)
        try statement.bind(arguments)
        return try statement.rows(transform)
    }

    /// Runs a query and copies every row out.
    public func query(_ sql: String, _ arguments: SQLiteValue...) throws -> [Row] {
        try query(sql, arguments: arguments)
    }

    public func query(_ sql: String, arguments: [SQLiteValue]) throws -> [Row] {
        try rows(sql, arguments) { Row(statement: $0) }
    }

    /// The first column of the first row, or nil when there is no row.
    public func scalar(_ sql: String, _ arguments: SQLiteValue...) throws -> SQLiteValue? {
        try rows(sql, arguments) { $0.value(at: 0) }.first
    }

    // MARK: Transactions

    /// Runs `body` in a transaction: commits when it returns, rolls back when it throws and
    /// rethrows that first error (a failing rollback never masks it).
    public func inTransaction<T>(_ kind: TransactionKind = .deferred, _ body: (Database) throws -> T) throws -> T {
        try execute("BEGIN \(kind.rawValue) TRANSACTION")
        let result: T
        do {
            result = try body(self)
            try execute("COMMIT TRANSACTION")
        } catch {
            rollbackIgnoringErrors()
            throw error
        }
        return result
    }

    private func rollbackIgnoringErrors() {
        // SQLite rolls back by itself after some errors (SQLITE_FULL, SQLITE_IOERR, ...);
        // only roll back a transaction that is still open.
        if !isAutocommit {
            _ = sqlite3_exec(handle, "ROLLBACK TRANSACTION", nil, nil, nil)
        }
    }

    /// True when no transaction is open.
    public var isAutocommit: Bool { sqlite3_get_autocommit(handle) != 0 }

    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows changed by the most recent INSERT, UPDATE or DELETE.
    public var changes: Int { Int(sqlite3_changes64(handle)) }

    /// Abandons the statement cache (e.g. after a schema change in another process, although
    /// SQLite re-prepares on its own; mostly to release memory).
    public func clearStatementCache() { statementCache.removeAll() }
}

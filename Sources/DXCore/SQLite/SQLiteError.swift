import CSQLite

/// An error reported by SQLite.
///
/// Carries the extended result code, SQLite's own message and the SQL that failed. Bound
/// values are deliberately never included: they may hold tokens or personal data, and errors
/// end up in logs and problem responses.
public struct SQLiteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The extended result code (e.g. `SQLITE_CONSTRAINT_FOREIGNKEY`), or a primary code when
    /// SQLite gave no extended one.
    public let extendedCode: Int32
    public let message: String
    public let sql: String?

    public init(extendedCode: Int32, message: String, sql: String? = nil) {
        self.extendedCode = extendedCode
        self.message = message
        self.sql = sql
    }

    /// Reads the code and message SQLite recorded on `connection` for its last failed call.
    init(connection: OpaquePointer?, code: Int32, sql: String? = nil) {
        let extended = connection.map { sqlite3_extended_errcode($0) } ?? code
        // When the last failing call was not on this connection (e.g. a finalize after a
        // successful step) the connection's code may be 0; keep the code we were handed.
        let chosen = (extended & 0xFF) == (code & 0xFF) ? extended : code
        let text = connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            ?? String(cString: sqlite3_errstr(code))
        self.init(extendedCode: chosen, message: text, sql: sql)
    }

    /// The primary result code (the low 8 bits), e.g. `SQLITE_CONSTRAINT`.
    public var primaryCode: Int32 { extendedCode & 0xFF }

    public var isBusy: Bool { primaryCode == SQLITE_BUSY || primaryCode == SQLITE_LOCKED }
    public var isConstraint: Bool { primaryCode == SQLITE_CONSTRAINT }
    /// SQLITE_FULL: the disk, or the process's file-size limit, has no room for the write.
    public var isFull: Bool { primaryCode == SQLITE_FULL }
    /// SQLITE_IOERR and its extended codes (`SQLITE_IOERR_WRITE`, `_FSYNC`, …): the kernel
    /// refused a read or write.
    public var isIOError: Bool { primaryCode == SQLITE_IOERR }
    public var isForeignKeyViolation: Bool { extendedCode == Self.constraintForeignKey }
    public var isCheckViolation: Bool { extendedCode == Self.constraintCheck }
    public var isNotNullViolation: Bool { extendedCode == Self.constraintNotNull }
    public var isUniqueViolation: Bool {
        extendedCode == Self.constraintUnique || extendedCode == Self.constraintPrimaryKey
    }

    // The extended codes are C macros built with `|` and `<<`, which Swift does not import.
    public static let constraintCheck: Int32 = SQLITE_CONSTRAINT | (1 << 8)
    public static let constraintForeignKey: Int32 = SQLITE_CONSTRAINT | (3 << 8)
    public static let constraintNotNull: Int32 = SQLITE_CONSTRAINT | (5 << 8)
    public static let constraintPrimaryKey: Int32 = SQLITE_CONSTRAINT | (6 << 8)
    public static let constraintUnique: Int32 = SQLITE_CONSTRAINT | (8 << 8)
    public static let constraintDataType: Int32 = SQLITE_CONSTRAINT | (12 << 8)
    public var isReadOnly: Bool { primaryCode == SQLITE_READONLY }

    public var description: String {
        var text = "SQLite error \(extendedCode): \(message)"
        if let sql { text += " (SQL: \(sql))" }
        return text
    }
}

/// Turns a result code other than `SQLITE_OK` into a thrown `SQLiteError`.
@inline(__always)
func check(_ code: Int32, on connection: OpaquePointer?, sql: String? = nil) throws(SQLiteError) {
    if code != SQLITE_OK {
        throw SQLiteError(connection: connection, code: code, sql: sql)
    }
}

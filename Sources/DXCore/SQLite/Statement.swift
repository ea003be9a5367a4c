import CSQLite

/// A prepared statement: compiled in `init`, finalized in `deinit`.
///
/// Like its `Database`, a statement is used by one thread at a time. Values are always
/// bound as parameters, never spliced into the SQL text.
public final class Statement {
    let handle: OpaquePointer
    public let sql: String

    /// The connection this statement belongs to, used only to read error messages. The
    /// connection is closed with `sqlite3_close_v2`, so it outlives its statements.
    private var connection: OpaquePointer? { sqlite3_db_handle(handle) }

    init(connection: OpaquePointer, sql: String) throws {
        var statement: OpaquePointer?
        var tail: UnsafePointer<CChar>?
        let code = sql.withCString { sqlite3_prepare_v2(connection, $0, -1, &statement, &tail) }
        try check(code, on: connection, sql: sql)
        guard let statement else {
            // An empty or comment-only string compiles to no statement at all.
            throw SQLiteError(extendedCode: SQLITE_MISUSE, message: "no SQL statement to prepare", sql: sql)
        }
        // A second statement after the first would be silently ignored; refuse it so a
        // script is not mistaken for a single statement.
        if let tail, tail.pointee != 0,
            !String(cString: tail).allSatisfy({ $0.isWhitespace || $0 == ";" })
        {
            sqlite3_finalize(statement)
            throw SQLiteError(
                extendedCode: SQLITE_MISUSE,
                message: "more than one statement; use Database.execute(_:) for scripts", sql: sql)
        }
        self.handle = statement
        self.sql = sql
    }

    deinit { sqlite3_finalize(handle) }

    // MARK: Binding

    public var parameterCount: Int { Int(sqlite3_bind_parameter_count(handle)) }

    /// Binds `value` to the 1-based parameter `index`.
    public func bind(_ value: SQLiteValue, at index: Int) throws {
        let position = Int32(index)
        let code: Int32
        switch value {
        case .null:
            code = sqlite3_bind_null(handle, position)
        case .integer(let integer):
            code = sqlite3_bind_int64(handle, position, integer)
        case .real(let real):
            code = sqlite3_bind_double(handle, position, real)
        case .text(let text):
            // Bind with an explicit byte length so the text is taken whole, not up to a NUL.
            var utf8 = Array(text.utf8)
            if utf8.isEmpty { utf8.append(0) }  // a valid pointer for the empty string
            code = utf8.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    sqlite3_bind_text(handle, position, $0, Int32(text.utf8.count), dx_sqlite_transient())
                }
            }
        case .blob(let bytes):
            if bytes.isEmpty {
                // A NULL pointer would bind SQL NULL; an empty blob must stay a blob.
                code = sqlite3_bind_zeroblob(handle, position, 0)
            } else {
                code = bytes.withUnsafeBytes {
                    sqlite3_bind_blob(handle, position, $0.baseAddress, Int32($0.count), dx_sqlite_transient())
                }
            }
        }
        try check(code, on: connection, sql: sql)
    }

    /// Binds `value` to the parameter called `name` (`:name`, `@name` or `$name`; a bare
    /// name is looked up as `:name`).
    public func bind(_ value: SQLiteValue, named name: String) throws {
        let candidates = name.first.map { ":@$".contains($0) } == true ? [name] : [":" + name, "@" + name, "$" + name]
        for candidate in candidates {
            let index = sqlite3_bind_parameter_index(handle, candidate)
            if index > 0 { return try bind(value, at: Int(index)) }
        }
        throw SQLiteError(extendedCode: SQLITE_RANGE, message: "no parameter named \(name)", sql: sql)
    }

    /// Binds `values` to parameters 1…n, after clearing earlier bindings.
    public func bind(_ values: [SQLiteValue]) throws {
        guard values.count == parameterCount else {
            throw SQLiteError(
                extendedCode: SQLITE_RANGE,
                message: "statement takes \(parameterCount) parameters, \(values.count) given", sql: sql)
        }
        sqlite3_clear_bindings(handle)
        for (offset, value) in values.enumerated() { try bind(value, at: offset + 1) }
    }

    /// Binds each named value, after clearing earlier bindings.
    public func bind(_ values: [String: SQLiteValue]) throws {
        sqlite3_clear_bindings(handle)
        for (name, value) in values { try bind(value, named: name) }
    }

    // MARK: Stepping

    /// Advances to the next row. Returns `true` when a row is available, `false` when done.
    @discardableResult
    public func step() throws -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw SQLiteError(connection: connection, code: code, sql: sql)
        }
    }

    /// Rewinds the statement so it can run again; bindings are kept.
    public func reset() {
        // sqlite3_reset repeats the last step's error, which step() has already thrown.
        sqlite3_reset(handle)
    }

    public func clearBindings() { sqlite3_clear_bindings(handle) }

    /// Steps through every row, calling `transform` with the statement positioned on it, then
    /// resets. The statement must not escape `transform`.
    public func rows<T>(_ transform: (Statement) throws -> T) throws -> [T] {
        defer { reset() }
        var result: [T] = []
        while try step() { result.append(try transform(self)) }
        return result
    }

    /// Runs the statement to completion, ignoring any rows, then resets.
    public func run() throws {
        defer { reset() }
        while try step() {}
    }

    // MARK: Columns

    public var columnCount: Int { Int(sqlite3_column_count(handle)) }

    public func columnName(at index: Int) -> String {
        sqlite3_column_name(handle, Int32(index)).map { String(cString: $0) } ?? ""
    }

    public func isNull(at index: Int) -> Bool { sqlite3_column_type(handle, Int32(index)) == SQLITE_NULL }

    // The non-optional readers follow SQLite's own conversions (NULL reads as 0 or ""), which
    // suits NOT NULL columns; use the optional readers where NULL carries meaning.

    public func int64(at index: Int) -> Int64 { sqlite3_column_int64(handle, Int32(index)) }
    public func int(at index: Int) -> Int { Int(sqlite3_column_int64(handle, Int32(index))) }
    public func double(at index: Int) -> Double { sqlite3_column_double(handle, Int32(index)) }
    public func bool(at index: Int) -> Bool { int64(at: index) != 0 }

    public func string(at index: Int) -> String {
        let column = Int32(index)
        guard let text = sqlite3_column_text(handle, column) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    public func blob(at index: Int) -> [UInt8] {
        let column = Int32(index)
        // Ask for the pointer before the length, as SQLite's documentation prescribes.
        guard let bytes = sqlite3_column_blob(handle, column) else { return [] }
        let count = Int(sqlite3_column_bytes(handle, column))
        return Array(UnsafeRawBufferPointer(start: bytes, count: count))
    }

    public func optionalString(at index: Int) -> String? { isNull(at: index) ? nil : string(at: index) }
    public func optionalInt(at index: Int) -> Int? { isNull(at: index) ? nil : int(at: index) }
    public func optionalDouble(at index: Int) -> Double? { isNull(at: index) ? nil : double(at: index) }

    /// The column's value in its stored storage class.
    public func value(at index: Int) -> SQLiteValue {
        switch sqlite3_column_type(handle, Int32(index)) {
        case SQLITE_INTEGER: .integer(int64(at: index))
        case SQLITE_FLOAT: .real(double(at: index))
        case SQLITE_TEXT: .text(string(at: index))
        case SQLITE_BLOB: .blob(blob(at: index))
        default: .null
        }
    }
}

import CSQLite
import Foundation
import Testing
@testable import DXCore

@Suite("Database connection")
struct DatabaseTests {
    @Test("opening verifies WAL, foreign keys, synchronous FULL and a busy timeout")
    func openingConfiguresTheConnection() throws {
        try withDatabase { db throws in
            #expect(try db.scalar("PRAGMA journal_mode") == .text("wal"))
            #expect(try db.scalar("PRAGMA foreign_keys") == .integer(1))
            #expect(try db.scalar("PRAGMA synchronous") == .integer(2))
            #expect(try db.scalar("PRAGMA busy_timeout") == .integer(Int64(Database.defaultBusyTimeoutMilliseconds)))
        }
    }

    @Test("a read-only connection cannot write")
    func readOnlyConnectionRefusesWrites() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("db.sqlite").path
            let writer = try Database(path: path)
            try writer.execute("CREATE TABLE t (x INTEGER) STRICT")
            let reader = try Database(path: path, readOnly: true)
            let error = #expect(throws: SQLiteError.self) { try reader.run("INSERT INTO t VALUES (1)") }
            #expect(error?.isReadOnly == true)
        }
    }

    @Test("every SQLiteValue round-trips through bind and column reads")
    func valuesRoundTrip() throws {
        try withDatabase { db in
            try db.execute("CREATE TABLE v (id INTEGER PRIMARY KEY, value ANY) STRICT")
            let values: [SQLiteValue] = [
                .null,
                .integer(0), .integer(Int64.min), .integer(Int64.max),
                .real(3.25), .real(-0.5e-300),
                .text(""), .text("都城市DX推進計画～①（）"), .text("emoji 🇯🇵👩‍💻"),
                .blob([]), .blob([0, 0, 0]), .blob([0, 1, 255, 0]),
            ]
            for value in values { try db.run("INSERT INTO v (value) VALUES (?)", value) }
            let stored = try db.rows("SELECT value FROM v ORDER BY id") { $0.value(at: 0) }
            #expect(stored == values)
            #expect(try db.rows("SELECT typeof(value) FROM v WHERE id = 10") { $0.string(at: 0) } == ["blob"])
        }
    }

    @Test("typed column reads")
    func typedReads() throws {
        try withDatabase { db in
            let statement = try db.prepare("SELECT 42, 1.5, 'テキスト', NULL, x'00ff'")
            #expect(try statement.step())
            #expect(statement.int(at: 0) == 42)
            #expect(statement.double(at: 1) == 1.5)
            #expect(statement.string(at: 2) == "テキスト")
            #expect(statement.optionalString(at: 3) == nil)
            #expect(statement.optionalString(at: 2) == "テキスト")
            #expect(statement.blob(at: 4) == [0, 255])
            #expect(try statement.step() == false)
        }
    }

    @Test("binding by name, with or without the prefix")
    func bindByName() throws {
        try withDatabase { db in
            let statement = try db.prepare("SELECT :a || '-' || @b || '-' || $c")
            try statement.bind(.text("x"), named: "a")
            try statement.bind(.text("y"), named: "@b")
            try statement.bind(.integer(3), named: "c")
            #expect(try statement.rows { $0.string(at: 0) } == ["x-y-3"])
            #expect(throws: SQLiteError.self) { try statement.bind(.null, named: "missing") }
        }
    }

    @Test("a wrong argument count is refused instead of binding NULLs")
    func argumentCountIsChecked() throws {
        try withDatabase { db in
            #expect(throws: SQLiteError.self) { try db.query("SELECT ?, ?", 1) }
        }
    }

    @Test("errors carry the extended code, the message and the SQL, never the values")
    func errorsCarryContext() throws {
        try withDatabase { db in
            try db.execute("CREATE TABLE t (x INTEGER NOT NULL UNIQUE) STRICT")
            try db.run("INSERT INTO t VALUES (?)", 9_876_543)
            let error = #expect(throws: SQLiteError.self) { try db.run("INSERT INTO t VALUES (?)", 9_876_543) }
            #expect(error?.isConstraint == true)
            #expect(error?.isUniqueViolation == true)
            #expect(error?.sql == "INSERT INTO t VALUES (?)")
            #expect(error?.message.contains("UNIQUE") == true)
            #expect(error?.description.contains("9876543") == false)
        }
    }

    @Test("preparing more than one statement is refused")
    func prepareRefusesScripts() throws {
        try withDatabase { db in
            #expect(throws: SQLiteError.self) { try db.prepare("SELECT 1; SELECT 2") }
            _ = try db.prepare("SELECT 1;  ")
        }
    }

    @Test("cached statements are reused and reset between uses")
    func statementCache() throws {
        try withDatabase { db in
            let first = try db.cachedStatement("SELECT ?")
            let second = try db.cachedStatement("SELECT ?")
            #expect(first === second)
            #expect(try db.rows("SELECT ?", [1]) { $0.int(at: 0) } == [1])
            #expect(try db.rows("SELECT ?", [2]) { $0.int(at: 0) } == [2])
        }
    }

    @Test("lastInsertRowID and changes")
    func rowIDAndChanges() throws {
        try withDatabase { db in
            try db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, x INTEGER) STRICT")
            try db.run("INSERT INTO t (x) VALUES (?)", 1)
            try db.run("INSERT INTO t (x) VALUES (?)", 1)
            #expect(db.lastInsertRowID == 2)
            try db.run("UPDATE t SET x = 2")
            #expect(db.changes == 2)
        }
    }
}

import Foundation
import Testing
@testable import DXCore

@Suite("Transactions")
struct TransactionTests {
    struct Boom: Error, Equatable {}

    @Test("a transaction commits when its body returns")
    func commits() throws {
        try withDatabase { db in
            try db.execute("CREATE TABLE t (x INTEGER) STRICT")
            let returned = try db.inTransaction(.immediate) { db in
                try db.run("INSERT INTO t VALUES (1)")
                return "done"
            }
            #expect(returned == "done")
            #expect(try db.scalar("SELECT count(*) FROM t") == .integer(1))
            #expect(db.isAutocommit)
        }
    }

    @Test("a throwing body rolls everything back and its error is rethrown")
    func rollsBackOnThrow() throws {
        try withDatabase { db in
            try db.execute("CREATE TABLE t (x INTEGER) STRICT")
            #expect(throws: Boom()) {
                try db.inTransaction(.immediate) { db in
                    try db.run("INSERT INTO t VALUES (1)")
                    try db.run("INSERT INTO t VALUES (2)")
                    throw Boom()
                }
            }
            #expect(try db.scalar("SELECT count(*) FROM t") == .integer(0))
            #expect(db.isAutocommit)
        }
    }

    @Test("the first SQL error is the one rethrown")
    func firstErrorWins() throws {
        try withDatabase { db in
            try db.execute("CREATE TABLE t (x INTEGER NOT NULL) STRICT")
            let error = #expect(throws: SQLiteError.self) {
                try db.inTransaction { db in
                    try db.run("INSERT INTO t VALUES (1)")
                    try db.run("INSERT INTO t VALUES (NULL)")
                }
            }
            #expect(error?.isNotNullViolation == true)
            #expect(try db.scalar("SELECT count(*) FROM t") == .integer(0))
        }
    }

    @Test("a write with a foreign key violation fails as a constraint error")
    func foreignKeysAreEnforced() throws {
        try withDatabase { db in
            try db.execute("""
                CREATE TABLE parent (id INTEGER PRIMARY KEY) STRICT;
                CREATE TABLE child (parent_id INTEGER NOT NULL REFERENCES parent(id)) STRICT;
                """)
            let error = #expect(throws: SQLiteError.self) { try db.run("INSERT INTO child VALUES (9)") }
            #expect(error?.isForeignKeyViolation == true)
        }
    }
}

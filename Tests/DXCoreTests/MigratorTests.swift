import Foundation
import Testing
@testable import DXCore

@Suite("Migrator")
struct MigratorTests {
    /// A directory of migration files and a database, both temporary.
    @discardableResult
    func withMigrations<T>(_ files: [String: String], _ body: (URL, Database) throws -> T) throws -> T {
        try withTemporaryDirectory { root in
            let directory = root.appendingPathComponent("migrations", isDirectory: true)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            for (name, sql) in files { try Data(sql.utf8).write(to: directory.appendingPathComponent(name)) }
            let db = try Database(path: root.appendingPathComponent("db.sqlite").path)
            return try body(directory, db)
        }
    }

    let sample = [
        "0001_people.sql": "CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL) STRICT;",
        "0002_seed.sql": "INSERT INTO people (name) VALUES ('都城');\nINSERT INTO people (name) VALUES ('市');",
        "0010_index.sql": "CREATE INDEX people_name ON people(name);",
        "README.md": "not a migration",
    ]

    @Test("a fresh database gets every migration, in numeric order, each recorded with its checksum")
    func freshApply() throws {
        try withMigrations(sample) { directory, db in
            let applied = try Migrator(directory: directory).migrate(db)
            #expect(applied.map(\.fileName) == ["0001_people.sql", "0002_seed.sql", "0010_index.sql"])
            let recorded = try Migrator(directory: directory).appliedMigrations(in: db)
            #expect(recorded.map(\.version) == [1, 2, 10])
            #expect(recorded.map(\.name) == applied.map(\.fileName))
            #expect(recorded[0].checksum == Digest.sha256Hex(Array(sample["0001_people.sql"]!.utf8)))
            #expect(recorded.allSatisfy { $0.appliedAt.hasSuffix("Z") })
            #expect(try db.scalar("SELECT count(*) FROM people") == .integer(2))
        }
    }

    @Test("running again applies nothing")
    func idempotent() throws {
        try withMigrations(sample) { directory, db in
            let migrator = Migrator(directory: directory)
            try migrator.migrate(db)
            #expect(try migrator.migrate(db).isEmpty)
            #expect(try db.scalar("SELECT count(*) FROM people") == .integer(2))
        }
    }

    @Test("a new file added later is applied on the next run")
    func appliesNewFiles() throws {
        try withMigrations(sample) { directory, db in
            let migrator = Migrator(directory: directory)
            try migrator.migrate(db)
            try Data("ALTER TABLE people ADD COLUMN age INTEGER;".utf8).write(to: directory.appendingPathComponent("0011_age.sql"))
            #expect(try migrator.migrate(db).map(\.version) == [11])
        }
    }

    @Test("an applied file that was edited is refused, naming the file")
    func editedFileRefused() throws {
        try withMigrations(sample) { directory, db in
            let migrator = Migrator(directory: directory)
            try migrator.migrate(db)
            try Data("INSERT INTO people (name) VALUES ('edited');".utf8).write(to: directory.appendingPathComponent("0002_seed.sql"))
            try Data("SELECT 1;".utf8).write(to: directory.appendingPathComponent("0020_later.sql"))
            let error = #expect(throws: MigrationError.self) { try migrator.migrate(db) }
            guard case .checksumMismatch(let file, _, _)? = error else {
                Issue.record("expected checksumMismatch, got \(String(describing: error))")
                return
            }
            #expect(file == "0002_seed.sql")
            // Refusing means refusing everything: the later file was not applied either.
            #expect(try migrator.appliedMigrations(in: db).map(\.version) == [1, 2, 10])
        }
    }

    @Test("an applied file that disappeared is refused, naming the file")
    func missingFileRefused() throws {
        try withMigrations(sample) { directory, db in
            let migrator = Migrator(directory: directory)
            try migrator.migrate(db)
            try FileManager.default.removeItem(at: directory.appendingPathComponent("0010_index.sql"))
            let error = #expect(throws: MigrationError.self) { try migrator.migrate(db) }
            guard case .appliedFileMissing(let file, let version)? = error else {
                Issue.record("expected appliedFileMissing, got \(String(describing: error))")
                return
            }
            #expect(file == "0010_index.sql")
            #expect(version == 10)
        }
    }

    @Test("a failing migration is rolled back with its bookkeeping row and reported by name")
    func failingMigrationRollsBack() throws {
        var files = sample
        files["0003_broken.sql"] = "INSERT INTO people (name) VALUES ('x');\nINSERT INTO nowhere VALUES (1);"
        try withMigrations(files) { directory, db throws in
            let migrator = Migrator(directory: directory)
            let error = #expect(throws: MigrationError.self) { try migrator.migrate(db) }
            guard case .failed(let file, _)? = error else {
                Issue.record("expected failed, got \(String(describing: error))")
                return
            }
            #expect(file == "0003_broken.sql")
            #expect(try migrator.appliedMigrations(in: db).map(\.version) == [1, 2])
            #expect(try db.scalar("SELECT count(*) FROM people") == .integer(2))
        }
    }

    @Test("a migrations directory without migration files is refused, naming it")
    func emptyDirectoryRefused() throws {
        try withMigrations(["README.txt": "not a migration"]) { directory, db throws in
            let error = #expect(throws: MigrationError.self) { try Migrator(directory: directory).migrate(db) }
            #expect(error?.description.contains(directory.path) == true)
            #expect(error?.description.contains("no migration files") == true)
        }
    }

    @Test("badly named and duplicate-version files are refused")
    func fileNamesAreValidated() throws {
        try withMigrations(["people.sql": "SELECT 1;"]) { directory, _ throws in
            #expect(throws: MigrationError.self) { try Migrator(directory: directory).files() }
        }
        try withMigrations(["0001_a.sql": "SELECT 1;", "001_b.sql": "SELECT 1;"]) { directory, _ throws in
            #expect(throws: MigrationError.self) { try Migrator(directory: directory).files() }
        }
    }

    @Test("readiness is false until every migration is applied")
    func readiness() throws {
        try withTemporaryDirectory { root in
            let directory = root.appendingPathComponent("migrations", isDirectory: true)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data("CREATE TABLE t (x INTEGER) STRICT;".utf8).write(to: directory.appendingPathComponent("0001_t.sql"))
            let pool = try DatabasePool(path: root.appendingPathComponent("db.sqlite").path, readerCount: 1)
            let migrator = Migrator(directory: directory)
            #expect(!migrator.readiness(of: pool).isReady)
            try migrator.migrate(pool)
            #expect(migrator.readiness(of: pool) == .ready)
        }
    }

    @Test("locateDirectory: explicit path, then ./migrations, then next to the executable")
    func locatesDirectory() throws {
        try withTemporaryDirectory { root in
            let fm = FileManager.default
            let project = root.appendingPathComponent("project", isDirectory: true)
            let binary = project.appendingPathComponent(".build/x86_64-unknown-linux-gnu/debug/dxserve")
            try fm.createDirectory(at: binary.deletingLastPathComponent(), withIntermediateDirectories: true)
            try fm.createDirectory(at: project.appendingPathComponent("migrations"), withIntermediateDirectories: true)
            let elsewhere = root.appendingPathComponent("elsewhere", isDirectory: true)
            try fm.createDirectory(at: elsewhere, withIntermediateDirectories: true)

            let found = try Migrator.locateDirectory(explicit: nil, currentDirectory: elsewhere, executableURL: binary)
            #expect(found.path == project.appendingPathComponent("migrations").standardizedFileURL.path)

            try fm.createDirectory(at: elsewhere.appendingPathComponent("migrations"), withIntermediateDirectories: true)
            let local = try Migrator.locateDirectory(explicit: nil, currentDirectory: elsewhere, executableURL: binary)
            #expect(local.lastPathComponent == "migrations")
            #expect(local.deletingLastPathComponent().lastPathComponent == "elsewhere")

            #expect(throws: MigrationError.self) {
                try Migrator.locateDirectory(explicit: "/nonexistent/migrations", currentDirectory: elsewhere, executableURL: binary)
            }
            let explicit = try Migrator.locateDirectory(explicit: "project/migrations", currentDirectory: root, executableURL: nil)
            #expect(explicit.deletingLastPathComponent().lastPathComponent == "project")
        }
    }
}

import ArgumentParser
import DXCore
import Foundation

/// `--db` and `--migrations`, shared by every command that opens the database.
struct DatabaseOptions: ParsableArguments {
    @Option(help: "SQLite database file. Env: DX_DB.")
    var db: String = ProcessInfo.processInfo.environment["DX_DB"] ?? "data/dx.sqlite"

    @Option(help: "Directory of migration files (default: ./migrations, or next to the executable).")
    var migrations: String?

    /// Opens the file (creating it and its directory) and applies pending migrations. A file
    /// that cannot be a database (a directory, another kind of file) or cannot be opened is an
    /// error naming the path; SQLite's own message ("unable to open database file") names none.
    func openMigrated() throws -> (DatabasePool, Migrator, applied: [MigrationFile]) {
        let directory = URL(fileURLWithPath: db).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let migrator = Migrator(directory: try Migrator.locateDirectory(explicit: migrations))
        // Missing or empty is a new database, which opening creates; anything else is refused.
        switch DatabaseFileProblem.of(path: db) {
        case nil, .missing?, .empty?:
            break
        case let problem?:
            throw DatabaseOpenError(path: db, reason: problem.description)
        }
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: db)
        } catch {
            throw DatabaseOpenError(path: db, reason: "\(error)")
        }
        let applied = try migrator.migrate(pool)
        return (pool, migrator, applied)
    }
}

/// The database named by `--db` could not be opened; the message names it.
struct DatabaseOpenError: Error, CustomStringConvertible {
    let path: String
    let reason: String

    var description: String {
        reason.hasPrefix(path) ? "cannot open the database: \(reason) (--db or DX_DB)" : "cannot open the database \(path): \(reason) (--db or DX_DB)"
    }
}

/// Errors go to stderr as one line and a non-zero exit, never a stack trace.
func fail(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data("dxserve: \(message)\n".utf8))
    return ExitCode.failure
}

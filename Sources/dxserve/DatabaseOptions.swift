import ArgumentParser
import DXCore
import Foundation

/// `--db` and `--migrations`, shared by every command that opens the database.
struct DatabaseOptions: ParsableArguments {
    @Option(help: "SQLite database file. Env: DX_DB.")
    var db: String = ProcessInfo.processInfo.environment["DX_DB"] ?? "data/dx.sqlite"

    @Option(help: "Directory of migration files (default: ./migrations, or next to the executable).")
    var migrations: String?

    /// Opens the file (creating its directory) and applies pending migrations.
    func openMigrated() throws -> (DatabasePool, Migrator, applied: [MigrationFile]) {
        let directory = URL(fileURLWithPath: db).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let migrator = Migrator(directory: try Migrator.locateDirectory(explicit: migrations))
        let pool = try DatabasePool(path: db)
        let applied = try migrator.migrate(pool)
        return (pool, migrator, applied)
    }
}

/// Errors go to stderr as one line and a non-zero exit, never a stack trace.
func fail(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data("dxserve: \(message)\n".utf8))
    return ExitCode.failure
}

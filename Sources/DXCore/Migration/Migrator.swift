import Foundation

/// One `NNNN_name.sql` file in the migrations directory.
public struct MigrationFile: Sendable, Equatable {
    public let version: Int
    /// The file name, e.g. `0001_plan_schema.sql`; recorded in `schema_migrations.name`.
    public let fileName: String
    public let sql: String
    /// SHA-256 of the file's bytes, lowercase hex.
    public let checksum: String
}

/// A row of `schema_migrations`.
public struct AppliedMigration: Sendable, Equatable {
    public let version: Int
    public let name: String
    public let checksum: String
    public let appliedAt: String
}

/// Whether the database is usable: open, and every migration on disk applied unchanged.
public enum Readiness: Sendable, Equatable {
    case ready
    case notReady(reason: String)

    public var isReady: Bool { self == .ready }
}

/// Applies the SQL files of a migrations directory in version order, each in an IMMEDIATE
/// transaction together with its `schema_migrations` row, so a migration is either applied
/// and recorded or neither.
public struct Migrator: Sendable {
    public let directory: URL

    public init(directory: URL) { self.directory = directory }

    static let bookkeepingSQL = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            checksum TEXT NOT NULL,
            applied_at TEXT NOT NULL
        ) STRICT;
        """

    // MARK: Finding the directory

    /// Finds the migrations directory: `explicit` if given (it must exist), else
    /// `./migrations`, else `migrations/` next to the executable or in one of its three
    /// parent directories (SwiftPM puts binaries in `.build/<triple>/debug/`).
    public static func locateDirectory(
        explicit: String?,
        currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true),
        executableURL: URL? = Bundle.main.executableURL
    ) throws(MigrationError) -> URL {
        if let explicit {
            let url = URL(fileURLWithPath: explicit, isDirectory: true, relativeTo: currentDirectory).standardizedFileURL
            guard isDirectory(url) else { throw .directoryNotFound(searched: [url.path]) }
            return url
        }
        var candidates = [currentDirectory.appendingPathComponent("migrations", isDirectory: true)]
        if let executableURL {
            var folder = executableURL.resolvingSymlinksInPath().deletingLastPathComponent()
            for _ in 0...3 {
                candidates.append(folder.appendingPathComponent("migrations", isDirectory: true))
                folder = folder.deletingLastPathComponent()
            }
        }
        guard let found = candidates.first(where: isDirectory) else {
            throw .directoryNotFound(searched: candidates.map(\.path))
        }
        return found.standardizedFileURL
    }

    private static func isDirectory(_ url: URL) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &flag) && flag.boolValue
    }

    // MARK: Reading files

    /// The migration files, sorted by version. Files not ending in `.sql` are ignored; a
    /// directory without any is refused (`noMigrationFiles`).
    public func files() throws(MigrationError) -> [MigrationFile] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw .unreadable(path: directory.path, reason: "\(error)")
        }
        var files: [MigrationFile] = []
        for name in names where name.hasSuffix(".sql") {
            guard let version = Self.version(ofFileName: name) else { throw .invalidFileName(name) }
            let url = directory.appendingPathComponent(name)
            let bytes: Data
            do {
                bytes = try Data(contentsOf: url)
            } catch {
                throw .unreadable(path: url.path, reason: "\(error)")
            }
            guard let sql = String(data: bytes, encoding: .utf8) else {
                throw .unreadable(path: url.path, reason: "not UTF-8")
            }
            files.append(MigrationFile(version: version, fileName: name, sql: sql, checksum: Digest.sha256Hex(bytes)))
        }
        guard !files.isEmpty else { throw .noMigrationFiles(directory: directory.path) }
        files.sort { $0.version < $1.version }
        for (previous, next) in zip(files, files.dropFirst()) where previous.version == next.version {
            throw .duplicateVersion(next.version, files: [previous.fileName, next.fileName])
        }
        return files
    }

    /// The numeric prefix of `NNNN_name.sql`, or nil when the name does not have that shape.
    static func version(ofFileName name: String) -> Int? {
        guard name.hasSuffix(".sql"), let underscore = name.firstIndex(of: "_") else { return nil }
        let digits = name[..<underscore]
        let rest = name[name.index(after: underscore)..<name.index(name.endIndex, offsetBy: -4)]
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber),
            !rest.isEmpty, rest.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") })
        else { return nil }
        return Int(digits)
    }

    // MARK: Applying

    /// The rows of `schema_migrations`, empty when the table does not exist yet.
    public func appliedMigrations(in db: Database) throws -> [AppliedMigration] {
        let exists = try db.scalar("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'")
        guard exists == .integer(1) else { return [] }
        return try db.rows("SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version") {
            AppliedMigration(version: $0.int(at: 0), name: $0.string(at: 1), checksum: $0.string(at: 2), appliedAt: $0.string(at: 3))
        }
    }

    /// The files not applied yet, after checking that every applied one is still present and
    /// unchanged.
    public func pendingMigrations(in db: Database) throws -> [MigrationFile] {
        try Self.pending(files: files(), applied: appliedMigrations(in: db))
    }

    private static func pending(files: [MigrationFile], applied: [AppliedMigration]) throws(MigrationError) -> [MigrationFile] {
        let byVersion = Dictionary(uniqueKeysWithValues: files.map { ($0.version, $0) })
        for record in applied {
            guard let file = byVersion[record.version], file.fileName == record.name else {
                throw .appliedFileMissing(file: record.name, version: record.version)
            }
            guard file.checksum == record.checksum else {
                throw .checksumMismatch(file: file.fileName, recorded: record.checksum, actual: file.checksum)
            }
        }
        let appliedVersions = Set(applied.map(\.version))
        return files.filter { !appliedVersions.contains($0.version) }
    }

    /// Applies every pending migration in order and returns the ones applied (empty when the
    /// database was up to date). Refuses to run at all when an applied file changed or vanished.
    @discardableResult
    public func migrate(_ db: Database) throws -> [MigrationFile] {
        let files = try files()
        try db.execute(Self.bookkeepingSQL)
        var applied: [MigrationFile] = []
        for file in try Self.pending(files: files, applied: appliedMigrations(in: db)) {
            let didApply = try db.inTransaction(.immediate) { db -> Bool in
                // Another process (the CLI, a second server) may have applied it since we
                // looked; the IMMEDIATE lock makes this re-check authoritative.
                let recorded = try db.scalar("SELECT checksum FROM schema_migrations WHERE version = ?", SQLiteValue(file.version))
                if let recorded {
                    guard recorded == .text(file.checksum) else {
                        throw MigrationError.checksumMismatch(
                            file: file.fileName, recorded: "\(recorded)", actual: file.checksum)
                    }
                    return false
                }
                do {
                    try db.execute(file.sql)
                } catch let error as SQLiteError {
                    throw MigrationError.failed(file: file.fileName, cause: error)
                }
                try db.run(
                    """
                    INSERT INTO schema_migrations (version, name, checksum, applied_at)
                    VALUES (?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
                    """,
                    SQLiteValue(file.version), .text(file.fileName), .text(file.checksum))
                return true
            }
            if didApply { applied.append(file) }
        }
        return applied
    }

    /// Migrates through the pool's writer (bumping its `dataVersion`).
    @discardableResult
    public func migrate(_ pool: DatabasePool) throws -> [MigrationFile] {
        try pool.writeWithoutTransaction { db in try migrate(db) }
    }

    /// Whether the pool's database is open and fully migrated with unchanged files.
    public func readiness(of pool: DatabasePool) -> Readiness {
        do {
            let pending = try pool.read { db in try pendingMigrations(in: db) }
            if pending.isEmpty { return .ready }
            return .notReady(reason: "pending migrations: \(pending.map(\.fileName).joined(separator: ", "))")
        } catch {
            return .notReady(reason: "\(error)")
        }
    }
}

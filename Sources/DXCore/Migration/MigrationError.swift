import Foundation

/// Why migrations could not be found, read or applied. Each case names the file at fault.
public enum MigrationError: Error, Sendable, CustomStringConvertible {
    /// No `migrations/` directory was found; `searched` lists the places looked at.
    case directoryNotFound(searched: [String])
    /// The directory holds no migration file: a mistyped `--migrations` or an unpacked release
    /// without its `migrations/` would otherwise serve a database without tables.
    case noMigrationFiles(directory: String)
    /// A file in the directory could not be listed or read.
    case unreadable(path: String, reason: String)
    /// A `.sql` file whose name is not `NNNN_name.sql`.
    case invalidFileName(String)
    /// Two files claim the same version number.
    case duplicateVersion(Int, files: [String])
    /// A migration recorded as applied has changed on disk since.
    case checksumMismatch(file: String, recorded: String, actual: String)
    /// A migration recorded as applied is no longer in the directory.
    case appliedFileMissing(file: String, version: Int)
    /// A migration's SQL failed; its transaction was rolled back.
    case failed(file: String, cause: SQLiteError)

    public var description: String {
        switch self {
        case .directoryNotFound(let searched):
            "no migrations directory found (searched: \(searched.joined(separator: ", ")))"
        case .noMigrationFiles(let directory):
            "\(directory) holds no migration files (NNNN_name.sql); point --migrations at the release's migrations/ directory"
        case .unreadable(let path, let reason):
            "cannot read \(path): \(reason)"
        case .invalidFileName(let name):
            "\(name): migration files must be named NNNN_name.sql"
        case .duplicateVersion(let version, let files):
            "version \(version) is claimed by more than one file: \(files.joined(separator: ", "))"
        case .checksumMismatch(let file, let recorded, let actual):
            "\(file) was changed after it was applied (recorded sha256 \(recorded), now \(actual)); "
                + "add a new migration instead of editing an applied one"
        case .appliedFileMissing(let file, let version):
            "\(file) (version \(version)) is recorded as applied but missing from the migrations directory"
        case .failed(let file, let cause):
            "\(file) failed and was rolled back: \(cause)"
        }
    }
}

import ArgumentParser
import DXCore
import DXServer
import Foundation
import Logging

/// `--read-only` and `--primary-url`: running `serve` as a read replica.
struct ReplicaOptions: ParsableArguments {
    @Flag(help: ArgumentHelp(
        "Serve as a read replica: open the database read-only (no migrations; it must already carry this binary's), answer every write with 503, and switch to a newer copy renamed over --db within a second, without a restart. Env: DX_READ_ONLY=1."))
    var readOnly: Bool = ProcessInfo.processInfo.environment["DX_READ_ONLY"] == "1"

    @Option(help: ArgumentHelp(
        "With --read-only: base URL of the primary (http or https, a host, an optional port), named in the 503 answered to writes and in its Location. Env: DX_PRIMARY_URL.",
        valueName: "url"))
    var primaryURL: String = ProcessInfo.processInfo.environment["DX_PRIMARY_URL"] ?? ""

    func validate() throws {
        if !primaryURL.isEmpty && !readOnly { throw ValidationError("--primary-url needs --read-only.") }
        _ = try policy()
    }

    /// What the HTTP layer answers to writes; nil unless `--read-only`.
    func policy() throws -> ReadOnlyReplica? {
        guard readOnly else { return nil }
        guard !primaryURL.isEmpty else { return ReadOnlyReplica(primaryURL: nil) }
        do {
            return ReadOnlyReplica(primaryURL: try PublicURL(parsing: primaryURL))
        } catch {
            throw ValidationError("--primary-url: \(error).")
        }
    }

    /// Opens `database.db` as a replica: it must exist, pass `PRAGMA quick_check`, and carry
    /// exactly this binary's migrations (nothing is created or migrated). The refresher is
    /// what the server's one-second timer calls.
    func open(_ database: DatabaseOptions) throws -> (DatabasePool, Migrator, ReplicaRefresher) {
        let migrator = Migrator(directory: try Migrator.locateDirectory(explicit: database.migrations))
        let check = ReplicaSnapshotCheck(migrator: migrator)
        // Taken before opening: a copy renamed over the path meanwhile is still picked up.
        let served = FileIdentity.of(path: database.db)
        guard served != nil else { throw ValidationError("\(database.db) does not exist; a replica serves a copy of the primary's database and never creates one") }
        if let problem = DatabaseFileProblem.of(path: database.db) {
            throw ValidationError("\(problem); a replica serves a complete copy of the primary's database (dxserve backup or litestream restore)")
        }
        if let wal = FileIdentity.of(path: database.db + "-wal"), wal.size > 0 {
            throw ReplicaError.walNotCheckpointed(path: database.db)
        }
        let pool = try DatabasePool(readOnlySnapshotAt: database.db, verify: check.verify)
        return (pool, migrator, ReplicaRefresher(pool: pool, check: check, served: served))
    }
}

extension ReplicaRefresher.Outcome {
    /// Logs a change (nothing when nothing happened); returns true for a rejected copy.
    @discardableResult
    func log(to logger: Logger) -> Bool {
        switch self {
        case .unchanged:
            return false
        case let .refreshed(identity, seconds):
            logger.info("replica switched to a newer copy",
                        metadata: [
                            "file_inode": .stringConvertible(identity.inode), "file_bytes": .stringConvertible(identity.size),
                            "file_mtime_ns": .stringConvertible(identity.modifiedNanoseconds),
                            // Milliseconds are enough, and keep the number short in both formats.
                            "verify_seconds": .stringConvertible((seconds * 1000).rounded() / 1000),
                        ])
            return false
        case let .rejected(_, reason):
            logger.error("replica kept the previous copy", metadata: ["reason": .string(reason)])
            return true
        }
    }
}

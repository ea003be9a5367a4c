import DXSync
import Foundation

/// Keeps a read replica's pool on the newest copy of its file.
///
/// The contract with whatever delivers copies (`dxserve backup NEW && mv NEW PATH`, or
/// `litestream restore -o NEW && mv NEW PATH`): a copy is written completely elsewhere on the
/// same file system and renamed over the path (rename(2) is atomic, so the path names either
/// the old file or the whole new one, never a torn one). `check()` notices a new identity
/// (`FileIdentity`: inode, mtime, size), verifies the new file (`ReplicaSnapshotCheck`), and
/// only then swaps the pool (`DatabasePool.replaceSnapshot`). A copy that fails verification
/// is not served and not retried until the path changes again; the old one stays in service.
///
/// Call it from one timer off the request path (the server calls it once a second).
public final class ReplicaRefresher: Sendable {
    /// What one `check()` did.
    public enum Outcome: Sendable, Equatable {
        case unchanged
        /// Swapped in; `seconds` is how long opening and verifying the copy took.
        case refreshed(FileIdentity, seconds: Double)
        /// The path changed but the copy was refused; the previous one is still served.
        case rejected(FileIdentity?, reason: String)
    }

    public let pool: DatabasePool
    private let snapshotCheck: ReplicaSnapshotCheck
    /// The identity last acted on (served or refused).
    private let lastSeen: Locked<FileIdentity?>

    /// `pool` must be read-only (`DatabasePool(readOnlySnapshotAt:)`). `served` is the
    /// identity of its path taken *before* the pool opened it: a copy renamed over the path
    /// in between then still counts as new.
    public init(pool: DatabasePool, check: ReplicaSnapshotCheck, served: FileIdentity?) {
        self.pool = pool
        self.snapshotCheck = check
        self.lastSeen = Locked(served)
    }

    public func check() -> Outcome {
        let now = FileIdentity.of(path: pool.path)
        let previous = lastSeen.withLock { seen -> FileIdentity? in
            defer { seen = now }
            return seen
        }
        guard now != previous else { return .unchanged }
        guard let now else { return .rejected(nil, reason: "\(pool.path) is missing; still serving the previous copy") }
        // Told before SQLite opens it: an empty file would open as a new, empty database and
        // be refused as "behind this binary's schema", sending the operator to upgrade.
        if let problem = DatabaseFileProblem.of(path: pool.path) {
            return .rejected(now, reason: "\(problem): not a copy of the database; still serving the previous copy")
        }
        if let wal = FileIdentity.of(path: pool.path + "-wal"), wal.size > 0 {
            return .rejected(now, reason: ReplicaError.walNotCheckpointed(path: pool.path).description)
        }
        let started = DispatchTime.now().uptimeNanoseconds
        do {
            try pool.replaceSnapshot(verify: snapshotCheck.verify)
        } catch {
            return .rejected(now, reason: "\(error)")
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds &- started) / 1e9
        return .refreshed(now, seconds: seconds)
    }
}

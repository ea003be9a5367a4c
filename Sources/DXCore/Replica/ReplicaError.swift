/// Why a copy of the database cannot be served by a read replica. `description` is a sentence
/// for the operator.
public enum ReplicaError: Error, Sendable, CustomStringConvertible {
    /// The copy lacks migrations this binary ships: it comes from an older primary. The
    /// replica never migrates (its file is read-only), so the primary must be upgraded first.
    case schemaBehind(path: String, pending: [String])
    /// The copy's recorded migrations do not match this binary's files (one missing, one
    /// changed): it comes from a newer or different build.
    case schemaMismatch(path: String, cause: MigrationError)
    /// `PRAGMA quick_check` did not answer `ok`: the copy is torn or corrupt.
    case damaged(path: String, report: String)
    /// A non-empty `-wal` file lies beside the copy: an immutable snapshot would ignore the
    /// commits in it, so the copy is not self-contained.
    case walNotCheckpointed(path: String)

    public var description: String {
        switch self {
        case let .schemaBehind(path, pending):
            "\(path) is behind this binary's schema (pending: \(pending.joined(separator: ", "))); a replica never migrates: upgrade and start the primary first, then copy its database again"
        case let .schemaMismatch(path, cause):
            "\(path) was migrated by a different build: \(cause)"
        case let .damaged(path, report):
            "\(path) failed PRAGMA quick_check: \(report)"
        case let .walNotCheckpointed(path):
            "\(path)-wal is not empty: the copy is not self-contained; write it with `dxserve backup` or `litestream restore` and rename it over the path"
        }
    }
}

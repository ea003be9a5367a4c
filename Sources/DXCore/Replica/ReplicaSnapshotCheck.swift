/// The checks a read replica makes on a copy of the database before serving it: at start and
/// before every swap (`DatabasePool.replaceSnapshot`).
public struct ReplicaSnapshotCheck: Sendable {
    public let migrator: Migrator

    public init(migrator: Migrator) { self.migrator = migrator }

    /// Throws `ReplicaError` unless `db` is intact (`PRAGMA quick_check`, which reads every
    /// page, so a torn copy is caught before any request sees it) and carries exactly the
    /// migrations this binary ships. Runs inside the read transaction the pool opens.
    public func verify(_ db: Database) throws {
        let report = try db.rows("PRAGMA quick_check") { $0.string(at: 0) }
        guard report == ["ok"] else {
            throw ReplicaError.damaged(path: db.path, report: report.prefix(5).joined(separator: "; "))
        }
        let pending: [MigrationFile]
        do {
            pending = try migrator.pendingMigrations(in: db)
        } catch let error as MigrationError {
            throw ReplicaError.schemaMismatch(path: db.path, cause: error)
        }
        guard pending.isEmpty else { throw ReplicaError.schemaBehind(path: db.path, pending: pending.map(\.fileName)) }
    }
}

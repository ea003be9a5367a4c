/// Why a KPI or measurement operation was refused, precisely enough for the API to pick the status.
public enum KPIStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The project is unknown (404) or archived (410), or the store failed underneath.
    case project(ProjectStoreError)
    case kpiNotFound(projectID: Int, kpiID: Int)
    case measurementNotFound(kpiID: Int, measurementID: Int)
    /// Bad input: every bad field (422).
    case invalid([FieldIssue])
    /// If-Match and friends did not hold (412); `etag` is the current one. Nothing was written.
    case preconditionFailed(etag: String, modifiedAt: String?)
    case idempotencyKeyReused(key: String)
    /// A CSV import had bad rows; nothing was written.
    case importRejected([ImportIssue])
    case database(SQLiteError)
    case unexpected(String)

    public var description: String {
        switch self {
        case .project(let error): error.description
        case .kpiNotFound(let projectID, let kpiID): "project \(projectID) has no KPI \(kpiID)"
        case .measurementNotFound(let kpiID, let id): "KPI \(kpiID) has no measurement \(id)"
        case .invalid(let issues): "invalid fields: " + issues.map(\.description).joined(separator: "; ")
        case .preconditionFailed(let etag, _): "precondition failed; current ETag \(etag)"
        case .idempotencyKeyReused(let key): "idempotency key '\(key)' was used with a different request"
        case .importRejected(let issues): "\(issues.count) problem(s) in the file"
        case .database(let error): "database error: \(error)"
        case .unexpected(let message): "unexpected error: \(message)"
        }
    }
}

/// Why an evaluation or budget read or write failed.
public enum TrackingStoreError: Error, Sendable, Equatable {
    case projectNotFound(id: Int)
    case projectArchived(id: Int, at: String)
    case evaluationNotFound(projectID: Int, period: String)
    case budgetNotFound(projectID: Int, fiscalYear: Int)
    /// A second evaluation for a project and period: correct the first with PATCH.
    case duplicateEvaluation(projectID: Int, period: String)
    /// One issue per bad field.
    case invalid([FieldIssue])
    /// The caller's precondition failed against the current row (`version` nil: there is none).
    case preconditionFailed(version: Int?, updatedAt: String?)
    case idempotencyKeyReused(key: String)
    case importRejected([ImportIssue])
    case database(SQLiteError)
    case unexpected(String)
}

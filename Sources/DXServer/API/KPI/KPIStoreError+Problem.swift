import DXCore

/// The one place a KPI store failure becomes an HTTP problem.
extension KPIStoreError: ProblemConvertible {
    public var apiError: APIError {
        switch self {
        case .project(let error): return error.apiError
        case .kpiNotFound(let projectID, let kpiID): return .notFound("Project \(projectID) has no KPI \(kpiID).")
        case .measurementNotFound(let kpiID, let id): return .notFound("KPI \(kpiID) has no measurement \(id).")
        case .invalid(let issues): return .invalidFields(issues.map { FieldError(field: $0.field, message: $0.message) })
        case .preconditionFailed(let etag, _):
            return APIError(
                status: 412, type: "/problems/precondition-failed",
                detail: "A precondition (If-Match or If-None-Match) failed against the current version; nothing was changed. Fetch it again and reapply your change.",
                extensions: ["current_etag": .string(etag)])
        case .idempotencyKeyReused(let key): return ProjectStoreError.idempotencyKeyReused(key: key).apiError
        case .importRejected(let issues): return ProjectStoreError.importRejected(issues).apiError
        case .database(let cause): return ProjectStoreError.database(cause).apiError
        case .unexpected(let message): return ProjectStoreError.unexpected(message).apiError
        }
    }
}

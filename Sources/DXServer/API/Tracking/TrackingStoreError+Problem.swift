import DXCore

/// The one place an evaluation or budget store failure becomes an HTTP problem.
extension TrackingStoreError: ProblemConvertible {
    public var apiError: APIError {
        switch self {
        case .projectNotFound(let id):
            return ProjectStoreError.notFound(id: id).apiError
        case .projectArchived(let id, let at):
            return ProjectStoreError.archived(id: id, at: at).apiError
        case .evaluationNotFound(let projectID, let period):
            return .notFound("Project \(projectID) has no evaluation for the period \(period).")
        case .budgetNotFound(let projectID, let year):
            return .notFound("Project \(projectID) has no budget for fiscal year \(year).")
        case .duplicateEvaluation(let projectID, let period):
            let location = "/api/v1/projects/\(projectID)/evaluations/\(period)"
            return APIError(
                status: 409, type: "/problems/duplicate-evaluation",
                detail: "Project \(projectID) already has an evaluation for the period \(period); correct it with PATCH \(location) and If-Match.",
                extensions: ["existing": .string(location)])
        case .invalid(let issues):
            return .invalidFields(issues.map { FieldError(field: $0.field, message: $0.message) })
        case .preconditionFailed:
            return APIError(
                status: 412, type: "/problems/precondition-failed",
                detail: "A precondition (If-Match, If-None-Match or If-Unmodified-Since) failed against the current version; nothing was changed. Fetch it again and reapply your change.")
        case .idempotencyKeyReused(let key):
            return ProjectStoreError.idempotencyKeyReused(key: key).apiError
        case .importRejected(let issues):
            return .invalidFields(issues.map { FieldError(field: "line \($0.line): \($0.field)", message: $0.message) })
        case .database(let cause):
            if let problem = cause.operationalProblem { return problem }
            return APIError(status: 500, detail: "The evaluation or budget data could not be read or stored.")
        case .unexpected:
            return APIError(status: 500, detail: "The evaluation or budget data could not be read or stored.")
        }
    }
}

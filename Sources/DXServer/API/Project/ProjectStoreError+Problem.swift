import DXCore

/// The one place a project store failure becomes an HTTP problem.
extension ProjectStoreError: ProblemConvertible {
    public var apiError: APIError {
        switch self {
        case .invalid(let issues):
            return .invalidFields(issues.map { FieldError(field: $0.field, message: $0.message) })
        case .notFound(let id):
            return .notFound("There is no project \(id).")
        case .archived(let id, let at):
            return APIError(
                status: 410, type: "/problems/archived", detail: "Project \(id) was archived at \(at); its history is still at /api/v1/projects/\(id)/history.",
                extensions: ["archived_at": .string(at), "history": .string("/api/v1/projects/\(id)/history")])
        case .forbiddenTransition(let from, let to):
            let allowed = from.allowedTargets.map(\.rawValue)
            return APIError(
                status: 409, type: "/problems/forbidden-transition",
                detail: "A project cannot move from \(from.rawValue) to \(to.rawValue); from \(from.rawValue) it can move to: \(allowed.joined(separator: ", ")).",
                extensions: ["current": .string(from.rawValue), "requested": .string(to.rawValue), "allowed": .array(allowed.map(JSONValue.string))])
        case .preconditionFailed(let current):
            return APIError(
                status: 412, type: "/problems/precondition-failed",
                detail: "A precondition (If-Match, If-None-Match or If-Unmodified-Since) failed against the current version of the project; nothing was changed. Fetch it again and reapply your change.",
                extensions: ["current_etag": .string(current.entityTag)])
        case .idempotencyKeyReused(let key):
            return APIError(
                status: 422, type: "/problems/idempotency-key-reused",
                detail: "The Idempotency-Key '\(key)' was already used with a different request body; use a new key for a new request.")
        case .importRejected(let issues):
            return .invalidFields(issues.map { FieldError(field: "line \($0.line): \($0.field)", message: $0.message) })
        case .database(let cause):
            if let problem = cause.operationalProblem { return problem }
            // Never the SQL or SQLite's message: they describe the server, not the request.
            return APIError(status: 500, detail: "The project data could not be read or stored.")
        case .unexpected:
            return APIError(status: 500, detail: "The project data could not be read or stored.")
        }
    }
}

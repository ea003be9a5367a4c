/// Why a project operation was refused, precisely enough for the API to pick the status.
public enum ProjectStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Bad input: every bad field (422).
    case invalid([FieldIssue])
    case notFound(id: Int)
    /// The project exists but was archived (410); its history stays readable.
    case archived(id: Int, at: String)
    /// The status change is not in the transition table (409).
    case forbiddenTransition(from: ProjectStatus, to: ProjectStatus)
    /// The caller's precondition (If-Match, If-None-Match, If-Unmodified-Since) did not hold
    /// for the current version (412); nothing was written.
    case preconditionFailed(current: Project)
    /// The idempotency key was used before with another request body (422).
    case idempotencyKeyReused(key: String)
    /// A CSV import had bad rows; nothing was written.
    case importRejected([ImportIssue])
    case database(SQLiteError)
    /// Anything else (a stored KPI that no longer decodes): a bug, not the caller's fault.
    case unexpected(String)

    public var description: String {
        switch self {
        case .invalid(let issues): "invalid fields: " + issues.map(\.description).joined(separator: "; ")
        case .notFound(let id): "no project \(id)"
        case .archived(let id, let at): "project \(id) was archived at \(at)"
        case .forbiddenTransition(let from, let to):
            "cannot move from \(from.rawValue) to \(to.rawValue); allowed: \(from.allowedTargets.map(\.rawValue).joined(separator: ", "))"
        case .preconditionFailed(let current): "project \(current.id) is at version \(current.version)"
        case .idempotencyKeyReused(let key): "idempotency key '\(key)' was used with a different request"
        case .importRejected(let issues): "\(issues.count) problem(s) in the file"
        case .database(let error): "database error: \(error)"
        case .unexpected(let message): "unexpected error: \(message)"
        }
    }
}

/// One bad cell (or row) of an import, by the physical line number the row starts on.
public struct ImportIssue: Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var field: String
    public var message: String

    public init(line: Int, field: String, message: String) {
        self.line = line
        self.field = field
        self.message = message
    }

    public var description: String { "line \(line): \(field): \(message)" }
}

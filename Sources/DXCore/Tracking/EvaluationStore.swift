import Foundation

/// Projects' periodic evaluations. Every write runs in one IMMEDIATE transaction on the
/// pool's writer together with its row in the project's history (action `update`, changes
/// named `evaluations.PERIOD.FIELD`), so an evaluation is never recorded without its history.
public struct EvaluationStore: Sendable {
    public let pool: DatabasePool

    public init(pool: DatabasePool) { self.pool = pool }

    public enum CreateOutcome: Sendable, Equatable {
        case created(Evaluation, body: [UInt8])
        case replayed(ProjectStore.StoredResponse)
    }

    /// A live project's evaluations, oldest period first.
    public func evaluations(projectID: Int) throws(TrackingStoreError) -> [Evaluation] {
        try trackingRun {
            try pool.read { db in
                _ = try TrackedProject.load(projectID, db)
                return try db.rows(Self.selectSQL + " WHERE project_id = ? ORDER BY period_order", [SQLiteValue(projectID)], Self.evaluation)
            }
        }
    }

    public func evaluation(projectID: Int, period: EvaluationPeriod) throws(TrackingStoreError) -> Evaluation {
        try trackingRun { try pool.read { db in try Self.loadExisting(projectID: projectID, period: period, db) } }
    }

    /// Records a new evaluation by `actor`; a second one for the same period is
    /// `.duplicateEvaluation`. With `idempotency`, a request seen within a day gets the stored
    /// answer instead, and `render` makes the answer stored with the key.
    public func create(
        projectID: Int, _ draft: EvaluationDraft, actor: String, idempotency: ProjectStore.IdempotencyKey? = nil,
        render: (Evaluation) throws -> [UInt8] = { _ in [] }
    ) throws(TrackingStoreError) -> CreateOutcome {
        try trackingRun {
            try pool.write { db in
                if let idempotency {
                    do {
                        if let stored = try ProjectStore.storedResponse(for: idempotency, db) { return .replayed(stored) }
                    } catch ProjectStoreError.idempotencyKeyReused(let key) {
                        throw TrackingStoreError.idempotencyKeyReused(key: key)
                    }
                }
                let project = try TrackedProject.load(projectID, db)
                let (period, rating, comment) = try draft.validatedForCreate(within: project)
                if try db.scalar("SELECT 1 FROM project_evaluations WHERE project_id = ? AND period = ?", SQLiteValue(projectID),
                                 .text(period.description)) != nil {
                    throw TrackingStoreError.duplicateEvaluation(projectID: projectID, period: period.description)
                }
                let now = Timestamp.now()
                try db.run("""
                    INSERT INTO project_evaluations (project_id, period, fiscal_year, period_order, rating, comment, evaluated_by,
                                                     evaluated_at, version, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?)
                    """, SQLiteValue(projectID), .text(period.description), SQLiteValue(period.fiscalYear), SQLiteValue(period.order),
                    .text(rating.rawValue), .text(comment), .text(actor), .text(now), .text(now))
                let created = try Self.loadExisting(projectID: projectID, period: period, db)
                try ProjectStore.appendHistory(
                    projectID: projectID, at: now, actor: actor, action: .update, changes: Self.changes(from: nil, to: created),
                    note: draft.note, db)
                let body = try render(created)
                if let idempotency {
                    try ProjectStore.remember(idempotency, status: 201, body: body, projectID: projectID, at: now, db)
                }
                return .created(created, body: body)
            }
        }
    }

    /// Corrects an evaluation's rating or comment. `precondition` (the caller's If-Match) is
    /// checked against the current row inside the write transaction; a refusal writes nothing.
    /// A correction that changes nothing writes nothing.
    public func correct(
        projectID: Int, period: EvaluationPeriod, _ draft: EvaluationDraft, actor: String,
        precondition: ((Evaluation) -> Bool)? = nil
    ) throws(TrackingStoreError) -> Evaluation {
        try trackingRun {
            try pool.write { db in
                _ = try TrackedProject.load(projectID, db)
                let current = try Self.loadExisting(projectID: projectID, period: period, db)
                if let precondition, !precondition(current) {
                    throw TrackingStoreError.preconditionFailed(version: current.version, updatedAt: current.updatedAt)
                }
                let next = try draft.validated(correcting: current)
                let changes = Self.changes(from: current, to: next)
                if changes.isEmpty { return current }
                let now = max(Timestamp.now(), current.updatedAt)
                try db.run("""
                    UPDATE project_evaluations SET rating = ?, comment = ?, version = version + 1, updated_at = ?
                    WHERE project_id = ? AND period = ? AND version = ?
                    """, .text(next.rating.rawValue), .text(next.comment), .text(now), SQLiteValue(projectID),
                    .text(period.description), SQLiteValue(current.version))
                try ProjectStore.appendHistory(projectID: projectID, at: now, actor: actor, action: .update, changes: changes, note: draft.note, db)
                return try Self.loadExisting(projectID: projectID, period: period, db)
            }
        }
    }

    // MARK: Helpers (inside a transaction)

    static let selectSQL = """
        SELECT project_id, period, rating, comment, evaluated_by, evaluated_at, version, updated_at FROM project_evaluations
        """

    static func evaluation(_ row: Statement) throws -> Evaluation {
        // The CHECK constraints admit only periods and ratings these types read.
        guard let period = EvaluationPeriod(row.string(at: 1)), let rating = EvaluationRating(rawValue: row.string(at: 2)) else {
            throw TrackingStoreError.unexpected("a stored evaluation has period '\(row.string(at: 1))', rating '\(row.string(at: 2))'")
        }
        return Evaluation(projectID: row.int(at: 0), period: period, rating: rating, comment: row.string(at: 3), evaluatedBy: row.string(at: 4),
                          evaluatedAt: row.string(at: 5), version: row.int(at: 6), updatedAt: row.string(at: 7))
    }

    static func loadExisting(projectID: Int, period: EvaluationPeriod, _ db: Database) throws -> Evaluation {
        _ = try TrackedProject.load(projectID, db)
        let found = try db.rows(selectSQL + " WHERE project_id = ? AND period = ?", [SQLiteValue(projectID), .text(period.description)], evaluation)
        guard let evaluation = found.first else {
            throw TrackingStoreError.evaluationNotFound(projectID: projectID, period: period.description)
        }
        return evaluation
    }

    /// History's changes, one per field that differs: `evaluations.2023H1.rating` etc.
    static func changes(from old: Evaluation?, to new: Evaluation) -> [String: FieldChange] {
        let prefix = "evaluations.\(new.period)."
        var result: [String: FieldChange] = [:]
        if old?.rating != new.rating {
            result[prefix + "rating"] = FieldChange(old: old.map { .string($0.rating.rawValue) } ?? .null, new: .string(new.rating.rawValue))
        }
        if old?.comment != new.comment {
            result[prefix + "comment"] = FieldChange(old: old.map { .string($0.comment) } ?? .null, new: .string(new.comment))
        }
        return result
    }
}

import Foundation

/// Projects' budgets per fiscal year. Every write runs in one IMMEDIATE transaction on the
/// pool's writer together with its row in the project's history (action `update`, changes
/// named `budget.YEAR.FIELD`).
public struct BudgetStore: Sendable {
    public let pool: DatabasePool

    public init(pool: DatabasePool) { self.pool = pool }

    /// A live project's budget, oldest fiscal year first.
    public func entries(projectID: Int) throws(TrackingStoreError) -> [BudgetEntry] {
        try trackingRun {
            try pool.read { db in
                _ = try TrackedProject.load(projectID, db)
                return try db.rows(Self.selectSQL + " WHERE project_id = ? ORDER BY fiscal_year", [SQLiteValue(projectID)], Self.entry)
            }
        }
    }

    /// One fiscal year of a live project's budget, or `.budgetNotFound`.
    public func entry(projectID: Int, fiscalYear: Int) throws(TrackingStoreError) -> BudgetEntry {
        try trackingRun {
            try pool.read { db in
                _ = try TrackedProject.load(projectID, db)
                guard let found = try Self.load(projectID: projectID, fiscalYear: fiscalYear, db) else {
                    throw TrackingStoreError.budgetNotFound(projectID: projectID, fiscalYear: fiscalYear)
                }
                return found
            }
        }
    }

    /// Sets a fiscal year's budget to exactly `draft` (a PUT): creates it (`created` true) or
    /// replaces it. `precondition` gets the current entry (nil when there is none) inside the
    /// write transaction; a refusal writes nothing. Replacing with the same values writes nothing.
    public func put(
        projectID: Int, fiscalYear: Int, _ draft: BudgetDraft, actor: String, note: String? = nil,
        precondition: ((BudgetEntry?) -> Bool)? = nil
    ) throws(TrackingStoreError) -> (entry: BudgetEntry, created: Bool) {
        try trackingRun {
            try pool.write { db in
                let project = try TrackedProject.load(projectID, db)
                let current = try Self.load(projectID: projectID, fiscalYear: fiscalYear, db)
                if let precondition, !precondition(current) {
                    throw TrackingStoreError.preconditionFailed(version: current?.version, updatedAt: current?.updatedAt)
                }
                return try Self.write(project: project, fiscalYear: fiscalYear, draft, current: current, actor: actor, note: note,
                                      at: Timestamp.now(), db)
            }
        }
    }

    /// One row of `dxserve import budget`.
    public struct ImportRow: Sendable, Equatable {
        public var line: Int
        public var projectID: Int?
        public var fiscalYear: Int?
        public var draft: BudgetDraft

        public init(line: Int, projectID: Int?, fiscalYear: Int?, draft: BudgetDraft) {
            self.line = line
            self.projectID = projectID
            self.fiscalYear = fiscalYear
            self.draft = draft
        }
    }

    /// Puts every row, or none: any bad row (unknown or archived project, a year outside the
    /// project's, a project and year given twice, a bad value) fails the whole import with
    /// every problem of every row. `dryRun` validates only. `progress` is called with the
    /// number of rows done so far. Returns the number of rows.
    public func importBudget(
        _ rows: [ImportRow], actor: String, note: String? = nil, dryRun: Bool, progress: ((Int) -> Void)? = nil
    ) throws(TrackingStoreError) -> Int {
        let work: (Database) throws -> Int = { db in
            var problems: [ImportIssue] = []
            var seen: [String: Int] = [:]
            var valid: [(TrackedProject, Int, BudgetDraft)] = []
            for row in rows {
                var issues = row.draft.checked().issues
                var project: TrackedProject?
                if let id = row.projectID {
                    do {
                        project = try TrackedProject.load(id, db)
                    } catch TrackingStoreError.projectNotFound {
                        issues.append(FieldIssue(field: "project_id", message: "there is no project \(id)"))
                    } catch TrackingStoreError.projectArchived {
                        issues.append(FieldIssue(field: "project_id", message: "project \(id) is archived"))
                    }
                } else if !issues.contains(where: { $0.field == "project_id" }) {
                    issues.append(FieldIssue(field: "project_id", message: "is required"))
                }
                if let year = row.fiscalYear {
                    if let project, let issue = project.yearIssue(year, field: "fiscal_year") { issues.append(issue) }
                    if let id = row.projectID {
                        if let first = seen["\(id)/\(year)"] {
                            issues.append(FieldIssue(field: "fiscal_year", message: "project \(id) has fiscal year \(year) already on line \(first)"))
                        } else {
                            seen["\(id)/\(year)"] = row.line
                        }
                    }
                } else if !issues.contains(where: { $0.field == "fiscal_year" }) {
                    issues.append(FieldIssue(field: "fiscal_year", message: "is required"))
                }
                problems += issues.map { ImportIssue(line: row.line, field: $0.field, message: $0.message) }
                if issues.isEmpty, let project, let year = row.fiscalYear { valid.append((project, year, row.draft)) }
            }
            if !problems.isEmpty { throw TrackingStoreError.importRejected(problems) }
            if dryRun { return rows.count }
            let now = Timestamp.now()
            for (index, (project, year, draft)) in valid.enumerated() {
                let current = try Self.load(projectID: project.id, fiscalYear: year, db)
                _ = try Self.write(project: project, fiscalYear: year, draft, current: current, actor: actor, note: note, at: now, db)
                progress?(index + 1)
            }
            return rows.count
        }
        return try trackingRun { dryRun ? try pool.read(work) : try pool.write(work) }
    }

    // MARK: Helpers (inside a transaction)

    static let selectSQL = """
        SELECT project_id, fiscal_year, planned_yen, actual_yen, note, version, created_at, updated_at FROM project_budgets
        """

    static func entry(_ row: Statement) -> BudgetEntry {
        BudgetEntry(projectID: row.int(at: 0), fiscalYear: row.int(at: 1), plannedYen: row.int(at: 2), actualYen: row.optionalInt(at: 3),
                    note: row.string(at: 4), version: row.int(at: 5), createdAt: row.string(at: 6), updatedAt: row.string(at: 7))
    }

    static func load(projectID: Int, fiscalYear: Int, _ db: Database) throws -> BudgetEntry? {
        try db.rows(selectSQL + " WHERE project_id = ? AND fiscal_year = ?", [SQLiteValue(projectID), SQLiteValue(fiscalYear)], entry).first
    }

    static func write(
        project: TrackedProject, fiscalYear: Int, _ draft: BudgetDraft, current: BudgetEntry?, actor: String, note: String?,
        at time: String, _ db: Database
    ) throws -> (entry: BudgetEntry, created: Bool) {
        var (values, issues) = draft.checked()
        if let issue = project.yearIssue(fiscalYear, field: "fiscal_year") { issues.append(issue) }
        guard issues.isEmpty, let values else { throw TrackingStoreError.invalid(issues) }
        if let current {
            if current.plannedYen == values.planned && current.actualYen == values.actual && current.note == values.note {
                return (current, false)
            }
            let now = max(time, current.updatedAt)
            try db.run("""
                UPDATE project_budgets SET planned_yen = ?, actual_yen = ?, note = ?, version = version + 1, updated_at = ?
                WHERE project_id = ? AND fiscal_year = ? AND version = ?
                """, SQLiteValue(values.planned), SQLiteValue(values.actual), .text(values.note), .text(now), SQLiteValue(project.id),
                SQLiteValue(fiscalYear), SQLiteValue(current.version))
        } else {
            try db.run("""
                INSERT INTO project_budgets (project_id, fiscal_year, planned_yen, actual_yen, note, version, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, 1, ?, ?)
                """, SQLiteValue(project.id), SQLiteValue(fiscalYear), SQLiteValue(values.planned), SQLiteValue(values.actual),
                .text(values.note), .text(time), .text(time))
        }
        guard let written = try load(projectID: project.id, fiscalYear: fiscalYear, db) else {
            throw TrackingStoreError.budgetNotFound(projectID: project.id, fiscalYear: fiscalYear)
        }
        try ProjectStore.appendHistory(projectID: project.id, at: written.updatedAt, actor: actor, action: .update,
                                       changes: changes(from: current, to: written), note: note, db)
        return (written, current == nil)
    }

    /// History's changes, one per field that differs: `budget.2023.planned_yen` etc.
    static func changes(from old: BudgetEntry?, to new: BudgetEntry) -> [String: FieldChange] {
        let prefix = "budget.\(new.fiscalYear)."
        func value(_ yen: Int?) -> HistoryValue { yen.map(HistoryValue.integer) ?? .null }
        var result: [String: FieldChange] = [:]
        if old == nil || old?.plannedYen != new.plannedYen {
            result[prefix + "planned_yen"] = FieldChange(old: value(old?.plannedYen), new: .integer(new.plannedYen))
        }
        if old == nil || old?.actualYen != new.actualYen {
            result[prefix + "actual_yen"] = FieldChange(old: value(old?.actualYen), new: value(new.actualYen))
        }
        if old == nil || old?.note != new.note {
            result[prefix + "note"] = FieldChange(old: old.map { .string($0.note) } ?? .null, new: .string(new.note))
        }
        return result
    }
}

extension BudgetStore {
    /// `GET /api/v1/budget`: see `BudgetTotal.read`.
    public func totals(fiscalYear: Int? = nil) throws(TrackingStoreError) -> [BudgetTotal] {
        try trackingRun { try pool.read { db in try BudgetTotal.read(db, fiscalYear: fiscalYear) } }
    }

    /// Ratings and budgets per policy and measure, for `GET /api/v1/progress`.
    public func rollup() throws(TrackingStoreError) -> TrackingRollup {
        try trackingRun { try pool.read { db in try TrackingRollup.read(db) } }
    }
}

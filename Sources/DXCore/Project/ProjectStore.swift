import Foundation

/// Projects and their history. Every write runs in one IMMEDIATE transaction on the pool's
/// single writer, together with its history row: writes are serialised, preconditions are
/// checked against the row as it is inside that transaction, and nothing is half-written.
public struct ProjectStore: Sendable {
    public let pool: DatabasePool

    /// How long an idempotency key is remembered.
    public static let idempotencyLifetimeSeconds = 24 * 60 * 60

    public init(pool: DatabasePool) { self.pool = pool }

    // MARK: Reading

    /// A live project; an archived one is `.archived`, an unknown id `.notFound`.
    public func project(id: Int) throws(ProjectStoreError) -> Project {
        let found = try run { try pool.read { db in try Self.load(id: id, db) } }
        guard let found else { throw .notFound(id: id) }
        if let archivedAt = found.archivedAt { throw .archived(id: id, at: archivedAt) }
        return found
    }

    /// Live projects matching `query`, in its order.
    public func projects(_ query: ProjectQuery = ProjectQuery()) throws(ProjectStoreError) -> [Project] {
        let conditions = query.conditions
        let sql = Self.selectSQL + KeysetQuery.whereClause(conditions) + " ORDER BY " + query.sort.orderBy
        return try run { try pool.read { db in try db.rows(sql, conditions.flatMap(\.arguments), Self.project) } }
    }

    /// One page of live projects matching `query`, in its sort order, computed in SQL from
    /// the cursor's position (see `KeysetQuery`); `total` counts every match.
    public func projectsPage(_ query: ProjectQuery, page: PageRequest) throws(ProjectStoreError) -> KeysetPage<Project> {
        try projectsPage(query, page: page, facets: []).page
    }

    /// A page and the facets asked for, from one snapshot, so the counts describe the same
    /// data as the page. Each facet ignores its own filter (see `ProjectFacet.counts`).
    public func projectsPage(
        _ query: ProjectQuery, page: PageRequest, facets: [ProjectFacet]
    ) throws(ProjectStoreError) -> (page: KeysetPage<Project>, facets: FacetCounts) {
        let keyset = Self.keyset(query)
        return try run {
            try pool.read { db in
                (try keyset.page(page, in: db, row: Self.project), try ProjectFacet.counts(facets, query: query, in: db))
            }
        }
    }

    /// Rows of a page without the total, each call its own short read transaction: what a
    /// streamed export reads chunk after chunk, continuing from the previous chunk's position,
    /// so a slow download never holds a connection or a snapshot between chunks.
    public func projectsChunk(_ query: ProjectQuery, page: PageRequest) throws(ProjectStoreError) -> KeysetPage<Project> {
        let keyset = Self.keyset(query)
        return try run { try pool.read { db in try keyset.rows(page, in: db, row: Self.project, total: 0) } }
    }

    /// The conditions read `projects` alone, so the count skips the join with `measures`.
    static func keyset(_ query: ProjectQuery) -> KeysetQuery {
        let conditions = query.conditions
        // Unfiltered, SQLite's planner counts by scanning the table (≈ 20 ms at 100,000 rows);
        // the partial status index holds exactly the live rows and is a few times smaller.
        let countFrom = conditions.count == 1 ? "projects p INDEXED BY projects_status" : "projects p"
        return KeysetQuery(columns: Self.selectColumns, from: Self.selectFrom, conditions: conditions, order: query.sort.order,
                           countFrom: countFrom)
    }

    /// Every write to a project, oldest first; archived projects keep theirs.
    public func history(projectID: Int) throws(ProjectStoreError) -> [ProjectHistoryEntry] {
        try historyPage(projectID: projectID, page: .all).items
    }

    /// The order of a project's history: by entry id, which grows with every write.
    public static let historyOrder = KeysetOrder(name: "id", columns: [KeysetOrder.Column("h.id", .integer)])

    /// One page of a project's history, oldest first, computed in SQL from the cursor's
    /// position; entries appended meanwhile come after every position, so they show up on a
    /// later page and nothing repeats.
    public func historyPage(projectID: Int, page: PageRequest) throws(ProjectStoreError) -> KeysetPage<ProjectHistoryEntry> {
        try historyPage(projectID: projectID, query: ProjectHistoryQuery(), page: page, facets: []).page
    }

    /// A page of a project's history under `query`, with the facets asked for, from one
    /// snapshot. An unknown project is `.notFound`.
    public func historyPage(
        projectID: Int, query: ProjectHistoryQuery, page: PageRequest, facets: [ProjectHistoryFacet]
    ) throws(ProjectStoreError) -> (page: KeysetPage<ProjectHistoryEntry>, facets: FacetCounts) {
        let keyset = Self.historyKeyset(projectID: projectID, query: query)
        let result: (page: KeysetPage<ProjectHistoryEntry>, facets: FacetCounts)? = try run {
            try pool.read { db in
                guard try db.scalar("SELECT 1 FROM projects WHERE id = ?", SQLiteValue(projectID)) != nil else { return nil }
                return (try keyset.page(page, in: db, row: Self.historyEntry),
                        try ProjectHistoryFacet.counts(facets, query: query, projectID: projectID, in: db))
            }
        }
        guard let result else { throw .notFound(id: projectID) }
        return result
    }

    /// Rows of a history page without the total, in their own short read transaction (see
    /// `projectsChunk`). An unknown project is `.notFound`.
    public func historyChunk(projectID: Int, query: ProjectHistoryQuery, page: PageRequest) throws(ProjectStoreError) -> KeysetPage<ProjectHistoryEntry> {
        let keyset = Self.historyKeyset(projectID: projectID, query: query)
        let chunk: KeysetPage<ProjectHistoryEntry>? = try run {
            try pool.read { db in
                guard try db.scalar("SELECT 1 FROM projects WHERE id = ?", SQLiteValue(projectID)) != nil else { return nil }
                return try keyset.rows(page, in: db, row: Self.historyEntry, total: 0)
            }
        }
        guard let chunk else { throw .notFound(id: projectID) }
        return chunk
    }

    static func historyKeyset(projectID: Int, query: ProjectHistoryQuery) -> KeysetQuery {
        KeysetQuery(
            columns: "h.id, h.project_id, h.at, h.actor, h.action, h.changes, h.note", from: "project_history h",
            conditions: query.conditions(projectID: projectID), order: Self.historyOrder)
    }

    static func historyEntry(_ row: Statement) throws -> ProjectHistoryEntry {
        ProjectHistoryEntry(
            id: row.int(at: 0), projectID: row.int(at: 1), at: row.string(at: 2), actor: row.string(at: 3),
            action: ProjectHistoryEntry.Action(rawValue: row.string(at: 4)) ?? .update,
            changes: try Self.decoder.decode([String: FieldChange].self, from: Data(row.string(at: 5).utf8)),
            note: row.optionalString(at: 6))
    }

    public func measureExists(code: String) throws(ProjectStoreError) -> Bool {
        try run { try pool.read { db in try db.scalar("SELECT 1 FROM measures WHERE code = ?", .text(code)) != nil } }
    }

    public func policyExists(id: Int) throws(ProjectStoreError) -> Bool {
        try run { try pool.read { db in try db.scalar("SELECT 1 FROM policies WHERE id = ?", SQLiteValue(id)) != nil } }
    }

    /// Counts by status and mean progress of live projects, per policy and per measure, from
    /// one snapshot.
    /// `today` is the day the KPIs are judged on track for (Japan).
    public func progress(today: CalendarDate = .todayInJapan()) throws(ProjectStoreError) -> ProgressReport {
        try run {
            try pool.read { db in
                let policies = try db.rows("""
                    SELECT po.id, po.title, count(p.id), \(StatusCounts.sqlAggregates), avg(p.progress)
                    FROM policies po
                    LEFT JOIN measures m ON m.policy_id = po.id
                    LEFT JOIN projects p ON p.measure_code = m.code AND p.archived_at IS NULL
                    GROUP BY po.id ORDER BY po.id
                    """) { row in
                    ProgressReport.PolicyProgress(
                        id: row.int(at: 0), title: row.string(at: 1), projectCount: row.int(at: 2),
                        statusCounts: StatusCounts(row, from: 3), meanProgress: Self.mean(row.optionalDouble(at: 8)))
                }
                let measures = try db.rows("""
                    SELECT m.code, m.policy_id, m.title, count(p.id), \(StatusCounts.sqlAggregates), avg(p.progress)
                    FROM measures m
                    LEFT JOIN projects p ON p.measure_code = m.code AND p.archived_at IS NULL
                    GROUP BY m.code ORDER BY m.policy_id, m.position
                    """) { row in
                    ProgressReport.MeasureProgress(
                        code: row.string(at: 0), policyID: row.int(at: 1), title: row.string(at: 2), projectCount: row.int(at: 3),
                        statusCounts: StatusCounts(row, from: 4), meanProgress: Self.mean(row.optionalDouble(at: 9)))
                }
                var report = ProgressReport(policies: policies, measures: measures)
                // Issue 12: KPIs on and off track, judged for today.
                let counts = try KPIStore.trackCounts(today: today, db)
                for i in report.policies.indices { report.policies[i].kpis = counts.policies[report.policies[i].id] ?? KPITrackCounts() }
                for i in report.measures.indices { report.measures[i].kpis = counts.measures[report.measures[i].code] ?? KPITrackCounts() }
                return report
            }
        }
    }

    /// One decimal place: progress is a whole percentage, so more digits would be noise.
    static func mean(_ value: Double?) -> Double? {
        value.map { ($0 * 10).rounded() / 10 }
    }

    // MARK: Writing

    /// An `Idempotency-Key` with what identifies the request it came with.
    public struct IdempotencyKey: Sendable, Equatable {
        public var key: String
        public var tokenName: String
        /// SHA-256 (hex) of the request body: the same key with another body is refused.
        public var requestHash: String

        public init(key: String, tokenName: String, requestHash: String) {
            self.key = key
            self.tokenName = tokenName
            self.requestHash = requestHash
        }
    }

    /// The answer stored with an idempotency key, returned again on a retry.
    public struct StoredResponse: Sendable, Equatable {
        public var status: Int
        public var body: [UInt8]
        public var projectID: Int?
    }

    public enum CreateOutcome: Sendable, Equatable {
        case created(Project, body: [UInt8])
        case replayed(StoredResponse)
    }

    /// Creates a project from `patch` (a new project starts `planned`), with its first history
    /// row. With `idempotency`, a request seen before within a day gets the stored answer
    /// instead, and `render` (which makes the answer's body) is stored with the key in the
    /// same transaction.
    public func create(
        _ patch: ProjectPatch, actor: String, idempotency: IdempotencyKey? = nil,
        render: (Project) throws -> [UInt8] = { _ in [] }
    ) throws(ProjectStoreError) -> CreateOutcome {
        try run {
            try pool.write { db in
                let now = Timestamp.now()
                if let idempotency, let stored = try Self.storedResponse(for: idempotency, db) { return .replayed(stored) }
                var issues: [FieldIssue] = []
                if case .set(let raw) = patch.status, let status = ProjectStatus(rawValue: raw), status != .planned {
                    issues.append(FieldIssue(field: "status", message: "a new project starts planned; change the status afterwards"))
                }
                let fields = try Self.validated(patch, base: nil, extraIssues: issues, db)
                let project = try Self.insert(fields, actor: actor, note: patch.note, at: now, db)
                let body = try render(project)
                if let idempotency {
                    try Self.remember(idempotency, status: 201, body: body, projectID: project.id, at: now, db)
                }
                return .created(project, body: body)
            }
        }
    }

    /// Applies a merge patch. `precondition` (the caller's conditions: in the API, RFC 9110's
    /// If-Match, If-None-Match and If-Unmodified-Since) is checked against the current row
    /// inside the write transaction, so of several writers holding the same version exactly
    /// one succeeds, and a refused one writes nothing (`.preconditionFailed`). A patch that changes nothing writes nothing and returns
    /// `changed == false`.
    public func update(
        id: Int, _ patch: ProjectPatch, actor: String, precondition: ((Project) -> Bool)? = nil
    ) throws(ProjectStoreError) -> (project: Project, changed: Bool) {
        try run {
            try pool.write { db in
                let current = try Self.loadLive(id: id, db)
                if let precondition, !precondition(current) { throw ProjectStoreError.preconditionFailed(current: current) }
                let fields = try Self.validated(patch, base: current.fields, extraIssues: [], db)
                if fields.status != current.fields.status && !current.fields.status.canMove(to: fields.status) {
                    throw ProjectStoreError.forbiddenTransition(from: current.fields.status, to: fields.status)
                }
                let changes = fields.changes(from: current.fields)
                if changes.isEmpty { return (current, false) }
                // Never before the last write, even if the wall clock stepped back.
                let now = max(Timestamp.now(), current.updatedAt)
                try db.run("""
                    UPDATE projects SET measure_code = ?, title = ?, description = ?, department = ?, status = ?, progress = ?,
                        start_fiscal_year = ?, end_fiscal_year = ?, kpi = ?, version = version + 1, updated_at = ?
                    WHERE id = ? AND version = ?
                    """, arguments: try Self.columnValues(fields) + [.text(now), SQLiteValue(id), SQLiteValue(current.version)])
                // Issue 12: the old `kpi` writes through to the first KPI, in this transaction and history row.
                let kpiChanges = try KPIStore.writeThrough(projectID: id, old: current.fields.kpi, new: fields.kpi, endFiscalYear: fields.endFiscalYear,
                                                           actor: actor, at: now, db)
                let summary = try KPIStore.syncSummary(projectID: id, at: now, bump: false, db)
                try Self.appendHistory(projectID: id, at: now, actor: actor, action: .update,
                                       changes: changes.merging(kpiChanges) { $1 }.merging(summary) { $1 }, note: patch.note, db)
                guard let updated = try Self.load(id: id, db) else { throw ProjectStoreError.notFound(id: id) }
                return (updated, true)
            }
        }
    }

    /// Archives a project: it leaves every listing and count; its history stays.
    /// `precondition` is checked as in `update`, inside the same transaction as the write.
    public func archive(
        id: Int, actor: String, note: String? = nil, precondition: ((Project) -> Bool)? = nil
    ) throws(ProjectStoreError) -> Project {
        if let note, note.unicodeScalars.count > ProjectValidator.maxNoteLength {
            throw .invalid([FieldIssue(field: "note", message: "must be at most \(ProjectValidator.maxNoteLength) characters")])
        }
        return try run {
            try pool.write { db in
                let current = try Self.loadLive(id: id, db)
                if let precondition, !precondition(current) { throw ProjectStoreError.preconditionFailed(current: current) }
                let now = max(Timestamp.now(), current.updatedAt)
                try db.run("UPDATE projects SET archived_at = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?",
                           .text(now), .text(now), SQLiteValue(id), SQLiteValue(current.version))
                try Self.appendHistory(
                    projectID: id, at: now, actor: actor, action: .archive,
                    changes: ["archived_at": FieldChange(old: .null, new: .string(now))], note: note, db)
                guard let archived = try Self.load(id: id, db) else { throw ProjectStoreError.notFound(id: id) }
                return archived
            }
        }
    }

    /// One row of an import: its patch and the line it starts on.
    public struct ImportRow: Sendable, Equatable {
        public var line: Int
        public var patch: ProjectPatch

        public init(line: Int, patch: ProjectPatch) {
            self.line = line
            self.patch = patch
        }
    }

    /// Creates every row's project, or none: any bad row fails the whole import with every
    /// problem of every row. Rows may start in any status (a spreadsheet records where
    /// projects already are). `dryRun` validates only. Returns the number of rows.
    /// `progress` is called with the number of rows written so far.
    public func importProjects(
        _ rows: [ImportRow], actor: String, note: String? = nil, dryRun: Bool, progress: ((Int) -> Void)? = nil
    ) throws(ProjectStoreError) -> Int {
        let work: (Database) throws -> Int = { db in
            var problems: [ImportIssue] = []
            var valid: [ProjectFields] = []
            for row in rows {
                do {
                    valid.append(try Self.validated(row.patch, base: nil, extraIssues: [], db))
                } catch ProjectStoreError.invalid(let issues) {
                    // Named as the spreadsheet's columns are: kpi.target is the kpi_target column.
                    problems += issues.map {
                        ImportIssue(line: row.line, field: $0.field.replacingOccurrences(of: "kpi.", with: "kpi_"), message: $0.message)
                    }
                }
            }
            if !problems.isEmpty { throw ProjectStoreError.importRejected(problems) }
            if dryRun { return rows.count }
            let now = Timestamp.now()
            for (index, (row, fields)) in zip(rows, valid).enumerated() {
                _ = try Self.insert(fields, actor: actor, note: row.patch.note ?? note, at: now, db)
                progress?(index + 1)
            }
            return rows.count
        }
        return try run { dryRun ? try pool.read(work) : try pool.write(work) }
    }

    // MARK: Helpers (inside a transaction)

    static let selectColumns = """
        p.id, p.measure_code, p.title, p.description, p.department, p.status, p.progress,
               p.start_fiscal_year, p.end_fiscal_year, p.kpi, p.version, p.created_at, p.updated_at, p.archived_at, m.policy_id
        """
    static let selectFrom = "projects p JOIN measures m ON m.code = p.measure_code"
    static let selectSQL = "SELECT \(selectColumns) FROM \(selectFrom)"

    static func project(_ row: Statement) throws -> Project {
        let kpi = try row.optionalString(at: 9).map { try decoder.decode(KPI.self, from: Data($0.utf8)) }
        let fields = ProjectFields(
            measureCode: row.string(at: 1), title: row.string(at: 2), description: row.string(at: 3), department: row.string(at: 4),
            // The CHECK constraint admits only the statuses the enum knows.
            status: ProjectStatus(rawValue: row.string(at: 5)) ?? .planned, progress: row.int(at: 6),
            startFiscalYear: row.int(at: 7), endFiscalYear: row.int(at: 8), kpi: kpi)
        return Project(id: row.int(at: 0), fields: fields, policyID: row.int(at: 14), version: row.int(at: 10),
                       createdAt: row.string(at: 11), updatedAt: row.string(at: 12), archivedAt: row.optionalString(at: 13))
    }

    static func load(id: Int, _ db: Database) throws -> Project? {
        try db.rows(selectSQL + " WHERE p.id = ?", [SQLiteValue(id)], project).first
    }

    static func loadLive(id: Int, _ db: Database) throws -> Project {
        guard let current = try load(id: id, db) else { throw ProjectStoreError.notFound(id: id) }
        if let archivedAt = current.archivedAt { throw ProjectStoreError.archived(id: id, at: archivedAt) }
        return current
    }

    /// The patched fields, or `.invalid` with every problem, the measure's existence included.
    static func validated(_ patch: ProjectPatch, base: ProjectFields?, extraIssues: [FieldIssue], _ db: Database) throws -> ProjectFields {
        var issues = extraIssues
        if case .set(let code) = patch.measureCode, ProjectValidator.isMeasureCode(code),
           try db.scalar("SELECT 1 FROM measures WHERE code = ?", .text(code)) == nil {
            issues.append(FieldIssue(field: "measure_code", message: "there is no measure \(code)"))
        }
        switch ProjectValidator.apply(patch, to: base) {
        case .success(let fields) where issues.isEmpty: return fields
        case .success: throw ProjectStoreError.invalid(issues)
        case .failure(let failure): throw ProjectStoreError.invalid(failure.issues + issues)
        }
    }

    static func columnValues(_ fields: ProjectFields) throws -> [SQLiteValue] {
        [
            .text(fields.measureCode), .text(fields.title), .text(fields.description), .text(fields.department),
            .text(fields.status.rawValue), SQLiteValue(fields.progress), SQLiteValue(fields.startFiscalYear),
            SQLiteValue(fields.endFiscalYear), try fields.kpi.map { .text(String(decoding: try encoder.encode($0), as: UTF8.self)) } ?? .null,
        ]
    }

    static func insert(_ fields: ProjectFields, actor: String, note: String?, at now: String, _ db: Database) throws -> Project {
        try db.run("""
            INSERT INTO projects (measure_code, title, description, department, status, progress,
                                  start_fiscal_year, end_fiscal_year, kpi, version, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
            """, arguments: try columnValues(fields) + [.text(now), .text(now)])
        let id = Int(db.lastInsertRowID)
        // Issue 12: a project's `kpi` becomes its first KPI, recorded in the same history row.
        let kpiChanges = try KPIStore.writeThrough(projectID: id, old: nil, new: fields.kpi, endFiscalYear: fields.endFiscalYear,
                                                   actor: actor, at: now, db)
        try appendHistory(projectID: id, at: now, actor: actor, action: .create, changes: fields.changes(from: nil).merging(kpiChanges) { $1 },
                          note: note, db)
        guard let project = try load(id: id, db) else { throw ProjectStoreError.notFound(id: id) }
        return project
    }

    static func appendHistory(
        projectID: Int, at: String, actor: String, action: ProjectHistoryEntry.Action, changes: [String: FieldChange],
        note: String?, _ db: Database
    ) throws {
        try db.run(
            "INSERT INTO project_history (project_id, at, actor, action, changes, note) VALUES (?, ?, ?, ?, ?, ?)",
            SQLiteValue(projectID), .text(at), .text(actor), .text(action.rawValue),
            .text(String(decoding: try encoder.encode(changes), as: UTF8.self)), SQLiteValue(note))
    }

    static func storedResponse(for key: IdempotencyKey, _ db: Database) throws -> StoredResponse? {
        let rows = try db.rows("""
            SELECT request_hash, response_status, response_body, project_id FROM idempotency_keys
            WHERE token_name = ? AND key = ? AND created_at >= ?
            """, [.text(key.tokenName), .text(key.key), .text(idempotencyCutoff())]) { row in
            (hash: row.string(at: 0), response: StoredResponse(status: row.int(at: 1), body: row.blob(at: 2), projectID: row.optionalInt(at: 3)))
        }
        guard let found = rows.first else { return nil }
        guard found.hash == key.requestHash else { throw ProjectStoreError.idempotencyKeyReused(key: key.key) }
        return found.response
    }

    static func remember(_ key: IdempotencyKey, status: Int, body: [UInt8], projectID: Int?, at now: String, _ db: Database) throws {
        // Expired keys are purged here, lazily: no timer, and an expired row of this very key
        // makes room for the new one.
        try db.run("DELETE FROM idempotency_keys WHERE created_at < ?", .text(idempotencyCutoff()))
        try db.run("""
            INSERT INTO idempotency_keys (token_name, key, request_hash, response_status, response_body, project_id, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, .text(key.tokenName), .text(key.key), .text(key.requestHash), SQLiteValue(status), .blob(body),
            SQLiteValue(projectID), .text(now))
    }

    static func idempotencyCutoff() -> String {
        let now = Date().timeIntervalSince1970
        return Timestamp.format(seconds: Int(now) - idempotencyLifetimeSeconds, milliseconds: Int(now.truncatingRemainder(dividingBy: 1) * 1000))
    }

    // One encoder and decoder, configured once; neither is mutated after creation.
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
    static let decoder = JSONDecoder()

    /// Runs `body`, turning whatever it throws into a `ProjectStoreError`.
    private func run<T>(_ body: () throws -> T) throws(ProjectStoreError) -> T {
        do {
            return try body()
        } catch let error as ProjectStoreError {
            throw error
        } catch let error as SQLiteError {
            throw .database(error)
        } catch let error as KeysetCursorError {
            // The API reads cursors for the right order before it calls in; this is a bug.
            throw .unexpected(error.description)
        } catch {
            throw .unexpected(String(describing: error))
        }
    }
}

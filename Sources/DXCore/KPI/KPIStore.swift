import Foundation

/// KPIs and their measurements. Every write runs in one IMMEDIATE transaction on the pool's
/// single writer together with its row of the project's history (action `update`, changes
/// named as `KPIHistory` says) and, when the project's first KPI changed, the rewrite of the
/// project's old `kpi` summary (`ProjectKPI.legacySummary`), which bumps the project's version
/// so its ETag changes with what it shows.
///
/// A KPI belongs to a live project: an unknown project is `.project(.notFound)`, an archived
/// one `.project(.archived)`, for reads and writes alike (as `GET /projects/{id}`).
/// `today` (the city's date, UTC+9) is what `achievement` and `on_track` are computed for.
public struct KPIStore: Sendable {
    public let pool: DatabasePool

    public init(pool: DatabasePool) { self.pool = pool }

    // MARK: Reading

    public static let kpiOrder = KeysetOrder(name: "id", columns: [KeysetOrder.Column("k.id", .integer)])
    public static let measurementOrder = KeysetOrder(
        name: "date", columns: [KeysetOrder.Column("m.date", .text), KeysetOrder.Column("m.id", .integer)])

    /// One page of a project's KPIs, by id.
    public func kpisPage(projectID: Int, page: PageRequest, today: CalendarDate = .todayInJapan()) throws(KPIStoreError) -> KeysetPage<ProjectKPI> {
        try run {
            try pool.read { db in
                _ = try ProjectStore.loadLive(id: projectID, db)
                return try Self.kpiKeyset(projectID: projectID).page(page, in: db, row: Self.kpiRow(today))
            }
        }
    }

    /// Rows without the total, each call its own read transaction (a streamed CSV export).
    public func kpisChunk(projectID: Int, page: PageRequest, today: CalendarDate = .todayInJapan()) throws(KPIStoreError) -> KeysetPage<ProjectKPI> {
        try run {
            try pool.read { db in
                _ = try ProjectStore.loadLive(id: projectID, db)
                return try Self.kpiKeyset(projectID: projectID).rows(page, in: db, row: Self.kpiRow(today), total: 0)
            }
        }
    }

    public func kpi(projectID: Int, kpiID: Int, today: CalendarDate = .todayInJapan()) throws(KPIStoreError) -> ProjectKPI {
        try run { try pool.read { db in try Self.loadKPI(projectID: projectID, kpiID: kpiID, today: today, db) } }
    }

    /// One page of a KPI's measurements, by date then id (oldest first).
    public func measurementsPage(projectID: Int, kpiID: Int, page: PageRequest) throws(KPIStoreError) -> KeysetPage<KPIMeasurement> {
        try run {
            try pool.read { db in
                _ = try Self.loadKPI(projectID: projectID, kpiID: kpiID, today: .todayInJapan(), db)
                return try Self.measurementKeyset(kpiID: kpiID).page(page, in: db, row: Self.measurementRow)
            }
        }
    }

    public func measurementsChunk(projectID: Int, kpiID: Int, page: PageRequest) throws(KPIStoreError) -> KeysetPage<KPIMeasurement> {
        try run {
            try pool.read { db in
                _ = try Self.loadKPI(projectID: projectID, kpiID: kpiID, today: .todayInJapan(), db)
                return try Self.measurementKeyset(kpiID: kpiID).rows(page, in: db, row: Self.measurementRow, total: 0)
            }
        }
    }

    /// A KPI with every measurement, oldest first, from one snapshot (what a chart draws).
    public func series(projectID: Int, kpiID: Int, today: CalendarDate = .todayInJapan()) throws(KPIStoreError) -> (kpi: ProjectKPI, measurements: [KPIMeasurement]) {
        try run {
            try pool.read { db in
                let kpi = try Self.loadKPI(projectID: projectID, kpiID: kpiID, today: today, db)
                return (kpi, try Self.measurementKeyset(kpiID: kpiID).rows(PageRequest(limit: nil), in: db, row: Self.measurementRow, total: 0).items)
            }
        }
    }

    // MARK: Writing

    /// Creates a KPI. With `idempotency`, a request seen before within a day gets the stored
    /// answer instead, and `render` (which makes the answer's body) is stored with the key.
    public func create(
        projectID: Int, _ patch: KPIFieldsPatch, actor: String, idempotency: ProjectStore.IdempotencyKey? = nil,
        today: CalendarDate = .todayInJapan(), render: (ProjectKPI) throws -> [UInt8] = { _ in [] }
    ) throws(KPIStoreError) -> KPICreateOutcome<ProjectKPI> {
        try run {
            try pool.write { db in
                let now = Timestamp.now()
                _ = try ProjectStore.loadLive(id: projectID, db)
                if let idempotency, let stored = try ProjectStore.storedResponse(for: idempotency, db) { return .replayed(stored) }
                let fields = try Self.validated(patch, base: nil)
                let kpiID = try Self.insertKPI(projectID: projectID, fields, at: now, db)
                var changes = KPIHistory.changes(from: nil, to: fields, kpiID: kpiID)
                changes.merge(try Self.syncSummary(projectID: projectID, at: now, bump: true, db)) { $1 }
                try ProjectStore.appendHistory(projectID: projectID, at: now, actor: actor, action: .update, changes: changes,
                                               note: Self.historyNote(patch.note), db)
                let kpi = try Self.loadKPI(projectID: projectID, kpiID: kpiID, today: today, db)
                let body = try render(kpi)
                if let idempotency { try ProjectStore.remember(idempotency, status: 201, body: body, projectID: projectID, at: now, db) }
                return .created(kpi, body: body)
            }
        }
    }

    /// Applies a merge patch; `precondition` is checked against the KPI inside the write
    /// transaction (`.preconditionFailed` writes nothing). A patch that changes nothing writes nothing.
    public func update(
        projectID: Int, kpiID: Int, _ patch: KPIFieldsPatch, actor: String, today: CalendarDate = .todayInJapan(),
        precondition: ((ProjectKPI) -> Bool)? = nil
    ) throws(KPIStoreError) -> ProjectKPI {
        try run {
            try pool.write { db in
                let current = try Self.loadKPI(projectID: projectID, kpiID: kpiID, today: today, db)
                if let precondition, !precondition(current) {
                    throw KPIStoreError.preconditionFailed(etag: current.entityTag, modifiedAt: current.updatedAt)
                }
                let fields = try Self.validated(patch, base: current.fields)
                if fields == current.fields { return current }
                let now = max(Timestamp.now(), current.updatedAt)
                try db.run("""
                    UPDATE kpis SET name = ?, unit = ?, direction = ?, baseline_value = ?, baseline_date = ?, targets = ?, note = ?,
                        version = version + 1, updated_at = ?
                    WHERE id = ? AND version = ?
                    """, arguments: try Self.columnValues(fields) + [.text(now), SQLiteValue(kpiID), SQLiteValue(current.version)])
                var changes = KPIHistory.changes(from: current.fields, to: fields, kpiID: kpiID)
                changes.merge(try Self.syncSummary(projectID: projectID, at: now, bump: true, db)) { $1 }
                try ProjectStore.appendHistory(projectID: projectID, at: now, actor: actor, action: .update, changes: changes,
                                               note: Self.historyNote(patch.note), db)
                return try Self.loadKPI(projectID: projectID, kpiID: kpiID, today: today, db)
            }
        }
    }

    /// Deletes a KPI and its measurements; the history row keeps every value they had.
    public func delete(
        projectID: Int, kpiID: Int, actor: String, note: String? = nil, precondition: ((ProjectKPI) -> Bool)? = nil
    ) throws(KPIStoreError) {
        try Self.checkNote(note)
        try run {
            try pool.write { db in
                let current = try Self.loadKPI(projectID: projectID, kpiID: kpiID, today: .todayInJapan(), db)
                if let precondition, !precondition(current) {
                    throw KPIStoreError.preconditionFailed(etag: current.entityTag, modifiedAt: current.updatedAt)
                }
                let now = max(Timestamp.now(), current.updatedAt)
                var changes = KPIHistory.changes(from: current.fields, to: nil, kpiID: kpiID)
                for m in try Self.measurementKeyset(kpiID: kpiID).rows(PageRequest(limit: nil), in: db, row: Self.measurementRow, total: 0).items {
                    changes.merge(KPIHistory.measurement(m, created: false)) { $1 }
                }
                try db.run("DELETE FROM kpis WHERE id = ?", SQLiteValue(kpiID))
                changes.merge(try Self.syncSummary(projectID: projectID, at: now, bump: true, db)) { $1 }
                try ProjectStore.appendHistory(projectID: projectID, at: now, actor: actor, action: .update, changes: changes, note: note, db)
            }
        }
    }

    /// Records a measurement (`recorded_by` = `actor`, `recorded_at` now).
    public func addMeasurement(
        projectID: Int, kpiID: Int, _ input: MeasurementInput, actor: String, idempotency: ProjectStore.IdempotencyKey? = nil,
        render: (KPIMeasurement) throws -> [UInt8] = { _ in [] }
    ) throws(KPIStoreError) -> KPICreateOutcome<KPIMeasurement> {
        try run {
            try pool.write { db in
                let now = Timestamp.now()
                _ = try Self.loadKPI(projectID: projectID, kpiID: kpiID, today: .todayInJapan(), db)
                if let idempotency, let stored = try ProjectStore.storedResponse(for: idempotency, db) { return .replayed(stored) }
                let valid: (date: String, value: Double, note: String)
                switch KPIValidator.measurement(input) {
                case .success(let value): valid = value
                case .failure(let failure): throw KPIStoreError.invalid(failure.issues)
                }
                let m = try Self.insertMeasurement(projectID: projectID, kpiID: kpiID, date: valid.date, value: valid.value, note: valid.note,
                                                   recordedBy: actor, recordedAt: now, db)
                try Self.bumpVersion(kpiID: kpiID, at: now, db)
                var changes = KPIHistory.measurement(m, created: true)
                changes.merge(try Self.syncSummary(projectID: projectID, at: now, bump: true, db)) { $1 }
                try ProjectStore.appendHistory(projectID: projectID, at: now, actor: actor, action: .update, changes: changes,
                                               note: valid.note.isEmpty ? nil : valid.note, db)
                let body = try render(m)
                if let idempotency { try ProjectStore.remember(idempotency, status: 201, body: body, projectID: projectID, at: now, db) }
                return .created(m, body: body)
            }
        }
    }

    /// Deletes a measurement (a correction); the history row keeps its date, value and note.
    public func deleteMeasurement(
        projectID: Int, kpiID: Int, measurementID: Int, actor: String, note: String? = nil,
        precondition: ((KPIMeasurement) -> Bool)? = nil
    ) throws(KPIStoreError) {
        try Self.checkNote(note)
        try run {
            try pool.write { db in
                _ = try Self.loadKPI(projectID: projectID, kpiID: kpiID, today: .todayInJapan(), db)
                let found = try db.rows(
                    "SELECT \(Self.measurementColumns) FROM \(Self.measurementFrom) WHERE m.kpi_id = ? AND m.id = ?",
                    [SQLiteValue(kpiID), SQLiteValue(measurementID)], Self.measurementRow)
                guard let m = found.first else { throw KPIStoreError.measurementNotFound(kpiID: kpiID, measurementID: measurementID) }
                if let precondition, !precondition(m) { throw KPIStoreError.preconditionFailed(etag: m.entityTag, modifiedAt: m.recordedAt) }
                let now = Timestamp.now()
                try db.run("DELETE FROM kpi_measurements WHERE id = ?", SQLiteValue(measurementID))
                try Self.bumpVersion(kpiID: kpiID, at: now, db)
                var changes = KPIHistory.measurement(m, created: false)
                changes.merge(try Self.syncSummary(projectID: projectID, at: now, bump: true, db)) { $1 }
                try ProjectStore.appendHistory(projectID: projectID, at: now, actor: actor, action: .update, changes: changes, note: note, db)
            }
        }
    }

    // MARK: Helpers (inside a transaction)

    static let kpiColumns = """
        k.id, k.project_id, k.name, k.unit, k.direction, k.baseline_value, k.baseline_date, k.targets, k.note, k.version,
               k.created_at, k.updated_at,
               (SELECT m.value FROM kpi_measurements m WHERE m.kpi_id = k.id ORDER BY m.date DESC, m.id DESC LIMIT 1),
               (SELECT m.date FROM kpi_measurements m WHERE m.kpi_id = k.id ORDER BY m.date DESC, m.id DESC LIMIT 1)
        """

    static func kpiKeyset(projectID: Int) -> KeysetQuery {
        KeysetQuery(columns: kpiColumns, from: "kpis k", conditions: [SQLFragment("k.project_id = ?", [SQLiteValue(projectID)])], order: kpiOrder)
    }

    static func kpiRow(_ today: CalendarDate) -> (Statement) throws -> ProjectKPI {
        { row in
            let targets = try ProjectStore.decoder.decode([KPITarget].self, from: Data(row.string(at: 7).utf8))
            let baseline = row.optionalDouble(at: 5).flatMap { value in row.optionalString(at: 6).map { KPIBaseline(value: value, date: $0) } }
            let fields = KPIFields(name: row.string(at: 2), unit: row.string(at: 3), direction: KPIDirection(rawValue: row.string(at: 4)) ?? .increase,
                                   baseline: baseline, targets: targets, note: row.string(at: 8))
            let latest = row.optionalDouble(at: 12).flatMap { value in row.optionalString(at: 13).map { ProjectKPI.Latest(value: value, date: $0) } }
            return ProjectKPI(id: row.int(at: 0), projectID: row.int(at: 1), fields: fields, latest: latest, today: today,
                              version: row.int(at: 9), createdAt: row.string(at: 10), updatedAt: row.string(at: 11))
        }
    }

    static let measurementColumns = "m.id, m.kpi_id, k.project_id, m.date, m.value, m.note, m.recorded_by, m.recorded_at"
    static let measurementFrom = "kpi_measurements m JOIN kpis k ON k.id = m.kpi_id"

    static func measurementKeyset(kpiID: Int) -> KeysetQuery {
        KeysetQuery(columns: measurementColumns, from: measurementFrom, conditions: [SQLFragment("m.kpi_id = ?", [SQLiteValue(kpiID)])],
                    order: measurementOrder, countFrom: "kpi_measurements m")
    }

    static func measurementRow(_ row: Statement) throws -> KPIMeasurement {
        KPIMeasurement(id: row.int(at: 0), kpiID: row.int(at: 1), projectID: row.int(at: 2), date: row.string(at: 3), value: row.double(at: 4),
                       note: row.string(at: 5), recordedBy: row.string(at: 6), recordedAt: row.string(at: 7))
    }

    /// The KPI of a live project, or the reason there is none.
    static func loadKPI(projectID: Int, kpiID: Int, today: CalendarDate, _ db: Database) throws -> ProjectKPI {
        _ = try ProjectStore.loadLive(id: projectID, db)
        let found = try db.rows("SELECT \(kpiColumns) FROM kpis k WHERE k.id = ? AND k.project_id = ?",
                                [SQLiteValue(kpiID), SQLiteValue(projectID)], kpiRow(today))
        guard let kpi = found.first else { throw KPIStoreError.kpiNotFound(projectID: projectID, kpiID: kpiID) }
        return kpi
    }

    static func validated(_ patch: KPIFieldsPatch, base: KPIFields?) throws -> KPIFields {
        switch KPIValidator.apply(patch, to: base) {
        case .success(let fields): return fields
        case .failure(let failure): throw KPIStoreError.invalid(failure.issues)
        }
    }

    static func checkNote(_ note: String?) throws(KPIStoreError) {
        if let note {
            let issues = ProjectValidator.noteIssues(note)
            if !issues.isEmpty { throw .invalid(issues) }
        }
    }

    static func historyNote(_ note: PatchValue<String>) -> String? {
        if case .set(let text) = note, !text.isEmpty { return text }
        return nil
    }

    static func columnValues(_ fields: KPIFields) throws -> [SQLiteValue] {
        [
            .text(fields.name), .text(fields.unit), .text(fields.direction.rawValue),
            fields.baseline.map { .real($0.value) } ?? .null, fields.baseline.map { .text($0.date) } ?? .null,
            .text(String(decoding: try ProjectStore.encoder.encode(fields.targets), as: UTF8.self)), .text(fields.note),
        ]
    }

    static func insertKPI(projectID: Int, _ fields: KPIFields, at now: String, _ db: Database) throws -> Int {
        try db.run("""
            INSERT INTO kpis (project_id, name, unit, direction, baseline_value, baseline_date, targets, note, version, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
            """, arguments: [SQLiteValue(projectID)] + (try columnValues(fields)) + [.text(now), .text(now)])
        return Int(db.lastInsertRowID)
    }

    static func insertMeasurement(
        projectID: Int, kpiID: Int, date: String, value: Double, note: String, recordedBy: String, recordedAt: String, _ db: Database
    ) throws -> KPIMeasurement {
        try db.run("INSERT INTO kpi_measurements (kpi_id, date, value, note, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)",
                   SQLiteValue(kpiID), .text(date), .real(value), .text(note), .text(recordedBy), .text(recordedAt))
        return KPIMeasurement(id: Int(db.lastInsertRowID), kpiID: kpiID, projectID: projectID, date: date, value: value, note: note,
                              recordedBy: recordedBy, recordedAt: recordedAt)
    }

    static func bumpVersion(kpiID: Int, at now: String, _ db: Database) throws {
        try db.run("UPDATE kpis SET version = version + 1, updated_at = max(updated_at, ?) WHERE id = ?", .text(now), SQLiteValue(kpiID))
    }

    /// The project's first KPI (lowest id), if any.
    static func firstKPI(projectID: Int, _ db: Database) throws -> ProjectKPI? {
        try db.rows("SELECT \(kpiColumns) FROM kpis k WHERE k.project_id = ? ORDER BY k.id LIMIT 1", [SQLiteValue(projectID)],
                    kpiRow(.todayInJapan())).first
    }

    /// Rewrites `projects.kpi` as the summary of the first KPI when it differs, and returns the
    /// history change (`kpi`), or nothing. `bump`: also a new project version and `updated_at`
    /// (a KPI write; a project write has bumped them already).
    static func syncSummary(projectID: Int, at now: String, bump: Bool, _ db: Database) throws -> [String: FieldChange] {
        guard let project = try ProjectStore.load(id: projectID, db) else { throw ProjectStoreError.notFound(id: projectID) }
        let summary = try firstKPI(projectID: projectID, db)?.legacySummary(endFiscalYear: project.fields.endFiscalYear)
        if summary == project.fields.kpi { return [:] }
        let encoded: SQLiteValue = try summary.map { .text(String(decoding: try ProjectStore.encoder.encode($0), as: UTF8.self)) } ?? .null
        if bump {
            try db.run("UPDATE projects SET kpi = ?, version = version + 1, updated_at = ? WHERE id = ?",
                       encoded, .text(max(now, project.updatedAt)), SQLiteValue(projectID))
        } else {
            try db.run("UPDATE projects SET kpi = ? WHERE id = ?", encoded, SQLiteValue(projectID))
        }
        return ["kpi": FieldChange(old: project.fields.kpi.map(HistoryValue.kpi) ?? .null, new: summary.map(HistoryValue.kpi) ?? .null)]
    }

    /// Runs `body`, turning whatever it throws into a `KPIStoreError`.
    func run<T>(_ body: () throws -> T) throws(KPIStoreError) -> T {
        do {
            return try body()
        } catch let error as KPIStoreError {
            throw error
        } catch let error as ProjectStoreError {
            throw .project(error)
        } catch let error as SQLiteError {
            throw .database(error)
        } catch let error as KeysetCursorError {
            throw .unexpected(error.description)
        } catch {
            throw .unexpected(String(describing: error))
        }
    }
}

/// What a create answers: the new resource and the body stored with its idempotency key, or
/// the stored answer of the first request with that key.
public enum KPICreateOutcome<T: Sendable & Equatable>: Sendable, Equatable {
    case created(T, body: [UInt8])
    case replayed(ProjectStore.StoredResponse)
}

extension ProjectKPI {
    /// Strong, from the version (which every write to the KPI or its measurements bumps) and
    /// the day the computed fields are for, since `on_track` may change overnight.
    public var entityTag: String { "\"k\(id)-v\(version)-\(asOf.iso)\"" }
}

extension KPIMeasurement {
    /// A measurement never changes (a correction deletes it and records another), so its id names one state.
    public var entityTag: String { "\"m\(id)\"" }
}

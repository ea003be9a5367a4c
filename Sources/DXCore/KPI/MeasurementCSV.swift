import Foundation

/// The spreadsheet form of measurements for `dxserve import measurements`: the columns of the
/// measurements CSV export (`…/measurements.csv`), so an export imports back as it was.
/// `kpi_id`, `date`, `value` are required; `project_id` (checked against the KPI's project),
/// `note`, `recorded_by`, `recorded_at` (kept when given, else the importer's `--as` and now)
/// are optional; `id` is accepted and ignored (ids are assigned anew).
public enum MeasurementCSV {
    public static let requiredColumns = ["kpi_id", "date", "value"]
    public static let optionalColumns = ["id", "project_id", "note", "recorded_by", "recorded_at"]

    public struct Row: Sendable, Equatable {
        public var line: Int
        public var kpiID: Int?
        public var projectID: Int?
        public var input: MeasurementInput
        public var recordedBy: String?
        public var recordedAt: String?
    }

    public static func rows(from records: [CSVRecord]) -> (rows: [Row], issues: [ImportIssue]) {
        let (names, headerIssues) = ImportHeader.check(records, required: requiredColumns, optional: optionalColumns)
        if !headerIssues.isEmpty { return ([], headerIssues) }
        var issues: [ImportIssue] = []
        var rows: [Row] = []
        for record in records.dropFirst() {
            guard record.fields.count == names.count else {
                issues.append(ImportIssue(line: record.line, field: "row", message: "has \(record.fields.count) fields; the header has \(names.count)"))
                continue
            }
            let cells = Dictionary(uniqueKeysWithValues: zip(names, record.fields))
            var rowIssues: [FieldIssue] = []
            for name in names {
                if let problem = ControlCharacters.problem(in: cells[name] ?? "", lines: name == "note" ? .multi : .single) {
                    rowIssues.append(FieldIssue(field: name, message: problem))
                }
            }
            func integer(_ name: String) -> Int? {
                guard let value = ImportCell.integer(cells[name], name, &rowIssues) else { return nil }
                guard value > 0 else {
                    rowIssues.append(FieldIssue(field: name, message: "must be a positive integer"))
                    return nil
                }
                return value
            }
            let kpiID = integer("kpi_id")
            let projectID = integer("project_id")
            if kpiID == nil && !rowIssues.contains(where: { $0.field == "kpi_id" }) { rowIssues.append(FieldIssue(field: "kpi_id", message: "is required")) }
            var input = MeasurementInput()
            if let date = cells["date"]?.trimmingCharacters(in: .whitespaces), !date.isEmpty { input.date = date }
            input.value = ImportCell.number(cells["value"], "value", &rowIssues)
            if let note = cells["note"], !note.isEmpty { input.note = note }
            input.issues = rowIssues.filter { ["date", "value", "note"].contains($0.field) }
            let recordedBy = cells["recorded_by"].flatMap { $0.isEmpty ? nil : $0 }
            if let recordedBy, !TokenStore.isValidName(recordedBy) {
                rowIssues.append(FieldIssue(field: "recorded_by", message: "must be 1–64 of A-Z a-z 0-9 . _ -"))
            }
            let recordedAt = cells["recorded_at"].flatMap { $0.isEmpty ? nil : $0 }
            if let recordedAt, RFC3339Instant(recordedAt) == nil || !recordedAt.hasSuffix("Z") {
                rowIssues.append(FieldIssue(field: "recorded_at", message: "must be a UTC timestamp like 2023-04-30T01:02:03.000Z"))
            }
            issues += rowIssues.filter { !["date", "value", "note"].contains($0.field) }.map { ImportIssue(line: record.line, field: $0.field, message: $0.message) }
            rows.append(Row(line: record.line, kpiID: kpiID, projectID: projectID, input: input, recordedBy: recordedBy, recordedAt: recordedAt))
        }
        return (rows, issues)
    }
}

extension KPIStore {
    /// Records every row's measurement, or none: any bad row fails the whole import with every
    /// problem of every row. Each row is a history row of its project. `dryRun` validates only.
    /// `progress` is called with the number of rows written so far (as the budget and project
    /// imports do, for `ImportProgress`).
    public func importMeasurements(
        _ rows: [MeasurementCSV.Row], actor: String, note: String? = nil, dryRun: Bool, progress: ((Int) -> Void)? = nil
    ) throws(KPIStoreError) -> Int {
        let work: (Database) throws -> Int = { db in
            var problems: [ImportIssue] = []
            var valid: [(row: MeasurementCSV.Row, projectID: Int, kpiID: Int, date: String, value: Double, note: String)] = []
            for row in rows {
                var projectID: Int?
                if let kpiID = row.kpiID {
                    projectID = try db.rows("SELECT k.project_id FROM kpis k JOIN projects p ON p.id = k.project_id AND p.archived_at IS NULL WHERE k.id = ?",
                                            [SQLiteValue(kpiID)]) { $0.int(at: 0) }.first
                    if projectID == nil { problems.append(ImportIssue(line: row.line, field: "kpi_id", message: "there is no KPI \(kpiID) of a live project")) }
                    if let given = row.projectID, let projectID, given != projectID {
                        problems.append(ImportIssue(line: row.line, field: "project_id", message: "KPI \(kpiID) belongs to project \(projectID)"))
                    }
                }
                switch KPIValidator.measurement(row.input) {
                case .success(let m):
                    if let projectID, let kpiID = row.kpiID { valid.append((row, projectID, kpiID, m.date, m.value, m.note)) }
                case .failure(let failure): problems += failure.issues.map { ImportIssue(line: row.line, field: $0.field, message: $0.message) }
                }
            }
            if !problems.isEmpty { throw KPIStoreError.importRejected(problems) }
            if dryRun { return rows.count }
            let now = Timestamp.now()
            for (index, item) in valid.enumerated() {
                let m = try Self.insertMeasurement(projectID: item.projectID, kpiID: item.kpiID, date: item.date, value: item.value, note: item.note,
                                                   recordedBy: item.row.recordedBy ?? actor, recordedAt: item.row.recordedAt ?? now, db)
                try Self.bumpVersion(kpiID: item.kpiID, at: now, db)
                var changes = KPIHistory.measurement(m, created: true)
                changes.merge(try Self.syncSummary(projectID: item.projectID, at: now, bump: true, db)) { $1 }
                try ProjectStore.appendHistory(projectID: item.projectID, at: now, actor: actor, action: .update, changes: changes, note: note, db)
                progress?(index + 1)
            }
            return rows.count
        }
        return try run { dryRun ? try pool.read(work) : try pool.write(work) }
    }
}

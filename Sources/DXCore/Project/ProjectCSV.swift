import Foundation

/// The spreadsheet form of projects for `dxserve import projects`: a header row naming the
/// columns (in any order), then one project per row.
public enum ProjectCSV {
    public static let requiredColumns = ["measure_code", "title", "department", "start_fiscal_year", "end_fiscal_year"]
    public static let optionalColumns = ["description", "status", "progress", "kpi_name", "kpi_unit", "kpi_target", "kpi_actual", "note"]

    /// The columns that may hold TAB, LF and CR (in a quoted cell); every other column is one line.
    public static let multiLineColumns: Set<String> = ["description", "note"]

    /// One patch per data row, or every problem with the header and the cells that could
    /// not be read (value checks come later, from the store's validation).
    public static func rows(from records: [CSVRecord]) -> (rows: [ProjectStore.ImportRow], issues: [ImportIssue]) {
        let (names, headerIssues) = ImportHeader.check(records, required: requiredColumns, optional: optionalColumns)
        if !headerIssues.isEmpty { return ([], headerIssues) }
        var issues: [ImportIssue] = []

        var rows: [ProjectStore.ImportRow] = []
        for record in records.dropFirst() {
            guard record.fields.count == names.count else {
                issues.append(ImportIssue(line: record.line, field: "row",
                                          message: "has \(record.fields.count) fields; the header has \(names.count)"))
                continue
            }
            var cells = Dictionary(uniqueKeysWithValues: zip(names, record.fields))
            var rowIssues: [FieldIssue] = []
            // Every cell is checked for control characters before it is read, so none reaches
            // a message or the database; a refused cell is then treated as absent (its issue
            // keeps it from being reported a second time as missing).
            for name in names {
                guard let cell = cells[name] else { continue }
                let lines: ControlCharacters.Lines = multiLineColumns.contains(name) ? .multi : .single
                if let problem = ControlCharacters.problem(in: cell, lines: lines) {
                    rowIssues.append(FieldIssue(field: name.replacingOccurrences(of: "kpi_", with: "kpi."), message: problem))
                    cells[name] = ""
                }
            }
            var patch = ProjectPatch()
            patch.measureCode = text(cells["measure_code"], trimmed: true)
            patch.title = text(cells["title"])
            patch.description = text(cells["description"])
            patch.department = text(cells["department"])
            patch.status = text(cells["status"], trimmed: true)
            patch.progress = integer(cells["progress"], "progress", &rowIssues)
            patch.startFiscalYear = integer(cells["start_fiscal_year"], "start_fiscal_year", &rowIssues)
            patch.endFiscalYear = integer(cells["end_fiscal_year"], "end_fiscal_year", &rowIssues)
            let kpiCells = ["kpi_name", "kpi_unit", "kpi_target", "kpi_actual"].compactMap { cells[$0] }
            if kpiCells.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                patch.kpi = .set(KPIPatch(
                    name: text(cells["kpi_name"]), unit: text(cells["kpi_unit"]),
                    target: number(cells["kpi_target"], "kpi.target", &rowIssues), actual: number(cells["kpi_actual"], "kpi.actual", &rowIssues)))
            }
            if let note = cells["note"], !note.isEmpty { patch.note = note }
            patch.issues = rowIssues
            rows.append(ProjectStore.ImportRow(line: record.line, patch: patch))
        }
        return (rows, issues)
    }

    /// An empty cell is an absent value: the default, or "is required" for a required column.
    static func text(_ cell: String?, trimmed: Bool = false) -> PatchValue<String> {
        guard let cell else { return .absent }
        let value = trimmed ? cell.trimmingCharacters(in: .whitespaces) : cell
        return value.isEmpty ? .absent : .set(value)
    }

    static func integer(_ cell: String?, _ field: String, _ issues: inout [FieldIssue]) -> PatchValue<Int> {
        ImportCell.integer(cell, field, &issues).map(PatchValue.set) ?? .absent
    }

    static func number(_ cell: String?, _ field: String, _ issues: inout [FieldIssue]) -> PatchValue<Double> {
        ImportCell.number(cell, field, &issues).map(PatchValue.set) ?? .absent
    }
}

import Foundation

/// The spreadsheet form of budgets for `dxserve import budget`: a header row naming the
/// columns (in any order), then one project and fiscal year per row. It is the CSV that
/// `GET /api/v1/projects/{id}/budget.csv` exports, so the read-only columns of that export
/// are accepted and ignored.
public enum BudgetCSV {
    public static let requiredColumns = ["project_id", "fiscal_year", "planned_yen"]
    public static let optionalColumns = ["actual_yen", "note"]
    public static let ignoredColumns = ["fiscal_year_label", "version", "created_at", "updated_at"]

    /// One row per data record, or every problem with the header and the cells that could not
    /// be read (range checks come later, from the store).
    public static func rows(from records: [CSVRecord]) -> (rows: [BudgetStore.ImportRow], issues: [ImportIssue]) {
        let (names, headerIssues) = ImportHeader.check(records, required: requiredColumns, optional: optionalColumns, ignored: ignoredColumns)
        if !headerIssues.isEmpty { return ([], headerIssues) }
        var issues: [ImportIssue] = []

        var rows: [BudgetStore.ImportRow] = []
        for record in records.dropFirst() {
            guard record.fields.count == names.count else {
                issues.append(ImportIssue(line: record.line, field: "row", message: "has \(record.fields.count) fields; the header has \(names.count)"))
                continue
            }
            let cells = Dictionary(uniqueKeysWithValues: zip(names, record.fields))
            var rowIssues: [FieldIssue] = []
            var draft = BudgetDraft()
            let projectID = ImportCell.integer(cells["project_id"], "project_id", &rowIssues)
            let year = ImportCell.integer(cells["fiscal_year"], "fiscal_year", &rowIssues)
            draft.plannedYen = yen(cells["planned_yen"], "planned_yen", &rowIssues)
            draft.actualYen = yen(cells["actual_yen"], "actual_yen", &rowIssues)
            if let note = cells["note"], !note.isEmpty {
                if let problem = ControlCharacters.problem(in: note, lines: .multi) {
                    rowIssues.append(FieldIssue(field: "note", message: problem))
                } else {
                    draft.note = note
                }
            }
            draft.issues = rowIssues
            rows.append(BudgetStore.ImportRow(line: record.line, projectID: projectID, fiscalYear: year, draft: draft))
        }
        return (rows, issues)
    }

    /// Yen are whole, written in digits without separators, at most 15 of them (`ImportCell`).
    static func yen(_ cell: String?, _ field: String, _ issues: inout [FieldIssue]) -> Int? {
        ImportCell.integer(cell, field, maxDigits: 15, &issues)
    }
}

import DXCore

extension BudgetEntry {
    /// Strong, from the version every change bumps.
    public var entityTag: String { "\"b\(projectID)-\(fiscalYear)-v\(version)\"" }
    public var location: String { "/api/v1/projects/\(projectID)/budget/\(fiscalYear)" }
    public var modifiedAt: Int? { RFC3339Instant(updatedAt)?.epochMilliseconds }
}

extension BudgetEntry: CSVRepresentable {
    /// Also the columns `dxserve import budget` reads (it ignores the read-only ones), so an
    /// export imports as it is.
    public static let csvHeader = [
        "project_id", "fiscal_year", "fiscal_year_label", "planned_yen", "actual_yen", "note", "version", "created_at", "updated_at",
    ]
    public static let csvJapaneseLabels = [
        "project_id": "事業ID", "fiscal_year": "年度", "fiscal_year_label": "年度（和暦）", "planned_yen": "予算額（円）",
        "actual_yen": "決算額（円）", "note": "備考", "version": "版", "created_at": "登録日時", "updated_at": "更新日時",
    ]
    public static let csvNumberColumns: Set<String> = ["project_id", "fiscal_year", "planned_yen", "actual_yen", "version"]

    public var csvRow: [String] {
        [String(projectID), String(fiscalYear), EvaluationPeriod.eraLabel(fiscalYear), String(plannedYen), actualYen.map(String.init) ?? "",
         note, String(version), createdAt, updatedAt]
    }
}

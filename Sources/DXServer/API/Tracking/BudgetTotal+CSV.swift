import DXCore

extension BudgetTotal: CSVRepresentable {
    public static let csvHeader = [
        "fiscal_year", "fiscal_year_label", "level", "policy_id", "measure_code", "title", "planned_yen", "actual_yen", "project_count",
        "settled_count",
    ]
    public static let csvJapaneseLabels = [
        "fiscal_year": "年度", "fiscal_year_label": "年度（和暦）", "level": "集計単位", "policy_id": "基本方針", "measure_code": "施策コード",
        "title": "名称", "planned_yen": "予算額（円）", "actual_yen": "決算額（円）", "project_count": "予算計上事業数", "settled_count": "決算済事業数",
    ]
    public static let csvNumberColumns: Set<String> = ["fiscal_year", "policy_id", "planned_yen", "actual_yen", "project_count", "settled_count"]

    public var csvRow: [String] {
        [String(fiscalYear), EvaluationPeriod.eraLabel(fiscalYear), level.rawValue, String(policyID), measureCode ?? "", title,
         String(plannedYen), actualYen.map(String.init) ?? "", String(projectCount), String(settledCount)]
    }
}

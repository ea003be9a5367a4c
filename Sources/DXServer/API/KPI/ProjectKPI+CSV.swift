import DXCore

extension ProjectKPI: CSVRepresentable {
    public static let csvHeader = [
        "id", "project_id", "name", "unit", "direction", "baseline_value", "baseline_date", "targets", "note", "latest_value", "latest_date",
        "achievement", "on_track", "achievement_fiscal_year", "version", "created_at", "updated_at",
    ]
    public static let csvJapaneseLabels = [
        "id": "KPI ID", "project_id": "事業ID", "name": "KPI名", "unit": "単位", "direction": "方向", "baseline_value": "基準値",
        "baseline_date": "基準日", "targets": "目標値", "note": "備考", "latest_value": "最新実績値", "latest_date": "最新実績日",
        "achievement": "達成率", "on_track": "順調", "achievement_fiscal_year": "達成率の対象年度", "version": "版",
        "created_at": "登録日時", "updated_at": "更新日時",
    ]
    public static let csvNumberColumns: Set<String> = [
        "id", "project_id", "baseline_value", "latest_value", "achievement", "achievement_fiscal_year", "version",
    ]

    /// `targets` as `2023:90; 2024:95` (fiscal year, colon, value), one cell for a spreadsheet.
    public var csvRow: [String] {
        [
            String(id), String(projectID), fields.name, fields.unit, fields.direction.rawValue,
            fields.baseline.map { Project.csvNumber($0.value) } ?? "", fields.baseline?.date ?? "",
            fields.targets.map { "\($0.fiscalYear):\(Project.csvNumber($0.value))" }.joined(separator: "; "), fields.note,
            latest.map { Project.csvNumber($0.value) } ?? "", latest?.date ?? "",
            Self.rounded(assessment.achievement).map(CSVNumber.format) ?? "", assessment.onTrack.map { $0 ? "true" : "false" } ?? "",
            assessment.referenceFiscalYear.map(String.init) ?? "", String(version), createdAt, updatedAt,
        ]
    }
}

extension KPIMeasurement: CSVRepresentable {
    public static let csvHeader = ["id", "project_id", "kpi_id", "date", "value", "note", "recorded_by", "recorded_at"]
    public static let csvJapaneseLabels = [
        "id": "実績ID", "project_id": "事業ID", "kpi_id": "KPI ID", "date": "日付", "value": "実績値", "note": "備考",
        "recorded_by": "記録者", "recorded_at": "記録日時",
    ]
    public static let csvNumberColumns: Set<String> = ["id", "project_id", "kpi_id", "value"]

    public var csvRow: [String] {
        [String(id), String(projectID), String(kpiID), date, Project.csvNumber(value), note, recordedBy, recordedAt]
    }
}

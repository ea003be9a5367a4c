import DXCore

extension Project {
    /// Strong, from the version every write bumps: cheap to compare inside the write
    /// transaction, and it changes exactly when the project does.
    public var entityTag: String { Self.entityTag(id: id, version: version) }

    public static func entityTag(id: Int, version: Int) -> String { "\"p\(id)-v\(version)\"" }

    public var location: String { "/api/v1/projects/\(id)" }

    /// `updated_at` in epoch seconds, for `Last-Modified` (HTTP dates have whole seconds, so
    /// the milliseconds are dropped); nil if the stored text is not an RFC 3339 date-time.
    public var lastModified: Int? { RFC3339Instant(updatedAt)?.epochSeconds }

    /// `updated_at` at full precision, in epoch milliseconds: what the date preconditions
    /// compare against (RFC 9110 §13.1.3, §13.1.4), so that two changes within one second are
    /// told apart; nil if the stored text is not an RFC 3339 date-time.
    public var modifiedAt: Int? { RFC3339Instant(updatedAt)?.epochMilliseconds }
}

extension Project: CSVRepresentable {
    public static let csvHeader = [
        "id", "measure_code", "policy_id", "title", "description", "department", "status", "status_label", "progress",
        "start_fiscal_year", "end_fiscal_year", "kpi_name", "kpi_unit", "kpi_target", "kpi_actual", "version", "created_at", "updated_at",
    ]
    public static let csvJapaneseLabels = [
        "id": "事業ID", "measure_code": "施策コード", "policy_id": "基本方針", "title": "名称", "description": "概要",
        "department": "担当部署", "status": "状況コード", "status_label": "状況", "progress": "進捗率",
        "start_fiscal_year": "開始年度", "end_fiscal_year": "終了年度", "kpi_name": "KPI名", "kpi_unit": "KPI単位",
        "kpi_target": "KPI目標値", "kpi_actual": "KPI実績値", "version": "版", "created_at": "登録日時", "updated_at": "更新日時",
    ]
    public static let csvNumberColumns: Set<String> = ["id", "policy_id", "progress", "start_fiscal_year", "end_fiscal_year", "kpi_target", "kpi_actual", "version"]

    public var csvRow: [String] {
        [
            String(id), fields.measureCode, String(policyID), fields.title, fields.description, fields.department,
            fields.status.rawValue, fields.status.label, String(fields.progress), String(fields.startFiscalYear),
            String(fields.endFiscalYear), fields.kpi?.name ?? "", fields.kpi?.unit ?? "",
            fields.kpi.map { Self.csvNumber($0.target) } ?? "", fields.kpi?.actual.map(Self.csvNumber) ?? "",
            String(version), createdAt, updatedAt,
        ]
    }

    /// A KPI value as an administrator would type it: `12000`, not `12000.0`.
    static func csvNumber(_ value: Double) -> String {
        WholeNumber.text(value) ?? CSVNumber.format(value)
    }
}

extension ProjectHistoryEntry: CSVRepresentable {
    public static let csvHeader = ["id", "project_id", "at", "actor", "action", "changes", "note"]
    public static let csvNumberColumns: Set<String> = ["id", "project_id"]
    public static let csvJapaneseLabels = [
        "id": "履歴ID", "project_id": "事業ID", "at": "日時", "actor": "操作者", "action": "操作", "changes": "変更内容", "note": "備考",
    ]

    /// `changes` stays a JSON object in its cell: its shape varies by row.
    public var csvRow: [String] {
        let changesJSON = (try? JSONBody.encode(changes)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return [String(id), String(projectID), at, actor, action.rawValue, changesJSON, note ?? ""]
    }
}

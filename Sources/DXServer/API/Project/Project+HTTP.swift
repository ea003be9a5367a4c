import DXCore

extension Project {
    /// Strong, from the version every write bumps: cheap to compare inside the write
    /// transaction, and it changes exactly when the project does.
    public var entityTag: String { Self.entityTag(id: id, version: version) }

    public static func entityTag(id: Int, version: Int) -> String { "\"p\(id)-v\(version)\"" }

    public var location: String { "/api/v1/projects/\(id)" }
}

extension Project: CSVRepresentable {
    public static let csvHeader = [
        "id", "measure_code", "policy_id", "title", "description", "department", "status", "status_label", "progress",
        "start_fiscal_year", "end_fiscal_year", "kpi_name", "kpi_unit", "kpi_target", "kpi_actual", "version", "created_at", "updated_at",
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
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : CSVNumber.format(value)
    }
}

extension ProjectHistoryEntry: CSVRepresentable {
    public static let csvHeader = ["id", "project_id", "at", "actor", "action", "changes", "note"]
    public static let csvNumberColumns: Set<String> = ["id", "project_id"]

    /// `changes` stays a JSON object in its cell: its shape varies by row.
    public var csvRow: [String] {
        let changesJSON = (try? JSONBody.encode(changes)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return [String(id), String(projectID), at, actor, action.rawValue, changesJSON, note ?? ""]
    }
}

import DXCore

extension Evaluation {
    /// Strong, from the version every correction bumps.
    public var entityTag: String { Self.entityTag(projectID: projectID, period: period.description, version: version) }
    /// `"e1-2023H1-v2"`: the tag of one version, also for a replayed create read back from its body.
    public static func entityTag(projectID: Int, period: String, version: Int) -> String { "\"e\(projectID)-\(period)-v\(version)\"" }
    public var location: String { "/api/v1/projects/\(projectID)/evaluations/\(period)" }
    /// `updated_at` in epoch milliseconds, for the date preconditions.
    public var modifiedAt: Int? { RFC3339Instant(updatedAt)?.epochMilliseconds }
}

extension Evaluation: CSVRepresentable {
    public static let csvHeader = [
        "project_id", "period", "period_label", "fiscal_year", "rating", "rating_label", "comment", "evaluated_by", "evaluated_at",
        "version", "updated_at",
    ]
    public static let csvJapaneseLabels = [
        "project_id": "事業ID", "period": "評価期間コード", "period_label": "評価期間", "fiscal_year": "年度", "rating": "評価コード",
        "rating_label": "評価", "comment": "所見", "evaluated_by": "評価者", "evaluated_at": "評価日時", "version": "版", "updated_at": "更新日時",
    ]
    public static let csvNumberColumns: Set<String> = ["project_id", "fiscal_year", "version"]

    public var csvRow: [String] {
        [String(projectID), period.description, period.label, String(period.fiscalYear), rating.rawValue, rating.label, comment,
         evaluatedBy, evaluatedAt, String(version), updatedAt]
    }
}

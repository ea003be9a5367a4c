import DXCore

// The CSV forms of the survey read models. They live here, not in DXCore, because CSV is a
// representation of the HTTP API; the columns are the JSON keys, nested objects flattened.

extension Survey: CSVRepresentable {
    public static let csvHeader = [
        "id", "edition", "title", "fiscal_year", "fiscal_year_label", "summary", "area", "target", "sample_size",
        "respondents", "response_rate", "method", "period_start", "period_end", "period_label",
    ]
    public static let csvJapaneseLabels = [
        "id": "調査ID", "edition": "回", "title": "名称", "fiscal_year": "年度", "fiscal_year_label": "年度表記", "summary": "概要",
        "area": "調査地域", "target": "調査対象", "sample_size": "標本数", "respondents": "回答者数", "response_rate": "回答率",
        "method": "調査方法", "period_start": "調査開始日", "period_end": "調査終了日", "period_label": "調査期間",
    ]
    public static let csvNumberColumns: Set<String> = ["id", "edition", "fiscal_year", "sample_size", "respondents", "response_rate"]

    public var csvRow: [String] {
        [
            String(id), String(edition), title, String(fiscalYear), fiscalYearLabel, summary, area, target,
            String(sampleSize), String(respondents), CSVNumber.format(responseRate), method, period.start, period.end,
            period.label,
        ]
    }
}

extension ProfileEntry: CSVRepresentable {
    public static let csvHeader = ["dimension", "label", "count", "ratio"]
    public static let csvNumberColumns: Set<String> = ["count", "ratio"]
    public static let csvJapaneseLabels = ["dimension": "区分", "label": "項目", "count": "人数", "ratio": "割合"]

    public var csvRow: [String] {
        [dimension.rawValue, label, String(count), CSVNumber.format(ratio)]
    }
}

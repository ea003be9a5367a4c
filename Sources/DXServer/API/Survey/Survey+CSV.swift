import DXCore

// The CSV forms of the survey read models. They live here, not in DXCore, because CSV is a
// representation of the HTTP API; the columns are the JSON keys, nested objects flattened.

extension Survey: CSVRepresentable {
    public static let csvHeader = [
        "id", "edition", "title", "fiscal_year", "fiscal_year_label", "summary", "area", "target", "sample_size",
        "respondents", "response_rate", "method", "period_start", "period_end", "period_label",
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

    public var csvRow: [String] {
        [dimension.rawValue, label, String(count), CSVNumber.format(ratio)]
    }
}

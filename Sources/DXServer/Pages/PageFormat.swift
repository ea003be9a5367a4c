import DXCore

/// Numbers and dates as the pages show them.
enum PageFormat {
    /// `1,201`.
    static func grouped(_ value: Int) -> String { SurveyChart.grouped(value) }

    /// A ratio (0…1) as a percentage with one decimal, halves away from zero: `47.4%`.
    static func percent(_ ratio: Double) -> String { SurveyChart.percent(ratio) }

    /// A value that may have decimals (a KPI), without a trailing `.0`.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        if let whole = WholeNumber.exact(value) { return grouped(Int(whole)) }
        let hundredths = (value * 100).rounded() / 100
        return "\(hundredths)"
    }

    /// `2024-03-31` → `2024年3月31日`; anything else as given.
    static func date(_ iso: String) -> String {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return iso }
        return "\(y)年\(m)月\(d)日"
    }

    /// `2026-11-30T05:29:37.123Z` → `2026-11-30 05:29` (UTC as stored; the `<time>` element
    /// beside it carries the exact instant).
    static func timestamp(_ rfc3339: String) -> String {
        let characters = Array(rfc3339)
        guard characters.count >= 16, characters[10] == "T" else { return rfc3339 }
        return String(characters[0..<10]) + " " + String(characters[11..<16]) + (rfc3339.hasSuffix("Z") ? " UTC" : "")
    }

    /// Text split at blank lines or line breaks into paragraphs, none empty.
    static func paragraphs(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { trimmingSpaces(String($0)) }.filter { !$0.isEmpty }
    }

    /// Without leading and trailing white space (ASCII and the ideographic space).
    static func trimmingSpaces(_ text: String) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }
        guard let start = text.firstIndex(where: { !isSpace($0) }), let end = text.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(text[start...end])
    }
}

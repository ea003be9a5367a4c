import DXCore

/// A project's KPI as two horizontal bars, target and actual, in SVG for inline use. Its text
/// alternative (`<title>` named by `aria-labelledby`) says the numbers, and the page puts the
/// same numbers in a table beside it. Pure: the same KPI always gives the same bytes.
/// Bars share one scale, the larger of target and actual, so an exceeded target shows.
enum KPISummaryChart {
    static let width = 480.0
    static let barHeight = 24.0
    static let rowHeight = 56.0

    /// `id`: unique on the page; the SVG's `<title>` gets `\(id)-title`.
    static func svg(_ kpi: KPI, id: String) -> String {
        let n = SurveyChart.n
        let escape = SurveyChart.escape
        let summary = KPISummary(kpi)
        let scale = max(kpi.target, kpi.actual ?? 0)
        let track = width - 32
        func bar(_ value: Double?) -> Double {
            guard let value, scale > 0, value.isFinite, scale.isFinite else { return 0 }
            return max(0, min(1, value / scale)) * track
        }
        let actualText = summary.actual.map { "\($0)\(kpi.unit)" } ?? "未計測"
        let description = "\(kpi.name): 目標 \(summary.target)\(kpi.unit)、実績 \(actualText)"
            + (summary.achievement.map { "（達成率 \($0)）" } ?? "")
        let rows: [(label: String, value: Double?, text: String, color: String)] = [
            ("目標", kpi.target, "\(summary.target)\(kpi.unit)", "#5a6470"),
            ("実績", kpi.actual, actualText, "#1f6fb2"),
        ]
        var body = ""
        for (index, row) in rows.enumerated() {
            let y = 16 + Double(index) * rowHeight
            body += "<text x=\"16\" y=\"\(n(y + 16))\" font-size=\"16\">\(escape(row.label))</text>\n"
            body += "<text x=\"\(n(width - 16))\" y=\"\(n(y + 16))\" font-size=\"16\" font-weight=\"bold\" text-anchor=\"end\">\(escape(row.text))</text>\n"
            body += "<rect x=\"16\" y=\"\(n(y + 24))\" width=\"\(n(track))\" height=\"\(n(barHeight))\" rx=\"3\" fill=\"#e8edf2\"/>\n"
            body += "<rect x=\"16\" y=\"\(n(y + 24))\" width=\"\(n(bar(row.value)))\" height=\"\(n(barHeight))\" rx=\"3\" fill=\"\(row.color)\"/>\n"
        }
        let height = 16 + Double(rows.count) * rowHeight
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(n(width)) \(n(height))" width="\(n(width))" height="\(n(height))" \
            role="img" aria-labelledby="\(id)-title" font-family="\(escape(SurveyChart.fontFamily))" fill="#1a1a1a">
            <title id="\(id)-title">\(escape(description))</title>
            \(body)</svg>
            """
    }
}

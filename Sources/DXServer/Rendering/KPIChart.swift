import DXCore

/// A KPI over time as an SVG line chart, for `<img src=".../kpis/{id}/chart.svg">` and inline
/// use by the HTML pages. A pure function of the KPI and its measurements: same input, same bytes.
///
/// What it draws: each measurement (実績値) as a point joined by a line, in date order; each
/// fiscal year's target (目標値) as a dashed step line spanning that fiscal year (April 1 –
/// March 31); the baseline (基準値) as a diamond at its date with a dotted level line. The
/// `<title>` names the KPI and `<desc>` states every figure in words, Japanese first, then
/// English, so a screen reader or a text-only client gets the chart's content.
///
/// The root has a `viewBox` and no fixed width, so it scales to its container; at 360 CSS px
/// the 16-unit labels of the 480-unit canvas still render at 12 px. Every text from the
/// data (name, unit) is XML-escaped.
public enum KPIChart {
    static let width = 480.0
    static let height = 300.0
    static let left = 56.0
    static let right = 16.0
    static let top = 52.0
    static let bottom = 40.0
    /// 16 units: an `<img>` of the chart 360 CSS px wide (a phone) still draws it at 12 px.
    static let fontSize = 16.0
    static let lineColor = "#1f6fb2"
    static let targetColor = "#c0392b"
    static let baselineColor = "#5a6470"
    static let gridColor = "#e8edf2"
    static let textColor = "#1a1a1a"

    public static func svg(kpi: ProjectKPI, measurements: [KPIMeasurement]) -> String {
        let points = measurements.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
        let name = kpi.fields.name
        let unit = kpi.fields.unit
        // Time axis: day numbers from the earliest to the latest date drawn, whole fiscal years of targets included.
        var days: [Int] = points.compactMap { CalendarDate(iso: $0.date)?.dayNumber }
        if let b = kpi.fields.baseline, let d = CalendarDate(iso: b.date) { days.append(d.dayNumber) }
        for t in kpi.fields.targets {
            days.append(FiscalYear(t.fiscalYear).firstDay.dayNumber)
            days.append(FiscalYear(t.fiscalYear).lastDay.dayNumber + 1)
        }
        var values: [Double] = points.map(\.value) + kpi.fields.targets.map(\.value)
        if let b = kpi.fields.baseline { values.append(b.value) }

        var body = ""
        body += "<text x=\"\(n(left))\" y=\"22\" font-size=\"16\" font-weight=\"bold\" fill=\"\(textColor)\">"
            + SurveyChart.escape(unit.isEmpty ? name : "\(name)（\(unit)）") + "</text>\n"
        body += legend()
        if let minDay = days.min(), let maxDay = days.max(), let minValue = values.min(), let maxValue = values.max() {
            let span = Double(max(maxDay - minDay, 1))
            let (low, high, step) = niceRange(minValue, maxValue)
            let plotWidth = width - left - right
            let plotHeight = height - top - bottom
            func x(_ day: Int) -> Double { left + Double(day - minDay) / span * plotWidth }
            func y(_ value: Double) -> Double { top + (high - value) / (high - low) * plotHeight }
            // Grid and value labels.
            // At most a dozen lines, whatever the values (a step below the values' precision cannot loop).
            let steps = step > 0 && ((high - low) / step).isFinite ? min(Int(((high - low) / step).rounded()), 12) : 0
            for i in 0...max(steps, 0) {
                let tick = low + Double(i) * step
                body += "<line x1=\"\(n(left))\" y1=\"\(n(y(tick)))\" x2=\"\(n(width - right))\" y2=\"\(n(y(tick)))\" stroke=\"\(gridColor)\"/>\n"
                body += "<text x=\"\(n(left - 6))\" y=\"\(n(y(tick) + 5))\" font-size=\"\(n(fontSize))\" text-anchor=\"end\" fill=\"\(textColor)\">\(number(tick))</text>\n"
            }
            // Fiscal-year boundaries (April 1) with their labels.
            let firstYear = FiscalYear(containing: CalendarDate(dayNumber: minDay)).year
            let lastYear = FiscalYear(containing: CalendarDate(dayNumber: maxDay)).year
            if lastYear - firstYear <= 30 {
                for year in firstYear...lastYear {
                    let start = max(FiscalYear(year).firstDay.dayNumber, minDay)
                    let end = min(FiscalYear(year).lastDay.dayNumber + 1, maxDay)
                    if start > minDay {
                        body += "<line x1=\"\(n(x(start)))\" y1=\"\(n(top))\" x2=\"\(n(x(start)))\" y2=\"\(n(height - bottom))\" stroke=\"\(gridColor)\"/>\n"
                    }
                    // Only where `YYYY年度` (about 70 units at 16) fits, so labels never overlap.
                    if end > start, x(end) - x(start) >= 72 {
                        body += "<text x=\"\(n((x(start) + x(end)) / 2))\" y=\"\(n(height - bottom + 20))\" font-size=\"\(n(fontSize))\" text-anchor=\"middle\" fill=\"\(textColor)\">\(year)年度</text>\n"
                    }
                }
            }
            // Targets: one dashed step line.
            let targets = kpi.fields.targets.sorted { $0.fiscalYear < $1.fiscalYear }
            if !targets.isEmpty {
                var path = ""
                var previousEnd: Int?
                for t in targets {
                    let start = FiscalYear(t.fiscalYear).firstDay.dayNumber
                    let end = FiscalYear(t.fiscalYear).lastDay.dayNumber + 1
                    path += (previousEnd == start ? " L" : " M") + "\(n(x(start))) \(n(y(t.value))) L\(n(x(end))) \(n(y(t.value)))"
                    previousEnd = end
                }
                body += "<path class=\"target\" d=\"\(path.dropFirst())\" fill=\"none\" stroke=\"\(targetColor)\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>\n"
            }
            // Baseline: a dotted level line and a diamond.
            if let b = kpi.fields.baseline, let d = CalendarDate(iso: b.date) {
                let bx = x(d.dayNumber), by = y(b.value)
                body += "<line class=\"baseline\" x1=\"\(n(left))\" y1=\"\(n(by))\" x2=\"\(n(width - right))\" y2=\"\(n(by))\" stroke=\"\(baselineColor)\" stroke-dasharray=\"2 3\"/>\n"
                body += "<path class=\"baseline-marker\" d=\"M\(n(bx)) \(n(by - 7)) L\(n(bx + 7)) \(n(by)) L\(n(bx)) \(n(by + 7)) L\(n(bx - 7)) \(n(by)) Z\" fill=\"\(baselineColor)\">"
                    + "<title>基準値 \(number(b.value))\(SurveyChart.escape(unit))（\(b.date)）</title></path>\n"
            }
            // Measurements: line and points.
            let located = points.compactMap { m in CalendarDate(iso: m.date).map { (m, x($0.dayNumber), y(m.value)) } }
            if located.count > 1 {
                body += "<polyline class=\"measurements\" points=\"" + located.map { "\(n($0.1)),\(n($0.2))" }.joined(separator: " ")
                    + "\" fill=\"none\" stroke=\"\(lineColor)\" stroke-width=\"2.5\"/>\n"
            }
            for (m, px, py) in located {
                body += "<circle class=\"measurement\" cx=\"\(n(px))\" cy=\"\(n(py))\" r=\"4.5\" fill=\"\(lineColor)\">"
                    + "<title>\(m.date): \(number(m.value))\(SurveyChart.escape(unit))</title></circle>\n"
            }
        } else {
            body += "<text x=\"\(n(width / 2))\" y=\"\(n(height / 2))\" font-size=\"16\" text-anchor=\"middle\" fill=\"\(baselineColor)\">実績値・目標値はまだありません (no data yet)</text>\n"
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(n(width)) \(n(height))" role="img" \
            aria-labelledby="title desc" font-family="\(SurveyChart.fontFamily)">
            <title id="title">\(SurveyChart.escape(title(kpi)))</title>
            <desc id="desc">\(SurveyChart.escape(description(kpi: kpi, measurements: points)))</desc>
            <rect width="100%" height="100%" fill="#ffffff"/>
            \(body)</svg>

            """
    }

    static func legend() -> String {
        let y = 40.0
        return """
            <circle cx="\(n(left + 6))" cy="\(n(y - 4))" r="4.5" fill="\(lineColor)"/><text x="\(n(left + 16))" y="\(n(y))" font-size="\(n(fontSize))" fill="\(textColor)">実績値</text>
            <line x1="\(n(left + 80))" y1="\(n(y - 4))" x2="\(n(left + 104))" y2="\(n(y - 4))" stroke="\(targetColor)" stroke-width="2" stroke-dasharray="6 4"/><text x="\(n(left + 110))" y="\(n(y))" font-size="\(n(fontSize))" fill="\(textColor)">目標値</text>
            <path d="M\(n(left + 186)) \(n(y - 11)) L\(n(left + 193)) \(n(y - 4)) L\(n(left + 186)) \(n(y + 3)) L\(n(left + 179)) \(n(y - 4)) Z" fill="\(baselineColor)"/><text x="\(n(left + 200))" y="\(n(y))" font-size="\(n(fontSize))" fill="\(textColor)">基準値</text>

            """
    }

    public static func title(_ kpi: ProjectKPI) -> String {
        let label = kpi.fields.unit.isEmpty ? kpi.fields.name : "\(kpi.fields.name)（\(kpi.fields.unit)）"
        return "\(label)の推移 / \(kpi.fields.name) over time"
    }

    /// Every figure of the chart in words: Japanese, then English.
    public static func description(kpi: ProjectKPI, measurements: [KPIMeasurement]) -> String {
        let unit = kpi.fields.unit
        var ja: [String] = []
        var en: [String] = []
        if let b = kpi.fields.baseline {
            ja.append("基準値は\(b.date)の\(number(b.value))\(unit)。")
            en.append("Baseline \(number(b.value)) \(unit) on \(b.date).")
        }
        if kpi.fields.targets.isEmpty {
            ja.append("目標値は設定されていません。")
            en.append("No targets are set.")
        } else {
            ja.append("目標値は" + kpi.fields.targets.map { "\($0.fiscalYear)年度\(number($0.value))\(unit)" }.joined(separator: "、") + "。")
            en.append("Targets: " + kpi.fields.targets.map { "FY\($0.fiscalYear) \(number($0.value)) \(unit)" }.joined(separator: ", ") + ".")
        }
        if measurements.isEmpty {
            ja.append("実績値はまだありません。")
            en.append("No measurements yet.")
        } else {
            ja.append("実績値は" + measurements.map { "\($0.date)に\(number($0.value))\(unit)" }.joined(separator: "、") + "。")
            en.append("Measurements: " + measurements.map { "\(number($0.value)) \(unit) on \($0.date)" }.joined(separator: ", ") + ".")
        }
        if let achievement = kpi.assessment.achievement, let year = kpi.assessment.referenceFiscalYear {
            let percent = SurveyChart.percent(achievement)
            let track = kpi.assessment.onTrack == true
            ja.append("\(year)年度目標に対する達成率は\(percent)で、\(track ? "順調です" : "遅れています")。")
            en.append("Achievement against the FY\(year) target is \(percent), \(track ? "on track" : "off track").")
        }
        // Japanese sentences run on as written; the English ones are spaced. A KPI without a
        // unit leaves no stray space before the punctuation.
        return ja.joined() + " " + en.joined(separator: " ").replacingOccurrences(of: " .", with: ".").replacingOccurrences(of: " ,", with: ",")
    }

    /// Bounds and step of the value axis: about four steps of 1, 2 or 5 × 10ⁿ covering the data.
    static func niceRange(_ low: Double, _ high: Double) -> (Double, Double, Double) {
        var low = low, high = high
        if low == high { low -= max(abs(low) * 0.1, 1); high += max(abs(high) * 0.1, 1) }
        let raw = (high - low) / 4
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
        guard step > 0, step.isFinite else { return (low, high, high - low) }
        return ((low / step).rounded(.down) * step, (high / step).rounded(.up) * step, step)
    }

    static func n(_ value: Double) -> String { SurveyChart.n(value) }

    /// A figure as people write it: up to three decimals, no trailing zeros, no exponent.
    static func number(_ value: Double) -> String {
        if let whole = WholeNumber.text(value) { return whole }
        let thousandths = (value * 1000).rounded()
        guard abs(thousandths) < 9e15 else { return value.description }
        let scaled = Int64(thousandths)
        let whole = scaled / 1000
        var fraction = String(abs(scaled % 1000))
        while fraction.count < 3 { fraction = "0" + fraction }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let sign = scaled < 0 && whole == 0 ? "-" : ""
        return fraction.isEmpty ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }
}

import DXCore

/// A survey question as a horizontal bar chart in SVG, for `<img src=".../chart.svg">`.
///
/// The root declares `width` and `height` (480 by the content's height, in CSS px) as well as
/// a `viewBox` of the same size, so an `<img>` has a natural size and aspect ratio to lay out
/// before and after loading (a percentage width alone leaves it 300×150 or zero-sized in some
/// browsers); a page scales it down with `max-width: 100%; height: auto`.
///
/// Each option takes two lines: its label on the first, its bar and percentage on the second.
/// Side-by-side labels would need a third of a phone's width and still collide with long
/// Japanese labels such as 個人情報やプライバシー保護; stacked, a label can use the full width
/// and wraps when even that is not enough. Bars are drawn against a track spanning 100 % of
/// respondents, so a multiple-answer chart does not look like shares of a whole.
public enum SurveyChart {
    /// The font stack the chart declares; the Japanese faces come first so that a browser
    /// with a CJK font never falls back to a Latin one for kana and kanji.
    public static let fontFamily =
        "'Hiragino Sans', 'Hiragino Kaku Gothic ProN', 'Noto Sans CJK JP', 'Noto Sans JP', 'Yu Gothic', Meiryo, sans-serif"

    // A narrow canvas: at 360 CSS px the 18-unit text still renders at about 13.5 px.
    static let width = 480.0
    static let margin = 16.0
    static let fontSize = 18.0
    static let titleFontSize = 17.0
    static let smallFontSize = 15.0
    static let lineHeight = 24.0
    static let barHeight = 20.0
    static let percentColumn = 72.0
    static let rowGap = 14.0

    static let barColor = "#1f6fb2"
    static let noAnswerColor = "#9aa3ad"
    static let trackColor = "#e8edf2"
    static let textColor = "#1a1a1a"
    static let mutedTextColor = "#5a6470"

    /// `descriptionID`: the id of the `<desc>`; a page that inlines several charts gives each
    /// its own, since ids must be unique in a document.
    public static func svg(question: SurveyQuestion, descriptionID: String = "desc") -> String {
        let contentWidth = width - 2 * margin
        let trackWidth = contentWidth - percentColumn
        var body = ""
        var y = margin

        for line in wrap(question.text, width: contentWidth, fontSize: titleFontSize) {
            y += lineHeight
            body += text(line, x: margin, y: y, size: titleFontSize, weight: "bold")
        }
        let answers = question.multipleAnswers ? "複数回答" : "単一回答"
        y += lineHeight
        body += text(
            "\(answers)・回答者 \(grouped(question.respondents))人に対する割合", x: margin, y: y,
            size: smallFontSize, color: mutedTextColor)
        y += rowGap

        var rows: [(label: String, count: Int, ratio: Double, cssClass: String, color: String)] = question.options
            .sorted { $0.number < $1.number }
            .map { ("(\($0.number)) \($0.label)", $0.count, $0.ratio, "bar", barColor) }
        if let none = question.noAnswer {
            rows.append((none.label, none.count, none.ratio, "bar no-answer", noAnswerColor))
        }

        for row in rows {
            for line in wrap(row.label, width: contentWidth, fontSize: fontSize) {
                y += lineHeight
                body += text(line, x: margin, y: y, size: fontSize)
            }
            y += 8
            let barWidth = max(0, min(1, row.ratio)) * trackWidth
            body += "<rect class=\"track\" x=\"\(n(margin))\" y=\"\(n(y))\" width=\"\(n(trackWidth))\" "
                + "height=\"\(n(barHeight))\" rx=\"3\" fill=\"\(trackColor)\"/>\n"
            body += "<rect class=\"\(row.cssClass)\" x=\"\(n(margin))\" y=\"\(n(y))\" width=\"\(n(barWidth))\" "
                + "height=\"\(n(barHeight))\" rx=\"3\" fill=\"\(row.color)\">"
                + "<title>\(escape(row.label)): \(grouped(row.count))人 (\(percent(row.ratio)))</title></rect>\n"
            body += text(
                percent(row.ratio), x: width - margin, y: y + barHeight - 4, size: fontSize, weight: "bold",
                anchor: "end")
            y += barHeight + rowGap
        }
        y += margin - rowGap

        let summary = rows.map { "\($0.label) \(percent($0.ratio))" }.joined(separator: "、")
        let title = "問\(question.number) \(question.text)"
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(n(width)) \(n(y))" width="\(n(width))" height="\(n(y))" \
            role="img" aria-label="\(escape(title))" aria-describedby="\(descriptionID)" \
            font-family="\(escape(fontFamily))" fill="\(textColor)">
            <title>\(escape(title))</title>
            <desc id="\(descriptionID)">\(escape(summary))</desc>
            <rect class="background" width="100%" height="100%" fill="#ffffff"/>
            \(body)</svg>

            """
    }

    static func text(
        _ content: String, x: Double, y: Double, size: Double, weight: String? = nil, anchor: String? = nil,
        color: String? = nil
    ) -> String {
        var attributes = "x=\"\(n(x))\" y=\"\(n(y))\" font-size=\"\(n(size))\""
        if let weight { attributes += " font-weight=\"\(weight)\"" }
        if let anchor { attributes += " text-anchor=\"\(anchor)\"" }
        if let color { attributes += " fill=\"\(color)\"" }
        return "<text \(attributes)>\(escape(content))</text>\n"
    }

    /// One decimal, halves away from zero: the way the city's tables round (47.37… → 47.4%).
    static func percent(_ ratio: Double) -> String {
        let tenths = Int((ratio * 1000).rounded(.toNearestOrAwayFromZero))
        return "\(tenths / 10).\(tenths % 10)%"
    }

    static func grouped(_ value: Int) -> String {
        var digits = String(value.magnitude)
        var groups: [Substring] = []
        while digits.count > 3 {
            groups.insert(Substring(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(Substring(digits), at: 0)
        return (value < 0 ? "-" : "") + groups.joined(separator: ",")
    }

    /// Coordinates with at most two decimals and no trailing zeros, to keep the bytes small.
    static func n(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let whole = hundredths / 100
        let fraction = abs(hundredths % 100)
        if fraction == 0 { return String(whole) }
        let digits = fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0\(fraction)" : String(fraction))
        return "\(hundredths < 0 && whole == 0 ? "-" : "")\(whole).\(digits)"
    }

    /// Closing punctuation may not start a line (kinsoku shori); it hangs into the margin instead.
    static let noLineStart: Set<Character> = ["、", "。", "，", "．", "）", "」", "』", "】", ")", ",", ".", "ー", "？", "！"]

    /// Greedy wrap by estimated advance: CJK and other wide characters take a full em, ASCII
    /// about 0.6 em. Exact metrics are unknowable without the client's font, so this errs wide.
    static func wrap(_ content: String, width: Double, fontSize: Double) -> [String] {
        var lines: [String] = []
        var line = ""
        var lineWidth = 0.0
        for character in content {
            let advance = (character.isASCII ? 0.6 : 1.0) * fontSize
            if lineWidth + advance > width, !line.isEmpty, !noLineStart.contains(character) {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            line.append(character)
            lineWidth += advance
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    static func escape(_ content: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(content.utf8.count)
        for character in content {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}

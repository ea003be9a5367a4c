import DXCore
import Foundation
import Testing

@testable import DXServer

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Collects what the chart tests look at while checking that the document parses as XML.
private final class SVGInspector: NSObject, XMLParserDelegate {
    var rootName: String?
    var rootAttributes: [String: String] = [:]
    var barClasses: [String] = []
    var texts: [String] = []
    var titles: [String] = []
    private var elementStack: [String] = []
    private var currentText = ""

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if rootName == nil {
            rootName = elementName
            rootAttributes = attributes
        }
        if elementName == "rect", let cssClass = attributes["class"],
            cssClass.split(separator: " ").contains("bar")
        {
            barClasses.append(cssClass)
        }
        elementStack.append(elementName)
        currentText = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        currentText += string
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if elementName == "text" { texts.append(currentText) }
        if elementName == "title", elementStack.count == 2 { titles.append(currentText) }
        elementStack.removeLast()
        currentText = ""
    }
}

private func inspect(_ svg: String) throws -> SVGInspector {
    let parser = XMLParser(data: Data(svg.utf8))
    let inspector = SVGInspector()
    parser.delegate = inspector
    let parsed = parser.parse()
    #expect(parsed, "not well-formed XML: \(String(describing: parser.parserError))")
    return inspector
}

/// Question 2 of the 2021 survey, counts as printed in the plan's appendix.
private func anxietyQuestion() throws -> SurveyQuestion {
    try SurveyQuestion(
        number: 2, text: "デジタル化が進むにあたり、不安に思うことは何ですか。", multipleAnswers: true, respondents: 1201,
        counts: [
            SurveyOptionCount(number: 1, label: "デジタル機器(技術)への適応", count: 500),
            SurveyOptionCount(number: 2, label: "人とのふれあいが無くなる", count: 235),
            SurveyOptionCount(number: 3, label: "個人情報やプライバシー保護", count: 795),
            SurveyOptionCount(number: 4, label: "特にない", count: 82),
            SurveyOptionCount(number: 5, label: "わからない", count: 89),
            SurveyOptionCount(number: 6, label: "その他", count: 31),
        ],
        noAnswer: (label: "無回答", count: 13), responses: [])
}

@Suite("Survey chart")
struct SurveyChartTests {
    @Test("the chart is well-formed XML with one bar per option plus one for the no-answer row")
    func oneBarPerOption() throws {
        let question = try anxietyQuestion()
        let chart = try inspect(SurveyChart.svg(question: question))
        #expect(chart.rootName == "svg")
        #expect(chart.barClasses.count == question.options.count + 1)
        #expect(chart.barClasses.filter { $0 == "bar" }.count == 6)
        #expect(chart.barClasses.last == "bar no-answer")
    }

    @Test("without a no-answer row there is exactly one bar per option")
    func noNoAnswerRow() throws {
        var question = try anxietyQuestion()
        question.noAnswer = nil
        let chart = try inspect(SurveyChart.svg(question: question))
        #expect(chart.barClasses.count == 6)
    }

    @Test("each option shows its label and its percentage to one decimal, in numbered order")
    func labelsAndPercentages() throws {
        let chart = try inspect(SurveyChart.svg(question: try anxietyQuestion()))
        let expected = [
            ("(1) デジタル機器(技術)への適応", "41.6%"), ("(2) 人とのふれあいが無くなる", "19.6%"),
            ("(3) 個人情報やプライバシー保護", "66.2%"), ("(4) 特にない", "6.8%"), ("(5) わからない", "7.4%"),
            ("(6) その他", "2.6%"), ("無回答", "1.1%"),
        ]
        let labelPositions = expected.map { chart.texts.firstIndex(of: $0.0) }
        #expect(labelPositions.allSatisfy { $0 != nil })
        #expect(labelPositions.compactMap { $0 } == labelPositions.compactMap { $0 }.sorted())
        for (label, percent) in expected {
            guard let at = chart.texts.firstIndex(of: label) else { continue }
            #expect(chart.texts[at + 1] == percent, "percentage after \(label)")
        }
    }

    @Test("it scales to its container and declares itself an image with a title")
    func scalableAndAccessible() throws {
        let chart = try inspect(SurveyChart.svg(question: try anxietyQuestion()))
        #expect(chart.rootAttributes["viewBox"]?.hasPrefix("0 0 480 ") == true)
        #expect(chart.rootAttributes["role"] == "img")
        #expect(chart.rootAttributes["aria-label"] == "問2 デジタル化が進むにあたり、不安に思うことは何ですか。")
        #expect(chart.titles.first == "問2 デジタル化が進むにあたり、不安に思うことは何ですか。")
    }

    @Test("it declares a width and a height equal to its viewBox, so <img> has a natural size")
    func declaresItsNaturalSizeForImg() throws {
        let chart = try inspect(SurveyChart.svg(question: try anxietyQuestion()))
        let viewBox = try #require(chart.rootAttributes["viewBox"]).split(separator: " ").compactMap { Double($0) }
        #expect(viewBox.count == 4)
        let width = try #require(chart.rootAttributes["width"].flatMap(Double.init))
        let height = try #require(chart.rootAttributes["height"].flatMap(Double.init))
        #expect(width == 480)
        #expect(width == viewBox[2])
        #expect(height == viewBox[3])
        // Seven options, two lines each, plus the question: taller than one screenful of bars.
        #expect(height > 300 && height < 2000)
    }

    @Test("its font stack names Japanese fonts before the generic fallback")
    func japaneseFonts() throws {
        let chart = try inspect(SurveyChart.svg(question: try anxietyQuestion()))
        let family = try #require(chart.rootAttributes["font-family"])
        for font in ["Hiragino Sans", "Noto Sans CJK JP", "Yu Gothic", "Meiryo"] {
            #expect(family.contains(font))
        }
        #expect(family.hasSuffix("sans-serif"))
    }

    @Test("markup in labels is escaped, not interpreted")
    func escaping() throws {
        let question = try SurveyQuestion(
            number: 1, text: "A & B <script>\"'", multipleAnswers: false, respondents: 10,
            counts: [SurveyOptionCount(number: 1, label: "<b>&amp;</b>", count: 10)], noAnswer: nil,
            responses: [])
        let chart = try inspect(SurveyChart.svg(question: question))
        #expect(chart.texts.contains("(1) <b>&amp;</b>"))
        #expect(chart.texts.contains("A & B <script>\"'"))
    }

    @Test("a label too long for one line wraps instead of running off the canvas")
    func wrapping() throws {
        let long = String(repeating: "個人情報やプライバシー保護", count: 3)
        let lines = SurveyChart.wrap(long, width: 448, fontSize: 18)
        #expect(lines.count == 2)
        #expect(lines.joined() == long)
        #expect(lines.allSatisfy { Double($0.count) * 18 <= 448 })
    }

    @Test("percentages round half away from zero, as the city's tables do")
    func percentRounding() {
        #expect(SurveyChart.percent(569.0 / 1201) == "47.4%")
        #expect(SurveyChart.percent(0.0125) == "1.3%")
        #expect(SurveyChart.percent(0) == "0.0%")
        #expect(SurveyChart.percent(1) == "100.0%")
    }

    @Test("writes the chart for inspection when SURVEY_CHART_DIR is set")
    func dump() throws {
        guard let directory = ProcessInfo.processInfo.environment["SURVEY_CHART_DIR"] else { return }
        let expectations = try SurveyQuestion(
            number: 1, text: "デジタル化が進むにあたり、市役所に期待することは何ですか。", multipleAnswers: true, respondents: 1201,
            counts: [
                ("市民サービスの向上", 569), ("行政手続きの簡素化", 660), ("地域産業の活性化", 173), ("教育分野のデジタル化", 158),
                ("キャッシュレスの推進", 158), ("特にない", 112), ("わからない", 139), ("その他", 23),
            ].enumerated().map { SurveyOptionCount(number: $0.offset + 1, label: $0.element.0, count: $0.element.1) },
            noAnswer: (label: "無回答", count: 26), responses: [])
        try SurveyChart.svg(question: expectations).write(toFile: directory + "/q1.svg", atomically: true, encoding: .utf8)
        try SurveyChart.svg(question: try anxietyQuestion()).write(
            toFile: directory + "/q2.svg", atomically: true, encoding: .utf8)
    }
}

@Suite("Survey chart line breaking")
struct SurveyChartWrapTests {
    @Test("closing punctuation never starts a wrapped line")
    func kinsoku() {
        let lines = SurveyChart.wrap("あいうえお。", width: 5 * 18, fontSize: 18)
        #expect(lines == ["あいうえお。"])
    }
}

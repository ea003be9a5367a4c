import DXCore

/// One line of a question table in CSV: a question's options flattened, its no-answer row
/// last, so `questions.csv` is a plain table a spreadsheet can filter and chart.
///
/// The no-answer row has no option number, interval or rank (it is not a choice among the
/// options); those cells are empty and `no_answer` is `true`.
struct SurveyOptionRow: Encodable, CSVRepresentable, NaturallyOrdered, Equatable {
    var questionNumber: Int
    var questionText: String
    var optionNumber: Int?
    var label: String
    var count: Int
    var ratio: Double
    var ci95: ConfidenceInterval?
    var rank: Int?
    var isNoAnswer: Bool


    static func rows(of question: SurveyQuestion) -> [SurveyOptionRow] {
        var rows = question.options.map { option in
            SurveyOptionRow(
                questionNumber: question.number, questionText: question.text, optionNumber: option.number,
                label: option.label, count: option.count, ratio: option.ratio, ci95: option.ci95, rank: option.rank,
                isNoAnswer: false)
        }
        if let none = question.noAnswer {
            rows.append(SurveyOptionRow(
                questionNumber: question.number, questionText: question.text, optionNumber: nil, label: none.label,
                count: none.count, ratio: none.ratio, ci95: nil, rank: nil, isNoAnswer: true))
        }
        return rows
    }

    static let csvHeader = [
        "question_number", "question_text", "option_number", "label", "count", "ratio", "ci95_low", "ci95_high",
        "rank", "no_answer",
    ]
    static let csvJapaneseLabels = [
        "question_number": "設問番号", "question_text": "設問", "option_number": "選択肢番号", "label": "選択肢", "count": "回答数",
        "ratio": "割合", "ci95_low": "95%信頼区間下限", "ci95_high": "95%信頼区間上限", "rank": "順位", "no_answer": "無回答",
    ]
    static let csvNumberColumns: Set<String> = ["question_number", "option_number", "count", "ratio", "ci95_low", "ci95_high", "rank"]

    var csvRow: [String] {
        [
            String(questionNumber), questionText, optionNumber.map(String.init) ?? "", label, String(count),
            CSVNumber.format(ratio), ci95.map { CSVNumber.format($0.low) } ?? "",
            ci95.map { CSVNumber.format($0.high) } ?? "", rank.map(String.init) ?? "", isNoAnswer ? "true" : "false",
        ]
    }

    /// By question, its options by number, the no-answer row last.
    static let naturalOrder = KeysetOrder(
        name: "question_number,option",
        columns: [
            KeysetOrder.Column("question_number", .integer), KeysetOrder.Column("no_answer", .integer),
            KeysetOrder.Column("option_number", .integer),
        ])

    var sortPosition: [SortValue] {
        [SortValue(questionNumber), SortValue(isNoAnswer ? 1 : 0), SortValue(optionNumber ?? 0)]
    }

    enum CodingKeys: String, CodingKey {
        case questionNumber = "question_number"
        case questionText = "question_text"
        case optionNumber = "option_number"
        case label, count, ratio, ci95, rank
        case isNoAnswer = "no_answer"
    }
}

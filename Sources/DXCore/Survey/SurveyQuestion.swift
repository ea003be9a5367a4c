/// A question with its statistics derived from stored counts.
public struct SurveyQuestion: Codable, Sendable, Equatable {
    public var number: Int
    public var text: String
    /// When true a respondent could pick several options, so ratios do not sum to 1.
    public var multipleAnswers: Bool
    /// The denominator of every ratio: all who returned the questionnaire, not those who answered
    /// this question (that is how the city's tables compute 割合(/回答者)).
    public var respondents: Int
    /// In their numbered order.
    public var options: [SurveyOption]
    public var noAnswer: SurveyNoAnswer?
    public var responses: [CityResponse]

    public init(
        number: Int, text: String, multipleAnswers: Bool, respondents: Int, options: [SurveyOption],
        noAnswer: SurveyNoAnswer?, responses: [CityResponse]
    ) {
        self.number = number
        self.text = text
        self.multipleAnswers = multipleAnswers
        self.respondents = respondents
        self.options = options
        self.noAnswer = noAnswer
        self.responses = responses
    }

    /// Derives ratios, Wilson intervals and ranks from counts.
    /// Throws when a count cannot be a share of `respondents` (none, or more than all of them).
    public init(
        number: Int, text: String, multipleAnswers: Bool, respondents: Int, counts: [SurveyOptionCount],
        noAnswer: (label: String, count: Int)?, responses: [CityResponse]
    ) throws(Wilson.Failure) {
        let ordered = counts.sorted { $0.number < $1.number }
        let ranks = CompetitionRanking.ranks(of: ordered.map(\.count))
        var options: [SurveyOption] = []
        options.reserveCapacity(ordered.count)
        for (option, rank) in zip(ordered, ranks) {
            let ci = try Wilson.interval(successes: option.count, trials: respondents)
            options.append(SurveyOption(
                number: option.number, label: option.label, count: option.count,
                ratio: Double(option.count) / Double(respondents), ci95: ci, rank: rank))
        }
        var none: SurveyNoAnswer?
        if let noAnswer {
            _ = try Wilson.interval(successes: noAnswer.count, trials: respondents)  // same range check
            none = SurveyNoAnswer(
                label: noAnswer.label, count: noAnswer.count, ratio: Double(noAnswer.count) / Double(respondents))
        }
        self.init(
            number: number, text: text, multipleAnswers: multipleAnswers, respondents: respondents,
            options: options, noAnswer: none, responses: responses)
    }

    enum CodingKeys: String, CodingKey {
        case number, text
        case multipleAnswers = "multiple_answers"
        case respondents, options
        case noAnswer = "no_answer"
        case responses
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(number, forKey: .number)
        try c.encode(text, forKey: .text)
        try c.encode(multipleAnswers, forKey: .multipleAnswers)
        try c.encode(respondents, forKey: .respondents)
        try c.encode(options, forKey: .options)
        // Explicit null rather than a missing key: clients can tell "no such row" from a typo.
        try c.encode(noAnswer, forKey: .noAnswer)
        try c.encode(responses, forKey: .responses)
    }
}

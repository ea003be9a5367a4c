/// One answer option of a question with its count and what the count implies.
public struct SurveyOption: Codable, Sendable, Equatable {
    public var number: Int
    public var label: String
    public var count: Int
    /// count / respondents, unrounded. With multiple answers, ratios across options exceed 1 in sum.
    public var ratio: Double
    public var ci95: ConfidenceInterval
    /// 1 for the most chosen option; ties share a rank.
    public var rank: Int

    public init(number: Int, label: String, count: Int, ratio: Double, ci95: ConfidenceInterval, rank: Int) {
        self.number = number
        self.label = label
        self.count = count
        self.ratio = ratio
        self.ci95 = ci95
        self.rank = rank
    }
}

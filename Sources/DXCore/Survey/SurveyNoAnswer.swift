/// The 無回答 row: respondents who chose nothing. Counted like an option, never ranked as one.
public struct SurveyNoAnswer: Codable, Sendable, Equatable {
    public var label: String
    public var count: Int
    public var ratio: Double

    public init(label: String, count: Int, ratio: Double) {
        self.label = label
        self.count = count
        self.ratio = ratio
    }
}

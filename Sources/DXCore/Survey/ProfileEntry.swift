/// One row of the respondent profile (e.g. 男性 441 of 1,201).
public struct ProfileEntry: Codable, Sendable, Equatable {
    public var dimension: ProfileDimension
    public var label: String
    public var count: Int
    /// count / respondents, unrounded.
    public var ratio: Double
    /// 1-based place within its dimension, in the report's order; the paging key, not served.
    public var position: Int = 1

    enum CodingKeys: String, CodingKey { case dimension, label, count, ratio }

    public init(dimension: ProfileDimension, label: String, count: Int, respondents: Int, position: Int = 1) {
        self.dimension = dimension
        self.label = label
        self.count = count
        self.position = position
        // A stored survey always has respondents > 0 (CHECK in the schema); 0 here means a
        // caller built an entry by hand, and NaN would not encode as JSON.
        self.ratio = respondents > 0 ? Double(count) / Double(respondents) : 0
    }
}

/// When a survey ran: ISO dates for machines, the city's own wording for people.
public struct SurveyPeriod: Codable, Sendable, Equatable {
    /// `YYYY-MM-DD`.
    public var start: String
    /// `YYYY-MM-DD`, inclusive.
    public var end: String
    /// As printed, e.g. 令和3年（2021年）6月8日（火）～7月16日（金）.
    public var label: String

    public init(start: String, end: String, label: String) {
        self.start = start
        self.end = end
        self.label = label
    }
}

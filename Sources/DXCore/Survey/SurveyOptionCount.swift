/// An option as stored: label and count only. Everything else about it is derived.
public struct SurveyOptionCount: Sendable, Equatable {
    public var number: Int
    public var label: String
    public var count: Int

    public init(number: Int, label: String, count: Int) {
        self.number = number
        self.label = label
        self.count = count
    }
}

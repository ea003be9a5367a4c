/// Where a KPI started: a value at a date (`YYYY-MM-DD`). Achievement is measured from it.
public struct KPIBaseline: Sendable, Equatable, Codable {
    public var value: Double
    public var date: String

    public init(value: Double, date: String) {
        self.value = value
        self.date = date
    }
}

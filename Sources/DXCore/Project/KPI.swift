/// A project's key performance indicator: what is measured, in which unit, the target and
/// the value reached so far (`actual` is null until something has been measured).
public struct KPI: Sendable, Equatable, Codable {
    public var name: String
    public var unit: String
    public var target: Double
    public var actual: Double?

    public init(name: String, unit: String, target: Double, actual: Double? = nil) {
        self.name = name
        self.unit = unit
        self.target = target
        self.actual = actual
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(unit, forKey: .unit)
        try container.encode(target, forKey: .target)
        // null rather than absent: the field set of a KPI is always the same four.
        try container.encode(actual, forKey: .actual)
    }
}

/// A two-sided interval for a proportion; serialised as `[low, high]` so charts can use it directly.
public struct ConfidenceInterval: Codable, Sendable, Equatable {
    public var low: Double
    public var high: Double

    public init(low: Double, high: Double) {
        self.low = low
        self.high = high
    }

    public init(from decoder: any Decoder) throws {
        var c = try decoder.unkeyedContainer()
        low = try c.decode(Double.self)
        high = try c.decode(Double.self)
        if !c.isAtEnd {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "an interval has exactly two bounds")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.unkeyedContainer()
        try c.encode(low)
        try c.encode(high)
    }
}

/// One of the three basic policies (基本方針).
public struct Policy: Codable, Sendable, Equatable {
    public var id: Int
    public var title: String
    public var goal: String
    public var measureCount: Int
    public var projectCount: Int
    /// Live projects under the policy's measures, by status.
    public var statusCounts = StatusCounts()

    enum CodingKeys: String, CodingKey {
        case id, title, goal
        case measureCount = "measure_count"
        case projectCount = "project_count"
        case statusCounts = "status_counts"
    }
}

/// A policy with its measures: `GET /api/v1/policies/{id}`. Encodes as the policy's own
/// fields plus `measures`, not as a nested object.
public struct PolicyDetail: Codable, Sendable, Equatable {
    public var policy: Policy
    public var measures: [Measure]

    public init(policy: Policy, measures: [Measure]) {
        self.policy = policy
        self.measures = measures
    }

    enum CodingKeys: String, CodingKey { case measures }

    public init(from decoder: any Decoder) throws {
        policy = try Policy(from: decoder)
        measures = try decoder.container(keyedBy: CodingKeys.self).decode([Measure].self, forKey: .measures)
    }

    public func encode(to encoder: any Encoder) throws {
        try policy.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(measures, forKey: .measures)
    }
}

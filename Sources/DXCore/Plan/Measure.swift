/// A measure (取組) under a policy, e.g. `1-7 AIチャットボットの導入`.
public struct Measure: Codable, Sendable, Equatable {
    /// `"<policy>-<position>"`, e.g. `"1-7"`.
    public var code: String
    public var policyID: Int
    /// Order within the policy, from 1.
    public var position: Int
    public var title: String
    /// Live (not archived) projects filed under this measure.
    public var projectCount: Int
    /// Those live projects by status.
    public var statusCounts = StatusCounts()

    enum CodingKeys: String, CodingKey {
        case code
        case policyID = "policy_id"
        case position, title
        case projectCount = "project_count"
        case statusCounts = "status_counts"
    }
}

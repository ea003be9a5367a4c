/// `GET /api/v1/progress`: how far the projects have come, per policy and per measure.
/// Archived projects do not count.
public struct ProgressReport: Sendable, Equatable, Encodable {
    public struct PolicyProgress: Sendable, Equatable, Encodable {
        public var id: Int
        public var title: String
        public var projectCount: Int
        public var statusCounts: StatusCounts
        /// Null when the policy has no projects: there is nothing to average.
        public var meanProgress: Double?
        /// Issue 12: its projects' KPIs on track, off track and not assessable.
        public var kpis = KPITrackCounts()

        enum CodingKeys: String, CodingKey {
            case id, title, kpis
            case projectCount = "project_count"
            case statusCounts = "status_counts"
            case meanProgress = "mean_progress"
        }

        // Written out because the synthesized encoder omits a nil `mean_progress`; the API
        // promises the member, as null, for a policy with no projects. Same for measures below.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(title, forKey: .title)
            try c.encode(projectCount, forKey: .projectCount)
            try c.encode(statusCounts, forKey: .statusCounts)
            try c.encode(meanProgress, forKey: .meanProgress)
            try c.encode(kpis, forKey: .kpis)
        }
    }

    public struct MeasureProgress: Sendable, Equatable, Encodable {
        public var code: String
        public var policyID: Int
        public var title: String
        public var projectCount: Int
        public var statusCounts: StatusCounts
        public var meanProgress: Double?
        /// Issue 12: its projects' KPIs on track, off track and not assessable.
        public var kpis = KPITrackCounts()

        enum CodingKeys: String, CodingKey {
            case code, title, kpis
            case policyID = "policy_id"
            case projectCount = "project_count"
            case statusCounts = "status_counts"
            case meanProgress = "mean_progress"
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(code, forKey: .code)
            try c.encode(policyID, forKey: .policyID)
            try c.encode(title, forKey: .title)
            try c.encode(projectCount, forKey: .projectCount)
            try c.encode(statusCounts, forKey: .statusCounts)
            try c.encode(meanProgress, forKey: .meanProgress)
            try c.encode(kpis, forKey: .kpis)
        }
    }

    public var policies: [PolicyProgress]
    public var measures: [MeasureProgress]
}

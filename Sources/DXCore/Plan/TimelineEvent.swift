/// A dated step in the plan's background (背景).
public struct TimelineEvent: Codable, Sendable, Equatable {
    public enum Scope: String, Codable, Sendable, CaseIterable {
        /// 国の動向.
        case national
        /// 本市の取組.
        case city
    }

    /// Year and month, `"2016-12"`.
    public var date: String
    public var scope: Scope
    public var title: String

    enum CodingKeys: String, CodingKey { case date, scope, title }
}

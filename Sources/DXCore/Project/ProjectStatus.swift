/// Where a project is in its life. The raw values are the API's and the database's.
public enum ProjectStatus: String, Sendable, CaseIterable, Codable {
    case planned
    case inProgress = "in_progress"
    case completed
    case onHold = "on_hold"
    case cancelled

    /// The Japanese label citizens see (`status_label`).
    public var label: String {
        switch self {
        case .planned: "未着手"
        case .inProgress: "実施中"
        case .completed: "完了"
        case .onHold: "休止"
        case .cancelled: "中止"
        }
    }

    /// The contract's transition table. Staying in the same status is not a transition.
    public var allowedTargets: [ProjectStatus] {
        switch self {
        case .planned: [.inProgress, .onHold, .cancelled]
        case .inProgress: [.completed, .onHold, .cancelled]
        case .onHold: [.inProgress, .cancelled]
        case .completed: [.inProgress]
        case .cancelled: [.planned]
        }
    }

    public func canMove(to target: ProjectStatus) -> Bool { allowedTargets.contains(target) }

    /// Every raw value, for messages that list what is accepted.
    public static var rawValues: [String] { allCases.map(\.rawValue) }
}

/// Live projects per status; every status is present, zero or not, so clients need no
/// missing-key handling.
public struct StatusCounts: Sendable, Equatable, Codable {
    public var planned = 0
    public var inProgress = 0
    public var completed = 0
    public var onHold = 0
    public var cancelled = 0

    public init(planned: Int = 0, inProgress: Int = 0, completed: Int = 0, onHold: Int = 0, cancelled: Int = 0) {
        self.planned = planned
        self.inProgress = inProgress
        self.completed = completed
        self.onHold = onHold
        self.cancelled = cancelled
    }

    enum CodingKeys: String, CodingKey {
        case planned
        case inProgress = "in_progress"
        case completed
        case onHold = "on_hold"
        case cancelled
    }

    public var total: Int { planned + inProgress + completed + onHold + cancelled }

    /// The SQL aggregate columns, in the order `init(row:at:)` reads them, over a table
    /// aliased `p`.
    static let sqlAggregates = ProjectStatus.allCases.map { "coalesce(sum(p.status = '\($0.rawValue)'), 0)" }
        .joined(separator: ", ")

    init(_ statement: Statement, from index: Int) {
        self.init(planned: statement.int(at: index), inProgress: statement.int(at: index + 1), completed: statement.int(at: index + 2),
                  onHold: statement.int(at: index + 3), cancelled: statement.int(at: index + 4))
    }

    static func + (lhs: StatusCounts, rhs: StatusCounts) -> StatusCounts {
        StatusCounts(planned: lhs.planned + rhs.planned, inProgress: lhs.inProgress + rhs.inProgress,
                     completed: lhs.completed + rhs.completed, onHold: lhs.onHold + rhs.onHold, cancelled: lhs.cancelled + rhs.cancelled)
    }
}

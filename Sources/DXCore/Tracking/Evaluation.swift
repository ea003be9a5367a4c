/// One periodic evaluation of a project (達成状況の評価); one per project and period.
public struct Evaluation: Sendable, Equatable, Encodable {
    public var projectID: Int
    public var period: EvaluationPeriod
    public var rating: EvaluationRating
    /// Free text, multi-line, at most `EvaluationDraft.maxCommentLength` characters; "" when none.
    public var comment: String
    /// The admin token's name that made it.
    public var evaluatedBy: String
    /// RFC 3339 UTC with milliseconds, when it was made.
    public var evaluatedAt: String
    /// Bumped by every correction; the strong ETag is derived from it.
    public var version: Int
    /// When it was last corrected (`evaluated_at` until then).
    public var updatedAt: String

    public init(projectID: Int, period: EvaluationPeriod, rating: EvaluationRating, comment: String, evaluatedBy: String,
                evaluatedAt: String, version: Int, updatedAt: String) {
        self.projectID = projectID
        self.period = period
        self.rating = rating
        self.comment = comment
        self.evaluatedBy = evaluatedBy
        self.evaluatedAt = evaluatedAt
        self.version = version
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case projectID = "project_id", period, periodLabel = "period_label", fiscalYear = "fiscal_year", rating
        case ratingLabel = "rating_label", comment, evaluatedBy = "evaluated_by", evaluatedAt = "evaluated_at", version
        case updatedAt = "updated_at"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(projectID, forKey: .projectID)
        try c.encode(period.description, forKey: .period)
        try c.encode(period.label, forKey: .periodLabel)
        try c.encode(period.fiscalYear, forKey: .fiscalYear)
        try c.encode(rating.rawValue, forKey: .rating)
        try c.encode(rating.label, forKey: .ratingLabel)
        try c.encode(comment, forKey: .comment)
        try c.encode(evaluatedBy, forKey: .evaluatedBy)
        try c.encode(evaluatedAt, forKey: .evaluatedAt)
        try c.encode(version, forKey: .version)
        try c.encode(updatedAt, forKey: .updatedAt)
    }
}

extension Evaluation: NaturallyOrdered {
    /// Oldest period first (H1, H2, then the whole year).
    public static let naturalOrder = KeysetOrder(name: "period", columns: [KeysetOrder.Column("period_order", .integer)])
    public var sortPosition: [SortValue] { [SortValue(period.order)] }
}

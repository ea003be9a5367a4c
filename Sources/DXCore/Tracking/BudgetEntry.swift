/// A project's budget for one fiscal year: planned against spent, in whole yen.
public struct BudgetEntry: Sendable, Equatable, Encodable {
    public var projectID: Int
    public var fiscalYear: Int
    /// 0…`BudgetDraft.maxYen`.
    public var plannedYen: Int
    /// nil until the year is settled (決算); 0…`BudgetDraft.maxYen`.
    public var actualYen: Int?
    public var note: String
    public var version: Int
    public var createdAt: String
    public var updatedAt: String

    public init(projectID: Int, fiscalYear: Int, plannedYen: Int, actualYen: Int?, note: String, version: Int,
                createdAt: String, updatedAt: String) {
        self.projectID = projectID
        self.fiscalYear = fiscalYear
        self.plannedYen = plannedYen
        self.actualYen = actualYen
        self.note = note
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case projectID = "project_id", fiscalYear = "fiscal_year", fiscalYearLabel = "fiscal_year_label"
        case plannedYen = "planned_yen", actualYen = "actual_yen", note, version, createdAt = "created_at", updatedAt = "updated_at"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(projectID, forKey: .projectID)
        try c.encode(fiscalYear, forKey: .fiscalYear)
        try c.encode(EvaluationPeriod.eraLabel(fiscalYear), forKey: .fiscalYearLabel)
        try c.encode(plannedYen, forKey: .plannedYen)
        // Always present: null says "not settled yet".
        try c.encode(actualYen, forKey: .actualYen)
        try c.encode(note, forKey: .note)
        try c.encode(version, forKey: .version)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(updatedAt, forKey: .updatedAt)
    }
}

extension BudgetEntry: NaturallyOrdered {
    public static let naturalOrder = KeysetOrder(name: "fiscal_year", columns: [KeysetOrder.Column("fiscal_year", .integer)])
    public var sortPosition: [SortValue] { [SortValue(fiscalYear)] }
}

/// A row of `GET /api/v1/budget`: one policy's or one measure's budget for one fiscal year.
public struct BudgetTotal: Sendable, Equatable, Encodable {
    public enum Level: String, Sendable, Encodable {
        case policy, measure
    }

    public var fiscalYear: Int
    public var level: Level
    public var policyID: Int
    /// nil on a policy row.
    public var measureCode: String?
    public var title: String
    public var plannedYen: Int
    /// Sum of the settled actuals; nil when none is settled.
    public var actualYen: Int?
    public var projectCount: Int
    public var settledCount: Int
    /// Policies, then each policy's measures in the plan's order: `policy * 100 + position`.
    public var ordinal: Int

    enum CodingKeys: String, CodingKey {
        case fiscalYear = "fiscal_year", fiscalYearLabel = "fiscal_year_label", level, policyID = "policy_id", measureCode = "measure_code"
        case title, plannedYen = "planned_yen", actualYen = "actual_yen", projectCount = "project_count", settledCount = "settled_count"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(fiscalYear, forKey: .fiscalYear)
        try c.encode(EvaluationPeriod.eraLabel(fiscalYear), forKey: .fiscalYearLabel)
        try c.encode(level, forKey: .level)
        try c.encode(policyID, forKey: .policyID)
        try c.encode(measureCode, forKey: .measureCode)
        try c.encode(title, forKey: .title)
        try c.encode(plannedYen, forKey: .plannedYen)
        try c.encode(actualYen, forKey: .actualYen)
        try c.encode(projectCount, forKey: .projectCount)
        try c.encode(settledCount, forKey: .settledCount)
    }

    /// Every policy and measure for each fiscal year some live project has a budget for (or
    /// only `fiscalYear`), zeros included, so that each year's table is complete.
    public static func read(_ db: Database, fiscalYear: Int? = nil) throws -> [BudgetTotal] {
        let rollup = try TrackingRollup.read(db, fiscalYear: fiscalYear)
        var years = Set(rollup.policies.values.flatMap { $0.budget.map(\.fiscalYear) })
        if let fiscalYear { years.insert(fiscalYear) }
        let policies = try db.rows("SELECT id, title FROM policies ORDER BY id", []) { ($0.int(at: 0), $0.string(at: 1)) }
        let measures = try db.rows("SELECT code, policy_id, title, position FROM measures ORDER BY policy_id, position", []) {
            ($0.string(at: 0), $0.int(at: 1), $0.string(at: 2), $0.int(at: 3))
        }
        var rows: [BudgetTotal] = []
        for year in years.sorted() {
            func budget(_ group: TrackingRollup.Group?) -> TrackingRollup.YearBudget {
                group?.budget.first { $0.fiscalYear == year }
                    ?? TrackingRollup.YearBudget(fiscalYear: year, plannedYen: 0, actualYen: nil, projectCount: 0, settledCount: 0)
            }
            for (id, title) in policies {
                let sum = budget(rollup.policies[id])
                rows.append(BudgetTotal(fiscalYear: year, level: .policy, policyID: id, measureCode: nil, title: title, plannedYen: sum.plannedYen,
                                        actualYen: sum.actualYen, projectCount: sum.projectCount, settledCount: sum.settledCount, ordinal: id * 100))
                for (code, policy, measureTitle, position) in measures where policy == id {
                    let sum = budget(rollup.measures[code])
                    rows.append(BudgetTotal(fiscalYear: year, level: .measure, policyID: id, measureCode: code, title: measureTitle,
                                            plannedYen: sum.plannedYen, actualYen: sum.actualYen, projectCount: sum.projectCount,
                                            settledCount: sum.settledCount, ordinal: id * 100 + min(max(position, 1), 99)))
                }
            }
        }
        return rows
    }
}

extension BudgetTotal: NaturallyOrdered {
    public static let naturalOrder = KeysetOrder(
        name: "fiscal_year", columns: [KeysetOrder.Column("fiscal_year", .integer), KeysetOrder.Column("ordinal", .integer)])
    public var sortPosition: [SortValue] { [SortValue(fiscalYear), SortValue(ordinal)] }
}

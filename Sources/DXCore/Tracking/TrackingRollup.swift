/// Evaluations and budgets summed per measure and per policy, over live projects: what
/// `GET /api/v1/progress` adds to each policy and measure, and what `GET /api/v1/budget` lists.
public struct TrackingRollup: Sendable, Equatable {
    /// How many live projects have each rating as their latest evaluation (the period that
    /// comes last: a year's H1 < H2 < the whole year), and how many have none.
    public struct RatingCounts: Sendable, Equatable, Encodable {
        public var a = 0, b = 0, c = 0, d = 0
        public var unevaluated = 0

        enum CodingKeys: String, CodingKey { case a = "A", b = "B", c = "C", d = "D", unevaluated }

        mutating func add(_ rating: EvaluationRating?, count: Int) {
            switch rating {
            case .a: a += count
            case .b: b += count
            case .c: c += count
            case .d: d += count
            case nil: unevaluated += count
            }
        }

        mutating func add(_ other: RatingCounts) {
            a += other.a
            b += other.b
            c += other.c
            d += other.d
            unevaluated += other.unevaluated
        }
    }

    /// One fiscal year's budget summed over a group's live projects.
    public struct YearBudget: Sendable, Equatable, Encodable {
        public var fiscalYear: Int
        /// Sum of `planned_yen`.
        public var plannedYen: Int
        /// Sum of the settled `actual_yen`; nil when no project of the year is settled.
        public var actualYen: Int?
        /// Projects with a budget for the year, and how many of them are settled.
        public var projectCount: Int
        public var settledCount: Int

        enum CodingKeys: String, CodingKey {
            case fiscalYear = "fiscal_year", plannedYen = "planned_yen", actualYen = "actual_yen"
            case projectCount = "project_count", settledCount = "settled_count"
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(fiscalYear, forKey: .fiscalYear)
            try c.encode(plannedYen, forKey: .plannedYen)
            try c.encode(actualYen, forKey: .actualYen)
            try c.encode(projectCount, forKey: .projectCount)
            try c.encode(settledCount, forKey: .settledCount)
        }

        mutating func add(_ other: YearBudget) {
            plannedYen += other.plannedYen
            if let more = other.actualYen { actualYen = (actualYen ?? 0) + more }
            projectCount += other.projectCount
            settledCount += other.settledCount
        }
    }

    public struct Group: Sendable, Equatable {
        public var ratings = RatingCounts()
        /// Oldest year first; only years some project has a budget for.
        public var budget: [YearBudget] = []
    }

    /// Keyed by policy id and by measure code; every policy and measure is present.
    public var policies: [Int: Group]
    public var measures: [String: Group]

    /// From one read snapshot. `fiscalYear` limits the budget to that year.
    public static func read(_ db: Database, fiscalYear: Int? = nil) throws -> TrackingRollup {
        var policies: [Int: Group] = [:]
        var measures: [String: Group] = [:]
        var policyOfMeasure: [String: Int] = [:]
        for (code, policy) in try db.rows("SELECT code, policy_id FROM measures", [], { ($0.string(at: 0), $0.int(at: 1)) }) {
            policyOfMeasure[code] = policy
            measures[code] = Group()
            policies[policy] = Group()
        }
        for (id) in try db.rows("SELECT id FROM policies", [], { $0.int(at: 0) }) where policies[id] == nil { policies[id] = Group() }
        let ratings = try db.rows("""
            SELECT p.measure_code,
                   (SELECT e.rating FROM project_evaluations e WHERE e.project_id = p.id ORDER BY e.period_order DESC LIMIT 1) AS latest,
                   count(*)
            FROM projects p WHERE p.archived_at IS NULL
            GROUP BY p.measure_code, latest
            """, []) { ($0.string(at: 0), $0.optionalString(at: 1).flatMap(EvaluationRating.init(rawValue:)), $0.int(at: 2)) }
        for (code, rating, count) in ratings {
            measures[code, default: Group()].ratings.add(rating, count: count)
            if let policy = policyOfMeasure[code] { policies[policy, default: Group()].ratings.add(rating, count: count) }
        }
        let yearFilter = fiscalYear == nil ? "" : " AND b.fiscal_year = ?"
        let budgets = try db.rows("""
            SELECT p.measure_code, b.fiscal_year, sum(b.planned_yen), sum(b.actual_yen), count(*), count(b.actual_yen)
            FROM project_budgets b JOIN projects p ON p.id = b.project_id AND p.archived_at IS NULL
            WHERE 1 = 1\(yearFilter)
            GROUP BY p.measure_code, b.fiscal_year ORDER BY b.fiscal_year
            """, fiscalYear.map { [SQLiteValue($0)] } ?? []) { row in
            (row.string(at: 0), YearBudget(fiscalYear: row.int(at: 1), plannedYen: row.int(at: 2), actualYen: row.optionalInt(at: 3),
                                           projectCount: row.int(at: 4), settledCount: row.int(at: 5)))
        }
        for (code, year) in budgets {
            measures[code, default: Group()].budget.append(year)
            guard let policy = policyOfMeasure[code] else { continue }
            var group = policies[policy, default: Group()]
            if let index = group.budget.firstIndex(where: { $0.fiscalYear == year.fiscalYear }) {
                group.budget[index].add(year)
            } else {
                group.budget.append(year)
            }
            policies[policy] = group
        }
        return TrackingRollup(policies: policies, measures: measures)
    }
}

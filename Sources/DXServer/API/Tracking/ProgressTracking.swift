import DXCore

/// What evaluations and budgets add to `GET /api/v1/progress`: on each policy and each
/// measure, `ratings` (latest evaluation per live project: `A`–`D`, `unevaluated`) and
/// `budget` (per fiscal year: `planned_yen`, `actual_yen`, `project_count`, `settled_count`).
/// Kept apart from `ProgressReport` so that other roll-ups can join it the same way.
enum ProgressTracking {
    /// `report` as JSON with the roll-up's members added; sums are exact up to 2^53 yen.
    static func response(_ report: ProgressReport, pool: DatabasePool) throws -> HTTPResponse {
        let rollup = try BudgetStore(pool: pool).rollup()
        guard case .object(var document) = try JSONReader.read(try JSONBody.encode(report)) else {
            return try .json(report)
        }
        func add(_ key: String, _ group: (JSONValue) -> TrackingRollup.Group?) throws {
            guard case .array(let items)? = document[key] else { return }
            document[key] = .array(try items.map { item in
                guard case .object(var members) = item, let group = group(item) else { return item }
                members["ratings"] = try JSONReader.read(try JSONBody.encode(group.ratings))
                members["budget"] = try JSONReader.read(try JSONBody.encode(group.budget))
                return .object(members)
            })
        }
        try add("policies") { item in
            guard case .object(let m) = item, case .number(let id)? = m["id"] else { return nil }
            return rollup.policies[Int(id)]
        }
        try add("measures") { item in
            guard case .object(let m) = item, case .string(let code)? = m["code"] else { return nil }
            return rollup.measures[code]
        }
        return .json(.object(document))
    }
}

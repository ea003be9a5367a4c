/// A field of the project listing that `?facets=` can count. The raw value is the facet's
/// name in the API and the filter parameter it stands beside.
public enum ProjectFacet: String, Sendable, CaseIterable {
    case status
    case department
    case fiscalYear = "fiscal_year"
    case measure
    case policy

    /// Counts for `facets` over the projects `query` selects, each facet ignoring its own
    /// filter; in the caller's read transaction, so they agree with the page read beside them.
    /// Every query reads `projects` through its partial indexes and groups before it joins.
    static func counts(_ facets: [ProjectFacet], query: ProjectQuery, in db: Database) throws -> FacetCounts {
        var result = FacetCounts()
        for facet in facets {
            let conditions = query.conditions(ignoring: facet)
            let whereClause = KeysetQuery.whereClause(conditions)
            let arguments = conditions.flatMap(\.arguments)
            let values: [FacetCount]
            switch facet {
            case .status:
                let counts = Dictionary(uniqueKeysWithValues: try db.rows(
                    "SELECT p.status, count(*) FROM projects p\(whereClause) GROUP BY p.status", arguments) {
                    ($0.string(at: 0), $0.int(at: 1))
                })
                values = ProjectStatus.allCases.compactMap { status in
                    counts[status.rawValue].map { FacetCount(value: .text(status.rawValue), label: status.label, count: $0) }
                }
            case .department:
                values = try db.rows(
                    "SELECT p.department, count(*) FROM projects p\(whereClause) GROUP BY p.department ORDER BY p.department",
                    arguments) { FacetCount(value: .text($0.string(at: 0)), label: $0.string(at: 0), count: $0.int(at: 1)) }
            case .measure:
                values = try db.rows("""
                    SELECT m.code, m.title, c.n FROM (SELECT p.measure_code AS code, count(*) AS n FROM projects p\(whereClause)
                    GROUP BY p.measure_code) c JOIN measures m ON m.code = c.code ORDER BY m.policy_id, m.position
                    """, arguments) { FacetCount(value: .text($0.string(at: 0)), label: $0.string(at: 1), count: $0.int(at: 2)) }
            case .policy:
                values = try db.rows("""
                    SELECT po.id, po.title, sum(c.n) FROM (SELECT p.measure_code AS code, count(*) AS n FROM projects p\(whereClause)
                    GROUP BY p.measure_code) c JOIN measures m ON m.code = c.code JOIN policies po ON po.id = m.policy_id
                    GROUP BY po.id ORDER BY po.id
                    """, arguments) { FacetCount(value: .integer($0.int64(at: 0)), label: $0.string(at: 1), count: $0.int(at: 2)) }
            case .fiscalYear:
                values = try fiscalYearCounts(whereClause: whereClause, arguments: arguments, in: db)
            }
            result.fields.append((name: facet.rawValue, values: values))
        }
        return result
    }

    /// A project counts in every year it runs, so the years are summed in one scan over the
    /// span the filtered projects cover (bounded by the validator's fiscal-year range).
    static func fiscalYearCounts(whereClause: String, arguments: [SQLiteValue], in db: Database) throws -> [FacetCount] {
        let span = try db.rows("SELECT min(p.start_fiscal_year), max(p.end_fiscal_year) FROM projects p\(whereClause)", arguments) {
            ($0.optionalInt(at: 0), $0.optionalInt(at: 1))
        }.first
        guard let span, let low = span.0, let high = span.1 else { return [] }
        let years = ProjectValidator.fiscalYears.clamped(to: low...max(low, high))
        guard !years.isEmpty else { return [] }
        let sums = years.map { "sum(p.start_fiscal_year <= \($0) AND p.end_fiscal_year >= \($0))" }.joined(separator: ", ")
        guard let row = try db.rows("SELECT \(sums) FROM projects p\(whereClause)", arguments, { row in
            (0..<years.count).map { row.int(at: $0) }
        }).first else { return [] }
        return zip(years, row).compactMap { year, count in
            count > 0 ? FacetCount(value: .integer(Int64(year)), label: FiscalYearLabel.label(year), count: count) : nil
        }
    }
}

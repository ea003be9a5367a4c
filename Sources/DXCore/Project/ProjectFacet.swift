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
    /// Every query reads `projects` through its partial indexes, or the running counts of
    /// migrations 0008 and 0011, and groups before it joins.
    static func counts(_ facets: [ProjectFacet], query: ProjectQuery, in db: Database) throws -> FacetCounts {
        var result = FacetCounts()
        // Filtered counts read the covering facet index (migration 0007): SQLite's planner
        // would pick a one-column index and fetch every matching row from the table (≈ 10×
        // slower at 100,000 rows). Unfiltered ones, and searches (which start from the FTS
        // index), are left to the planner: its ordered one-column indexes group without sorting.
        // A fiscal-year filter without a status filter reads the index that leads with the
        // years (migration 0008), a range instead of the whole index.
        func indexHint(_ conditions: [SQLFragment], ignoring facet: ProjectFacet?) -> String {
            guard conditions.count > 1, query.search == nil else { return "" }
            let byYears = !query.fiscalYears.isEmpty && facet != .fiscalYear && (query.statuses.isEmpty || facet == .status)
            return byYears ? " INDEXED BY projects_year_facets" : " INDEXED BY projects_facets"
        }
        // With no filter but the facet's own (nor a search or `updated_since`), the counts are
        // the running totals of migration 0008: no row of `projects` is read.
        func isWholeSet(_ conditions: [SQLFragment]) -> Bool { conditions.count == 1 }
        // Under status, fiscal-year, measure and policy filters only, the status, fiscal-year,
        // measure and policy counts sum the per-combination counts of migration 0011 (a few
        // thousand rows) instead of counting matching projects: those filters name only its
        // columns. It holds live projects only, so `p.archived_at IS NULL` (always the first
        // condition) is dropped. Department, search and updated_since filters need `projects`.
        let cubeServes = query.departments.isEmpty && query.search == nil && query.updatedSince == nil
        /// `FROM … WHERE …` and the count expression for a filtered count ignoring `facet`.
        func source(_ conditions: [SQLFragment], ignoring facet: ProjectFacet?) -> (from: String, count: String) {
            if cubeServes {
                return (" FROM project_facet_cube p" + KeysetQuery.whereClause(Array(conditions.dropFirst())), "sum(p.n)")
            }
            return (" FROM projects p" + indexHint(conditions, ignoring: facet) + KeysetQuery.whereClause(conditions), "count(*)")
        }
        // Measure and policy filters are both predicates on measure_code, so one count per
        // measure ignoring both serves both facets (each then applies the other's filter).
        var perMeasure: [(code: String, policyID: Int, title: String, count: Int)]?
        func measureCounts() throws -> [(code: String, policyID: Int, title: String, count: Int)] {
            if let perMeasure { return perMeasure }
            var both = query
            both.measureCodes = []
            both.policyIDs = []
            let conditions = both.conditions(ignoring: nil)
            if isWholeSet(conditions) {
                let counted = try db.rows("""
                    SELECT m.code, m.policy_id, m.title, t.n FROM project_facet_totals t JOIN measures m ON m.code = t.value
                    WHERE t.field = 'measure' ORDER BY m.policy_id, m.position
                    """) { (code: $0.string(at: 0), policyID: $0.int(at: 1), title: $0.string(at: 2), count: $0.int(at: 3)) }
                perMeasure = counted
                return counted
            }
            let counted = source(conditions, ignoring: .measure)
            let rows = try db.rows("""
                SELECT m.code, m.policy_id, m.title, c.n FROM (SELECT p.measure_code AS code, \(counted.count) AS n\(counted.from)
                GROUP BY p.measure_code) c JOIN measures m ON m.code = c.code ORDER BY m.policy_id, m.position
                """, conditions.flatMap(\.arguments)) { (code: $0.string(at: 0), policyID: $0.int(at: 1), title: $0.string(at: 2), count: $0.int(at: 3)) }
            perMeasure = rows
            return rows
        }
        for facet in facets {
            let conditions = query.conditions(ignoring: facet)
            let whereClause = indexHint(conditions, ignoring: facet) + KeysetQuery.whereClause(conditions)
            let arguments = conditions.flatMap(\.arguments)
            let wholeSet = isWholeSet(conditions)
            let values: [FacetCount]
            switch facet {
            case .status:
                let counted = source(conditions, ignoring: .status)
                let counts = Dictionary(uniqueKeysWithValues: try wholeSet ? totals("status", in: db) : db.rows(
                    "SELECT p.status, \(counted.count)\(counted.from) GROUP BY p.status", arguments) {
                    ($0.string(at: 0), $0.int(at: 1))
                })
                values = ProjectStatus.allCases.compactMap { status in
                    counts[status.rawValue].map { FacetCount(value: .text(status.rawValue), label: status.label, count: $0) }
                }
            case .department:
                values = try (wholeSet ? totals("department", in: db) : db.rows(
                    "SELECT p.department, count(*) FROM projects p\(whereClause) GROUP BY p.department ORDER BY p.department",
                    arguments) { ($0.string(at: 0), $0.int(at: 1)) }).map { FacetCount(value: .text($0.0), label: $0.0, count: $0.1) }
            case .measure:
                let policies = try policyMeasureCodes(query, in: db)
                values = try measureCounts().filter { policies?.contains($0.code) ?? true }
                    .map { FacetCount(value: .text($0.code), label: $0.title, count: $0.count) }
            case .policy:
                let measures = Set(query.measureCodes)
                var sums: [(id: Int, count: Int)] = []
                for row in try measureCounts() where measures.isEmpty || measures.contains(row.code) {
                    if let last = sums.last, last.id == row.policyID { sums[sums.count - 1].count += row.count } else { sums.append((row.policyID, row.count)) }
                }
                let titles = Dictionary(uniqueKeysWithValues: try db.rows("SELECT id, title FROM policies") { ($0.int(at: 0), $0.string(at: 1)) })
                values = sums.map { FacetCount(value: .integer(Int64($0.id)), label: titles[$0.id] ?? String($0.id), count: $0.count) }
            case .fiscalYear:
                values = try fiscalYearCounts(source: wholeSet ? nil : source(conditions, ignoring: .fiscalYear), arguments: arguments, in: db)
            }
            result.fields.append((name: facet.rawValue, values: values))
        }
        return result
    }

    /// The running totals of `field` (migration 0008), ordered by value as `ORDER BY` on the
    /// column would order them.
    static func totals(_ field: String, in db: Database) throws -> [(String, Int)] {
        try db.rows("SELECT value, n FROM project_facet_totals WHERE field = ? ORDER BY value", [.text(field)]) {
            ($0.string(at: 0), $0.int(at: 1))
        }
    }

    /// The measure codes under the query's policy filter; nil without one.
    static func policyMeasureCodes(_ query: ProjectQuery, in db: Database) throws -> Set<String>? {
        guard !query.policyIDs.isEmpty else { return nil }
        let inList = ProjectQuery.oneOf("policy_id", query.policyIDs.map { SQLiteValue($0) })
        return Set(try db.rows("SELECT code FROM measures WHERE \(inList.sql)", inList.arguments) { $0.string(at: 0) })
    }

    /// A project counts in every year it runs. The (start, end) pairs are few, so they are
    /// counted in SQL (one scan of the fiscal-year index) and spread over their years here,
    /// bounded by the validator's fiscal-year range.
    /// `source`: the `FROM … WHERE …` text and count expression of the filtered count; nil: the
    /// whole set, from the running totals.
    static func fiscalYearCounts(source: (from: String, count: String)?, arguments: [SQLiteValue], in db: Database) throws -> [FacetCount] {
        var perYear: [Int: Int] = [:]
        let pairs: [(start: Int, end: Int, count: Int)]
        if let source {
            pairs = try db.rows(
                "SELECT p.start_fiscal_year, p.end_fiscal_year, \(source.count)\(source.from) GROUP BY 1, 2", arguments) {
                (start: $0.int(at: 0), end: $0.int(at: 1), count: $0.int(at: 2))
            }
        } else {
            // 'START-END' (years are positive, so the only '-' is the separator).
            pairs = try db.rows("""
                SELECT CAST(substr(value, 1, instr(value, '-') - 1) AS INTEGER), CAST(substr(value, instr(value, '-') + 1) AS INTEGER), n
                FROM project_facet_totals WHERE field = 'fiscal_years'
                """) { (start: $0.int(at: 0), end: $0.int(at: 1), count: $0.int(at: 2)) }
        }
        for pair in pairs {
            let years = ProjectValidator.fiscalYears.clamped(to: min(pair.start, pair.end)...max(pair.start, pair.end))
            for year in years { perYear[year, default: 0] += pair.count }
        }
        return perYear.keys.sorted().map { FacetCount(value: .integer(Int64($0)), label: FiscalYearLabel.label($0), count: perYear[$0] ?? 0) }
    }
}

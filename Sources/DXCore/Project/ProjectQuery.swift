/// The order of a project listing. `id` is the tie-breaker of every order, in the order's own
/// direction, so every row has one position and keyset paging is stable.
public enum ProjectSort: String, Sendable, CaseIterable {
    case id
    case title
    case updatedAt = "updated_at"
    case updatedAtDescending = "-updated_at"

    /// The keyset order; its name is the `sort` value, so a cursor names the sort it was made
    /// for. Titles compare by their UTF-8 bytes (SQLite's BINARY collation, the column's).
    public var order: KeysetOrder {
        let id = KeysetOrder.Column("p.id", .integer)
        return switch self {
        case .id: KeysetOrder(name: rawValue, columns: [id])
        case .title: KeysetOrder(name: rawValue, columns: [KeysetOrder.Column("p.title", .text), id])
        case .updatedAt: KeysetOrder(name: rawValue, columns: [KeysetOrder.Column("p.updated_at", .text), id])
        case .updatedAtDescending:
            KeysetOrder(name: rawValue, columns: [KeysetOrder.Column("p.updated_at", .text), id], direction: .descending)
        }
    }

    var orderBy: String { order.orderBy }
}

/// The filters of `GET /api/v1/projects`, all optional and ANDed; a filter with several
/// values matches any of them (OR within the filter). Archived projects are never listed.
///
/// The conditions read the `projects` table alone (aliased `p`): the policy filter is a
/// subquery on `measures`, so counting needs no join.
public struct ProjectQuery: Sendable, Equatable {
    public var measureCodes: [String]
    public var policyIDs: [Int]
    public var statuses: [ProjectStatus]
    public var departments: [String]
    /// Projects running in any of these fiscal years: start ≤ year ≤ end.
    public var fiscalYears: [Int]
    /// Projects whose `updated_at` is at or after this instant, in the store's format
    /// (`Timestamp`, UTC with milliseconds), so the comparison is a text comparison.
    public var updatedSince: String?
    public var search: SearchQuery?
    public var sort: ProjectSort = .id

    public init(measureCodes: [String] = [], policyIDs: [Int] = [], statuses: [ProjectStatus] = [], departments: [String] = [],
                fiscalYears: [Int] = [], updatedSince: String? = nil, search: SearchQuery? = nil, sort: ProjectSort = .id) {
        self.measureCodes = measureCodes
        self.policyIDs = policyIDs
        self.statuses = statuses
        self.departments = departments
        self.fiscalYears = fiscalYears
        self.updatedSince = updatedSince
        self.search = search
        self.sort = sort
    }

    /// One value per filter, as the single-valued API offered before.
    public init(measureCode: String? = nil, policyID: Int? = nil, status: ProjectStatus? = nil, department: String? = nil,
                fiscalYear: Int? = nil, search: SearchQuery? = nil, sort: ProjectSort = .id) {
        self.init(measureCodes: measureCode.map { [$0] } ?? [], policyIDs: policyID.map { [$0] } ?? [],
                  statuses: status.map { [$0] } ?? [], departments: department.map { [$0] } ?? [],
                  fiscalYears: fiscalYear.map { [$0] } ?? [], search: search, sort: sort)
    }

    var conditions: [SQLFragment] { conditions(ignoring: nil) }

    /// The filters as SQL, leaving out the one a facet counts over (a facet shows the
    /// alternatives to its own filter, so it must not be narrowed by it).
    func conditions(ignoring facet: ProjectFacet?) -> [SQLFragment] {
        var result = [SQLFragment("p.archived_at IS NULL")]
        if facet != .measure, !measureCodes.isEmpty { result.append(Self.oneOf("p.measure_code", measureCodes.map { .text($0) })) }
        if facet != .policy, !policyIDs.isEmpty {
            let inList = Self.oneOf("policy_id", policyIDs.map { SQLiteValue($0) })
            result.append(SQLFragment("p.measure_code IN (SELECT code FROM measures WHERE \(inList.sql))", inList.arguments))
        }
        if facet != .status, !statuses.isEmpty { result.append(Self.oneOf("p.status", statuses.map { .text($0.rawValue) })) }
        if facet != .department, !departments.isEmpty { result.append(Self.oneOf("p.department", departments.map { .text($0) })) }
        if facet != .fiscalYear, !fiscalYears.isEmpty {
            let terms = fiscalYears.map { year in
                SQLFragment("(p.start_fiscal_year <= ? AND p.end_fiscal_year >= ?)", [SQLiteValue(year), SQLiteValue(year)])
            }
            result.append(SQLFragment(terms.map(\.sql).joined(separator: " OR "), terms.flatMap(\.arguments)))
        }
        if let updatedSince { result.append(SQLFragment("p.updated_at >= ?", [.text(updatedSince)])) }
        if let search {
            // Short terms are LIKE-matched over the three folded fields joined by a newline,
            // which no term contains (terms are split on whitespace).
            result.append(search.condition(
                key: "p.id", ftsTable: "projects_fts", ftsKey: "rowid",
                text: "(title || char(10) || description || char(10) || department)"))
        }
        return result
    }

    /// `column IN (?, …)`, or `column = ?` for one value (which SQLite plans the same; kept
    /// for readable query plans).
    static func oneOf(_ column: String, _ values: [SQLiteValue]) -> SQLFragment {
        if values.count == 1 { return SQLFragment("\(column) = ?", values) }
        return SQLFragment("\(column) IN (\(Array(repeating: "?", count: values.count).joined(separator: ", ")))", values)
    }
}

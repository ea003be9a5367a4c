/// The order of a project listing. `id` is the tie-breaker of every order, so paging is stable.
public enum ProjectSort: String, Sendable, CaseIterable {
    case id
    case title
    case updatedAt = "updated_at"
    case updatedAtDescending = "-updated_at"

    var orderBy: String {
        switch self {
        case .id: "p.id"
        case .title: "p.title, p.id"
        case .updatedAt: "p.updated_at, p.id"
        case .updatedAtDescending: "p.updated_at DESC, p.id DESC"
        }
    }
}

/// The filters of `GET /api/v1/projects`, all optional and ANDed. Archived projects are never
/// listed.
public struct ProjectQuery: Sendable, Equatable {
    public var measureCode: String?
    public var policyID: Int?
    public var status: ProjectStatus?
    public var department: String?
    /// Projects running in that fiscal year: start ≤ year ≤ end.
    public var fiscalYear: Int?
    public var search: SearchQuery?
    public var sort: ProjectSort = .id

    public init(measureCode: String? = nil, policyID: Int? = nil, status: ProjectStatus? = nil, department: String? = nil,
                fiscalYear: Int? = nil, search: SearchQuery? = nil, sort: ProjectSort = .id) {
        self.measureCode = measureCode
        self.policyID = policyID
        self.status = status
        self.department = department
        self.fiscalYear = fiscalYear
        self.search = search
        self.sort = sort
    }

    var conditions: [SQLFragment] {
        var result = [SQLFragment("p.archived_at IS NULL")]
        if let measureCode { result.append(SQLFragment("p.measure_code = ?", [.text(measureCode)])) }
        if let policyID { result.append(SQLFragment("m.policy_id = ?", [SQLiteValue(policyID)])) }
        if let status { result.append(SQLFragment("p.status = ?", [.text(status.rawValue)])) }
        if let department { result.append(SQLFragment("p.department = ?", [.text(department)])) }
        if let fiscalYear {
            result.append(SQLFragment("p.start_fiscal_year <= ? AND p.end_fiscal_year >= ?", [SQLiteValue(fiscalYear), SQLiteValue(fiscalYear)]))
        }
        if let search {
            // Short terms are LIKE-matched over the three folded fields joined by a newline,
            // which no term contains (terms are split on whitespace).
            result.append(search.condition(
                key: "p.id", ftsTable: "projects_fts", ftsKey: "rowid",
                text: "(title || char(10) || description || char(10) || department)"))
        }
        return result
    }
}

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

/// A collection read from SQL one page at a time: the next page is
/// `WHERE filters AND (keys) > (cursor) ORDER BY keys LIMIT n + 1` (the extra row tells
/// whether another page follows) and the total a `COUNT(*)` under the same filters, both in
/// the caller's read transaction, so a page costs the same wherever it is in the collection.
public struct KeysetQuery: Sendable {
    /// The select list, e.g. `p.id, p.title`; the order's key columns are appended to it.
    public var columns: String
    /// `FROM` and joins, e.g. `projects p JOIN measures m ON m.code = p.measure_code`.
    public var from: String
    /// ANDed filters.
    public var conditions: [SQLFragment]
    public var order: KeysetOrder
    /// What `COUNT(*)` reads, when the conditions need less than `from`: the joins that only
    /// add columns to a row cost a lookup per counted row (≈ 5× the count at 100,000 rows).
    public var countFrom: String?

    public init(columns: String, from: String, conditions: [SQLFragment], order: KeysetOrder, countFrom: String? = nil) {
        self.columns = columns
        self.from = from
        self.conditions = conditions
        self.order = order
        self.countFrom = countFrom
    }

    /// Reads one page. `row` reads a row from the columns of `columns`, by index as usual.
    /// A cursor must be of this query's order (`KeysetCursor(decoding:for:)` checks that);
    /// one of another order throws `KeysetCursorError.otherOrder` rather than restart silently.
    public func page<T>(_ request: PageRequest, in db: Database, row: (Statement) throws -> T) throws -> KeysetPage<T> {
        let total = try count(in: db)
        return try rows(request, in: db, row: row, total: total)
    }

    /// `COUNT(*)` of the rows the conditions select.
    public func count(in db: Database) throws -> Int {
        try db.rows("SELECT count(*) FROM \(countFrom ?? from)\(Self.whereClause(conditions))", conditions.flatMap(\.arguments)) {
            $0.int(at: 0)
        }.first ?? 0
    }

    /// The page without counting (`total` is what the caller passes): a streamed export
    /// reads its rows in many pages and needs no total.
    public func rows<T>(_ request: PageRequest, in db: Database, row: (Statement) throws -> T, total: Int) throws -> KeysetPage<T> {
        var filters = conditions
        if let cursor = request.after {
            guard cursor.order == order.name, order.fits(cursor.values) else {
                throw KeysetCursorError.otherOrder(cursor: cursor.order, expected: order.name)
            }
            filters.append(order.after(cursor.values))
        }
        var sql = "SELECT \(columns), \(order.columns.map(\.sql).joined(separator: ", ")) FROM \(from)"
        sql += Self.whereClause(filters) + " ORDER BY " + order.orderBy
        var arguments = filters.flatMap(\.arguments)
        if let limit = request.limit {
            sql += " LIMIT ?"
            // One more than asked for: its presence is what says a next page exists.
            arguments.append(.integer(Int64(min(limit, Int(Int32.max))) + 1))
        }
        let keyCount = order.columns.count
        var rows = try db.rows(sql, arguments) { statement in
            // The key columns are the last ones of the row, after the caller's.
            (item: try row(statement), position: Self.position(statement, from: statement.columnCount - keyCount, order: order))
        }
        var next: KeysetCursor?
        if let limit = request.limit, rows.count > limit {
            rows.removeLast(rows.count - limit)
            next = rows.last.map { KeysetCursor(order: order, values: $0.position) }
        }
        return KeysetPage(items: rows.map(\.item), total: total, next: next)
    }

    public static func whereClause(_ conditions: [SQLFragment]) -> String {
        conditions.isEmpty ? "" : " WHERE " + conditions.map { "(\($0.sql))" }.joined(separator: " AND ")
    }

    static func position(_ statement: Statement, from start: Int, order: KeysetOrder) -> [SortValue] {
        order.columns.enumerated().map { offset, column in
            switch column.kind {
            case .integer: .integer(statement.int64(at: start + offset))
            case .text: .text(statement.string(at: start + offset))
            }
        }
    }
}

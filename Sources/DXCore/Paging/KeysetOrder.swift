/// An order a collection is listed in, as keyset paging needs it: one or more key columns,
/// the last of which is unique (the id), all in one direction.
///
/// A position in the order is the key values of a row (`[SortValue]`, one per column). The
/// rows after a position are `(k1, …, kn) > (?, …, ?)` ascending or `<` descending: SQLite's
/// row-value comparison, with the tie-breaking id in the same direction as the ORDER BY, so a
/// page continues exactly where the previous one ended whatever happened to that row since.
public struct KeysetOrder: Sendable, Equatable {
    public enum Direction: Sendable, Equatable {
        case ascending
        case descending
    }

    /// A key column: the SQL expression that reads it (written by the caller, never user
    /// input; a name only for orders applied in memory) and the type of its values.
    public struct Column: Sendable, Equatable {
        public var sql: String
        public var kind: SortValue.Kind

        public init(_ sql: String, _ kind: SortValue.Kind) {
            self.sql = sql
            self.kind = kind
        }
    }

    /// What a cursor records as the order it was made for, e.g. `-updated_at` (the `sort`
    /// parameter's value where a route offers several orders).
    public var name: String
    public var columns: [Column]
    public var direction: Direction

    public init(name: String, columns: [Column], direction: Direction = .ascending) {
        self.name = name
        self.columns = columns
        self.direction = direction
    }

    /// `ORDER BY` terms, e.g. `p.updated_at DESC, p.id DESC`.
    public var orderBy: String {
        let suffix = direction == .descending ? " DESC" : ""
        return columns.map { $0.sql + suffix }.joined(separator: ", ")
    }

    /// The condition selecting the rows strictly after `position` in this order.
    public func after(_ position: [SortValue]) -> SQLFragment {
        let comparison = direction == .descending ? "<" : ">"
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        let keys = columns.map(\.sql).joined(separator: ", ")
        return SQLFragment("(\(keys)) \(comparison) (\(placeholders))", position.map(\.sqliteValue))
    }

    /// Whether a row at `position` comes strictly after `cursor` in this order (the same
    /// rule as `after`, in memory: lexicographic over the key values).
    public func isAfter(_ position: [SortValue], _ cursor: [SortValue]) -> Bool {
        direction == .descending ? position.lexicographicallyPrecedes(cursor) : cursor.lexicographicallyPrecedes(position)
    }

    /// Whether `values` could be a position in this order: one value per column, each of the
    /// column's type.
    public func fits(_ values: [SortValue]) -> Bool {
        values.count == columns.count && zip(values, columns).allSatisfy { $0.kind == $1.kind }
    }
}

/// One result row, copied out of a statement so it can outlive it.
public struct Row: Sendable, Equatable {
    public let columns: [String]
    public let values: [SQLiteValue]

    public init(columns: [String], values: [SQLiteValue]) {
        self.columns = columns
        self.values = values
    }

    init(statement: Statement) {
        let range = 0..<statement.columnCount
        self.columns = range.map(statement.columnName(at:))
        self.values = range.map(statement.value(at:))
    }

    public subscript(index: Int) -> SQLiteValue { values[index] }

    /// The value of the first column called `name`, or nil when there is no such column.
    public subscript(name: String) -> SQLiteValue? {
        columns.firstIndex(of: name).map { values[$0] }
    }

    public func int(_ name: String) -> Int? {
        if case .integer(let value)? = self[name] { return Int(value) }
        return nil
    }

    public func double(_ name: String) -> Double? {
        switch self[name] {
        case .real(let value)?: value
        case .integer(let value)?: Double(value)
        default: nil
        }
    }

    public func string(_ name: String) -> String? {
        if case .text(let value)? = self[name] { return value }
        return nil
    }
}

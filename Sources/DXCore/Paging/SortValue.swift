/// One sort key value of a row: what a cursor records of the last row it saw.
///
/// Ordered as SQLite orders them under the BINARY collation (integers before text, text by
/// its UTF-8 bytes), so a page computed in memory agrees with one computed in SQL. Swift's
/// own `String` comparison is not used: it treats canonically equivalent strings as equal,
/// which SQLite does not.
public enum SortValue: Sendable, Hashable, Comparable, Codable {
    case integer(Int64)
    case text(String)

    public init(_ value: Int) { self = .integer(Int64(value)) }
    public init(_ value: String) { self = .text(value) }

    /// The column type a value has, checked against the order's columns when a cursor is read.
    public enum Kind: String, Sendable, Equatable {
        case integer
        case text
    }

    public var kind: Kind {
        switch self {
        case .integer: .integer
        case .text: .text
        }
    }

    /// The value bound into SQL.
    public var sqliteValue: SQLiteValue {
        switch self {
        case .integer(let value): .integer(value)
        case .text(let value): .text(value)
        }
    }

    public static func == (lhs: SortValue, rhs: SortValue) -> Bool {
        switch (lhs, rhs) {
        case let (.integer(a), .integer(b)): a == b
        case let (.text(a), .text(b)): a.utf8.elementsEqual(b.utf8)
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .integer(let value): hasher.combine(0); hasher.combine(value)
        case .text(let value): hasher.combine(1); hasher.combine(Array(value.utf8))
        }
    }

    public static func < (lhs: SortValue, rhs: SortValue) -> Bool {
        switch (lhs, rhs) {
        case let (.integer(a), .integer(b)): a < b
        case let (.text(a), .text(b)): a.utf8.lexicographicallyPrecedes(b.utf8)
        case (.integer, .text): true
        case (.text, .integer): false
        }
    }

    /// A JSON number (an integer) or a JSON string; anything else does not decode.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self = .text(text)
        } else {
            self = .integer(try container.decode(Int64.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .integer(let value): try container.encode(value)
        case .text(let value): try container.encode(value)
        }
    }
}

import Foundation

/// Parses JSON into Foundation values (dictionaries, arrays, NSNumber, String, Bool, NSNull)
/// with every number read exactly. On Linux `JSONSerialization` rounds some doubles in the
/// last digit (0.6619483763530392 comes back as …394), which would make a test of unrounded
/// ratios test the parser instead of the server; `JSONDecoder` reads them exactly.
enum PreciseJSON {
    static func parse(_ bytes: [UInt8]) throws -> Any {
        try JSONDecoder().decode(Node.self, from: Data(bytes)).foundation
    }

    private enum Node: Decodable {
        case null
        case bool(Bool)
        case number(Double)
        case string(String)
        case array([Node])
        case object([String: Node])

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() {
                self = .null
            } else if let b = try? c.decode(Bool.self) {
                self = .bool(b)
            } else if let n = try? c.decode(Double.self) {
                self = .number(n)
            } else if let s = try? c.decode(String.self) {
                self = .string(s)
            } else if let a = try? c.decode([Node].self) {
                self = .array(a)
            } else {
                self = .object(try c.decode([String: Node].self))
            }
        }

        var foundation: Any {
            switch self {
            case .null: NSNull()
            case .bool(let b): b
            case .number(let n): NSNumber(value: n)
            case .string(let s): s
            case .array(let a): a.map(\.foundation)
            case .object(let o): o.mapValues(\.foundation)
            }
        }
    }
}

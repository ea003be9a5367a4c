/// Reading any JSON document into a `JSONValue`, so a body can be checked member by member
/// (a string where a number belongs is a 422 naming that member, not a failed decode).
extension JSONValue: Decodable {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let value = try? c.decode(Bool.self) {
            // Tried before numbers: JSONDecoder refuses a number as a Bool and a Bool as a
            // number, so `true` and `1` stay apart.
            self = .bool(value)
        } else if let value = try? c.decode(Double.self) {
            self = .number(value)
        } else if let value = try? c.decode(String.self) {
            self = .string(value)
        } else if let value = try? c.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try c.decode([String: JSONValue].self))
        }
    }
}

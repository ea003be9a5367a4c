/// The one spelling of an integer in a path: decimal digits, no sign, no leading zero (`0`
/// itself excepted), at most 9 digits so it fits every store's ids without overflow.
/// `/projects/01` or `/projects/+1` would otherwise be second names for project 1: different
/// URLs, so different cache entries and a second identity for one resource (RFC 3986 §6.2.2
/// leaves the path's meaning to the server; this server gives each resource one name).
/// Every integer path parameter goes through here; a non-canonical one is a 404. Every integer
/// query parameter too (`QueryParameters.int`, the document's integer rules, the multi-value
/// `policy` and `fiscal_year` filters): there a non-canonical one is a 400 naming it.
public enum CanonicalInteger {
    /// The value of `raw` when it is canonical decimal, else nil.
    public static func parse(_ raw: String) -> Int? {
        let digits = raw.utf8
        guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        guard digits.count == 1 || digits.first != 0x30 else { return nil }
        var value = 0
        for d in digits { value = value * 10 + Int(d - 0x30) }
        return value
    }
}

extension Request {
    /// An integer path parameter (see `CanonicalInteger`): the raw text for messages, and its
    /// value, nil when it is not canonical decimal (the route answers 404). A control
    /// character is still the 400 of `parameter(_:)`.
    public func integerParameter(_ name: String) throws(APIError) -> (raw: String, value: Int?) {
        let raw = try parameter(name)
        return (raw, CanonicalInteger.parse(raw))
    }
}

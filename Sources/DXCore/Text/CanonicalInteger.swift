/// The one spelling of a whole number from outside: decimal digits, no sign, no leading zero
/// (`0` itself excepted), no spaces, no fraction or exponent, ASCII digits only (full-width
/// `２０２４` is not 2024), at most `maxDigits` digits so it fits every store's ids without
/// overflow.
///
/// `/projects/01` or `/projects/+1` would otherwise be second names for project 1: different
/// URLs, so different cache entries and a second identity for one resource (RFC 3986 §6.2.2
/// leaves the path's meaning to the server; this server gives each resource one name).
/// Every integer path parameter goes through here (a non-canonical one is a 404), every
/// integer query parameter (a 400 naming it), and every integer cell of a CSV import
/// (`ImportCell.integer`: a per-row issue naming the row and column), so `02024`, `+1`, ` 1`,
/// `1.0`, `1e3` and `-0` mean nothing anywhere.
public enum CanonicalInteger {
    /// The value of `raw` when it is canonical decimal of at most `maxDigits` (1–18) digits,
    /// else nil.
    public static func parse(_ raw: some StringProtocol, maxDigits: Int = 9) -> Int? {
        let digits = raw.utf8
        guard !digits.isEmpty, digits.count <= min(maxDigits, 18), digits.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        guard digits.count == 1 || digits.first != 0x30 else { return nil }
        var value = 0
        for d in digits { value = value * 10 + Int(d - 0x30) }
        return value
    }
}

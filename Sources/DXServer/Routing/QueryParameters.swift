import DXCore

/// The decoded `application/x-www-form-urlencoded` query of a request target.
public struct QueryParameters: Sendable, Equatable {
    public private(set) var pairs: [(name: String, value: String)]

    public static func == (lhs: QueryParameters, rhs: QueryParameters) -> Bool {
        lhs.pairs.count == rhs.pairs.count && zip(lhs.pairs, rhs.pairs).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }

    public init(pairs: [(String, String)] = []) {
        self.pairs = pairs.map { (name: $0.0, value: $0.1) }
    }

    /// Parses a raw query; malformed percent-encoding, bytes that are not UTF-8, or a control
    /// character (U+0000–U+001F, U+007F–U+009F) in a name or value is a 400 naming the parameter.
    public init(parsing raw: String?) throws(APIError) {
        pairs = []
        guard let raw, !raw.isEmpty else { return }
        for part in raw.split(separator: "&", omittingEmptySubsequences: true) {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(pieces[0]) else {
                throw .badRequest("The query contains malformed percent-encoding.")
            }
            guard let value = pieces.count > 1 ? Self.decode(pieces[1]) : "" else {
                throw .badRequest("The query parameter '\(name)' contains malformed percent-encoding.", parameter: name)
            }
            // No query parameter holds multi-line text, so every control character (C0, DEL,
            // C1; TAB too) is refused here, once for every route: `%00` would otherwise reach
            // SQLite, whose string functions stop at NUL. Unicode spaces and U+2028/U+2029 are
            // not controls: a search splits its terms on them (`SearchQuery`).
            if let scalar = ControlCharacters.firstControl(in: name) ?? ControlCharacters.firstControl(in: value) {
                throw .badRequest(
                    "The query parameter '\(Self.printable(name))' contains the control character \(ControlCharacters.name(of: scalar)).",
                    parameter: Self.printable(name))
            }
            pairs.append((name: name, value: value))
        }
    }

    /// A name safe to echo in a problem document: control characters shown as `U+0000`.
    static func printable(_ name: String) -> String {
        var out = ""
        for scalar in name.unicodeScalars {
            if ControlCharacters.isControl(scalar) { out += ControlCharacters.name(of: scalar) } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    public subscript(name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    public func contains(_ name: String) -> Bool { self[name] != nil }

    /// The value of a parameter that takes one value, or nil when absent. Given twice with
    /// different values it is a 400 naming it, as a singleton header field sent twice with
    /// different values is (README "Header fields"): which one was meant cannot be known, and
    /// answering for one of them silently would hide the mistake. The same value repeated is
    /// accepted. Several values go in one parameter, separated by commas, where one allows it.
    public func single(_ name: String) throws(APIError) -> String? {
        var found: String?
        for pair in pairs where pair.name == name {
            guard let first = found else {
                found = pair.value
                continue
            }
            if pair.value != first {
                throw .badRequest(
                    "The query parameter '\(Self.printable(name))' is given more than once with different values; it takes one value.",
                    parameter: Self.printable(name))
            }
        }
        return found
    }

    /// Every value of a parameter that may be repeated (`?department=a&department=b`), in
    /// order; with `splittingCommas`, each value is also split on `,` (`?status=a,b`), which
    /// is only offered for parameters whose values can never contain a comma. Empty items
    /// are a 400 naming the parameter: `?status=` or `?status=a,,b` is a mistake, not "any".
    public func list(_ name: String, splittingCommas: Bool) throws(APIError) -> [String] {
        var result: [String] = []
        for pair in pairs where pair.name == name {
            let items = splittingCommas ? pair.value.split(separator: ",", omittingEmptySubsequences: false).map(String.init) : [pair.value]
            for item in items {
                guard !item.isEmpty else {
                    throw .badRequest("The query parameter '\(name)' has an empty value\(splittingCommas ? " (or an empty item between commas)" : "").", parameter: name)
                }
                if !result.contains(item) { result.append(item) }
            }
        }
        return result
    }

    /// An integer parameter within `range` (non-negative), or nil when absent; anything else,
    /// a spelling other than the canonical one (`+1`, `01`, ` 1`) included, is a 400.
    public func int(_ name: String, in range: ClosedRange<Int>) throws(APIError) -> Int? {
        guard let raw = try single(name) else { return nil }
        guard let value = CanonicalInteger.parse(raw), range.contains(value) else {
            throw .badRequest("The query parameter '\(name)' must be an integer from \(range.lowerBound) to \(range.upperBound), in plain digits (no sign, space or leading zero).", parameter: name)
        }
        return value
    }

    /// A parameter that must be one of `allowed`, or nil when absent.
    public func oneOf(_ name: String, _ allowed: [String]) throws(APIError) -> String? {
        guard let raw = try single(name) else { return nil }
        guard allowed.contains(raw) else {
            throw .badRequest("The query parameter '\(name)' must be one of: \(allowed.joined(separator: ", ")).", parameter: name)
        }
        return raw
    }

    /// `+` is a space in form encoding; the result must be valid UTF-8.
    static func decode(_ s: Substring) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.utf8.count)
        var it = s.utf8.makeIterator()
        while let b = it.next() {
            switch b {
            case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let h = it.next(), let l = it.next(), let hv = hexValue(h), let lv = hexValue(l) else { return nil }
                bytes.append(hv << 4 | lv)
            default: bytes.append(b)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Form-encodes a value for building links (the `next` link of a page).
    public static func encode(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(b))
            default:
                let hex = String(b, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}

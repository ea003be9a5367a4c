/// `uri-host [ ":" port ]`: the value of Host (RFC 9110 §7.2) and the authority of an
/// absolute-form request-target (RFC 9112 §3.2.2), validated by the grammar of RFC 3986
/// §3.2.2–§3.2.3 and normalised so that equal authorities compare equal.
///
/// - `host` is lower-cased (RFC 3986 §6.2.2.1: the host is case-insensitive): a reg-name
///   (`example.org`, also IPv4 `192.0.2.1`), or an IP-literal with its brackets
///   (`[2001:db8::1]`, `[v1.x]`). Never empty: an `http`/`https` URI has a non-empty host
///   (RFC 9110 §4.2.1).
/// - `port` is 0–65535, nil when absent or empty (`example.org:` means the default port,
///   RFC 3986 §3.2.3).
///
/// Userinfo (`user@host`) is not part of this grammar and is refused with it.
public struct HTTPAuthority: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: Int?

    public init(host: String, port: Int? = nil) {
        self.host = host
        self.port = port
    }

    /// `host` or `host:port`, ready to follow `scheme://`.
    public var description: String { port.map { "\(host):\($0)" } ?? host }

    /// Parses `uri-host [ ":" port ]`; nil when the bytes are not exactly that.
    public static func parse(_ text: String) -> HTTPAuthority? {
        var copy = text
        return copy.withUTF8 { parse($0) }
    }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> HTTPAuthority? {
        guard !bytes.isEmpty else { return nil }
        let hostEnd: Int
        if bytes[0] == UInt8(ascii: "[") {
            // IP-literal = "[" ( IPv6address / IPvFuture ) "]"
            guard let close = bytes.firstIndex(of: UInt8(ascii: "]")),
                  isIPLiteralContent(UnsafeBufferPointer(rebasing: bytes[1..<close]))
            else { return nil }
            hostEnd = close + 1
            guard hostEnd == bytes.count || bytes[hostEnd] == UInt8(ascii: ":") else { return nil }
        } else {
            // reg-name cannot hold ":", so the first one starts the port. IPv4address is a
            // subset of reg-name and needs no case of its own.
            hostEnd = bytes.firstIndex(of: UInt8(ascii: ":")) ?? bytes.count
            guard hostEnd > 0, isRegName(UnsafeBufferPointer(rebasing: bytes[0..<hostEnd])) else { return nil }
        }
        var port: Int?
        if hostEnd < bytes.count {
            // port = *DIGIT, and a TCP port fits in 16 bits. Leading zeros are digits like any
            // other; past them at most 5 digits are read, so the arithmetic cannot overflow
            // whatever the client sends.
            let digits = UnsafeBufferPointer(rebasing: bytes[(hostEnd + 1)...])
            guard digits.allSatisfy(HTTPByte.isDigit) else { return nil }
            let significant = digits.drop { $0 == UInt8(ascii: "0") }
            guard significant.count <= 5 else { return nil }
            if !digits.isEmpty {
                let value = significant.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
                guard value <= 65_535 else { return nil }
                port = value
            }
        }
        let host = String(decoding: bytes[0..<hostEnd].map(HTTPByte.lowercased), as: UTF8.self)
        return HTTPAuthority(host: host, port: port)
    }

    /// reg-name = *( unreserved / pct-encoded / sub-delims ), here non-empty.
    static func isRegName(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "%") {
                guard i + 2 < bytes.count, HTTPByte.hexValue(bytes[i + 1]) != nil, HTTPByte.hexValue(bytes[i + 2]) != nil
                else { return false }
                i += 3
                continue
            }
            guard isUnreserved(b) || isSubDelim(b) else { return false }
            i += 1
        }
        return !bytes.isEmpty
    }

    /// The text between the brackets: IPv6address or IPvFuture (RFC 3986 §3.2.2). IPv6 zone
    /// identifiers (RFC 6874) are not part of the HTTP grammar and are refused.
    static func isIPLiteralContent(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        if first == UInt8(ascii: "v") || first == UInt8(ascii: "V") {
            // IPvFuture = "v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" )
            guard let dot = bytes.firstIndex(of: UInt8(ascii: ".")), dot > 1, dot + 1 < bytes.count else { return false }
            return bytes[1..<dot].allSatisfy { HTTPByte.hexValue($0) != nil }
                && bytes[(dot + 1)...].allSatisfy { isUnreserved($0) || isSubDelim($0) || $0 == UInt8(ascii: ":") }
        }
        return isIPv6(String(decoding: bytes, as: UTF8.self))
    }

    /// IPv6address (RFC 3986 §3.2.2, RFC 4291 §2.2): eight groups of 1–4 hex digits, at most
    /// one "::" standing for one or more zero groups, and optionally an IPv4 address as the
    /// last 32 bits.
    static func isIPv6(_ text: String) -> Bool {
        let head: [Substring]
        let tail: [Substring]
        let compressed: Bool
        if let gap = text.firstRange(of: "::") {
            let before = text[..<gap.lowerBound], after = text[gap.upperBound...]
            guard after.firstRange(of: "::") == nil else { return false }
            head = before.isEmpty ? [] : before.split(separator: ":", omittingEmptySubsequences: false)
            tail = after.isEmpty ? [] : after.split(separator: ":", omittingEmptySubsequences: false)
            compressed = true
        } else {
            head = text.split(separator: ":", omittingEmptySubsequences: false)
            tail = []
            compressed = false
        }
        // The IPv4 part, if any, is the very last piece of the address text ("1.2.3.4::" is
        // not an address: the IPv4 part would be followed by zero groups).
        let pieces = head + tail
        let ipv4Allowed = !compressed || !tail.isEmpty
        var groups = 0
        for (index, piece) in pieces.enumerated() {
            if ipv4Allowed, index == pieces.count - 1, piece.contains(".") {
                guard isIPv4(piece) else { return false }
                groups += 2
            } else {
                guard (1...4).contains(piece.utf8.count), piece.utf8.allSatisfy({ HTTPByte.hexValue($0) != nil }) else { return false }
                groups += 1
            }
        }
        return compressed ? groups <= 7 : groups == 8
    }

    /// IPv4address = dec-octet "." dec-octet "." dec-octet "." dec-octet, where a dec-octet is
    /// 0–255 without leading zeros.
    static func isIPv4(_ text: Substring) -> Bool {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return false }
        return octets.allSatisfy { octet in
            let digits = octet.utf8
            guard (1...3).contains(digits.count), digits.allSatisfy(HTTPByte.isDigit) else { return false }
            if digits.count > 1, digits.first == UInt8(ascii: "0") { return false }
            return (Int(octet) ?? 256) <= 255
        }
    }

    static func isUnreserved(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    static func isSubDelim(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("),
             UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"),
             UInt8(ascii: "="):
            return true
        default:
            return false
        }
    }
}

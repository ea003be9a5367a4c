/// Character classes of the HTTP grammar, as branch-light predicates on single bytes.
/// Kept as plain functions (no lookup tables) so the hot loops need no global accessors.
enum HTTPByte {
    static let cr: UInt8 = 13
    static let lf: UInt8 = 10
    static let sp: UInt8 = 32
    static let htab: UInt8 = 9

    /// tchar (RFC 9110 §5.6.2): the characters of a token.
    @inline(__always)
    static func isTchar(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"),
             UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "^"), UInt8(ascii: "_"),
             UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    /// OWS / BWS characters (RFC 9110 §5.6.3).
    @inline(__always)
    static func isWhitespace(_ b: UInt8) -> Bool { b == sp || b == htab }

    /// field-vchar or the SP/HTAB allowed inside a field value (RFC 9110 §5.5): everything
    /// except CTLs other than HTAB, and DEL. obs-text (0x80-0xFF) is allowed.
    @inline(__always)
    static func isFieldValueByte(_ b: UInt8) -> Bool {
        (b >= 0x20 && b != 0x7F) || b == htab
    }

    /// Bytes we allow in a request-target: visible ASCII (RFC 9112 §3.2). Anything else
    /// (CTL, SP, DEL, non-ASCII) cannot be part of a URI. `#` is refused separately.
    @inline(__always)
    static func isTargetByte(_ b: UInt8) -> Bool { b > 0x20 && b < 0x7F }

    @inline(__always)
    static func hexValue(_ b: UInt8) -> Int? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(b &- UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return Int(b &- UInt8(ascii: "a") &+ 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return Int(b &- UInt8(ascii: "A") &+ 10)
        default: return nil
        }
    }

    @inline(__always)
    static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    @inline(__always)
    static func lowercased(_ b: UInt8) -> UInt8 {
        (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z")) ? b | 0x20 : b
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Case-insensitive comparison with a lower-case ASCII literal's bytes.
    @inline(__always)
    func equalsLowercased(_ lower: StaticString) -> Bool {
        guard count == lower.utf8CodeUnitCount else { return false }
        let other = lower.utf8Start
        for i in 0..<count where HTTPByte.lowercased(self[i]) != other[i] { return false }
        return true
    }
}

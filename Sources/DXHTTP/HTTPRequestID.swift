/// What makes a client's `X-Request-Id` safe to echo: the service echoes such an id and the
/// engine's replay path must decide the same way without knowing the service.
public enum HTTPRequestID {
    /// Short (1…128 bytes), and only characters that cannot break a log line or a header:
    /// ASCII letters, digits, `-`, `_`, `.`, `:`.
    public static func isSane(_ id: String) -> Bool {
        guard !id.isEmpty, id.utf8.count <= 128 else { return false }
        return id.utf8.allSatisfy { b in
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
                || b == UInt8(ascii: "-") || b == UInt8(ascii: "_") || b == UInt8(ascii: ".") || b == UInt8(ascii: ":")
        }
    }
}

/// The four request-target forms of RFC 9112 §3.2, reduced to what routing needs:
/// a percent-decoded path and the raw query.
///
/// - origin-form `/path?query`: the normal case.
/// - absolute-form `http://host/path?query`: servers MUST accept it (§3.2.2); the path is
///   taken from it, "/" when empty. Userinfo is refused (RFC 9110 §4.2.4 says to treat it
///   as an error), so are schemes other than http/https.
/// - asterisk-form `*`: only for OPTIONS (§3.2.4).
/// - authority-form: only for CONNECT (§3.2.3), which this origin server does not offer;
///   CONNECT is refused with `.connectNotSupported` whatever its target.
struct HTTPRequestTarget: Equatable {
    var path: String
    var query: String?

    /// `bytes` were already checked to be visible ASCII without `#`.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, method: String) throws(HTTPParseError) -> HTTPRequestTarget {
        if method == "CONNECT" { throw .connectNotSupported }

        if bytes.count == 1, bytes[0] == UInt8(ascii: "*") {
            guard method == "OPTIONS" else { throw .invalidRequestTarget }
            return HTTPRequestTarget(path: "*", query: nil)
        }
        if bytes[0] == UInt8(ascii: "/") {
            return try splitPathAndQuery(bytes)
        }
        return try parseAbsoluteForm(bytes)
    }

    private static func parseAbsoluteForm(_ bytes: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> HTTPRequestTarget {
        let schemeLength: Int
        if hasPrefix(bytes, "http://") {
            schemeLength = 7
        } else if hasPrefix(bytes, "https://") {
            schemeLength = 8
        } else {
            throw .invalidRequestTarget
        }
        var i = schemeLength
        while i < bytes.count, bytes[i] != UInt8(ascii: "/"), bytes[i] != UInt8(ascii: "?") {
            // "@" means userinfo; anything else outside host/port characters is malformed.
            guard HTTPByte.isAuthorityByte(bytes[i]) else { throw .invalidRequestTarget }
            i += 1
        }
        // An http(s) URI must have a non-empty host (RFC 9110 §4.2.1).
        guard i > schemeLength, bytes[schemeLength] != UInt8(ascii: ":") else { throw .invalidRequestTarget }
        if i == bytes.count {
            return HTTPRequestTarget(path: "/", query: nil)
        }
        if bytes[i] == UInt8(ascii: "?") {
            let query = String(decoding: UnsafeBufferPointer(rebasing: bytes[(i + 1)...]), as: UTF8.self)
            return HTTPRequestTarget(path: "/", query: query)
        }
        return try splitPathAndQuery(UnsafeBufferPointer(rebasing: bytes[i...]))
    }

    /// `bytes` starts with "/". The query is everything after the first "?", kept raw.
    private static func splitPathAndQuery(_ bytes: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> HTTPRequestTarget {
        var pathEnd = 0
        var hasPercent = false
        while pathEnd < bytes.count, bytes[pathEnd] != UInt8(ascii: "?") {
            if bytes[pathEnd] == UInt8(ascii: "%") { hasPercent = true }
            pathEnd += 1
        }
        let pathBytes = UnsafeBufferPointer(rebasing: bytes[0..<pathEnd])
        let path = hasPercent ? try percentDecode(pathBytes) : String(decoding: pathBytes, as: UTF8.self)
        let query: String? = pathEnd < bytes.count
            ? String(decoding: UnsafeBufferPointer(rebasing: bytes[(pathEnd + 1)...]), as: UTF8.self)
            : nil
        return HTTPRequestTarget(path: path, query: query)
    }

    /// RFC 3986 §2.1 pct-encoded = "%" HEXDIG HEXDIG. The decoded path must be valid UTF-8
    /// without NUL: both would let one path be spelled several ways or cut short in C APIs.
    static func percentDecode(_ bytes: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> String {
        var decoded = [UInt8]()
        decoded.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "%") {
                guard i + 2 < bytes.count,
                      let hi = HTTPByte.hexValue(bytes[i + 1]),
                      let lo = HTTPByte.hexValue(bytes[i + 2])
                else { throw .invalidPercentEncoding }
                let value = UInt8(hi << 4 | lo)
                guard value != 0 else { throw .invalidPercentEncoding }
                decoded.append(value)
                i += 3
            } else {
                decoded.append(b)
                i += 1
            }
        }
        // Lossy decoding replaces invalid sequences, so a round trip that changes the bytes
        // means they were not UTF-8.
        let string = String(decoding: decoded, as: UTF8.self)
        guard string.utf8.elementsEqual(decoded) else { throw .invalidPercentEncoding }
        return string
    }

    private static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ lower: StaticString) -> Bool {
        guard bytes.count >= lower.utf8CodeUnitCount else { return false }
        return UnsafeBufferPointer(rebasing: bytes[0..<lower.utf8CodeUnitCount]).equalsLowercased(lower)
    }
}

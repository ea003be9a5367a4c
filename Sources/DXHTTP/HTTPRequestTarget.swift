/// The four request-target forms of RFC 9112 §3.2, reduced to what routing needs: the raw
/// path, its percent-decoded segments, the raw query, and for absolute-form the authority.
///
/// - origin-form `/path?query`: the normal case.
/// - absolute-form `http://host/path?query`: servers MUST accept it (§3.2.2); the path is
///   taken from it, "/" when empty, and its authority replaces Host. Userinfo is refused
///   (RFC 9110 §4.2.4 says to treat it as an error), so are schemes other than http/https.
/// - asterisk-form `*`: only for OPTIONS (§3.2.4).
/// - authority-form: only for CONNECT (§3.2.3), which this origin server does not offer;
///   CONNECT is refused with `.connectNotSupported` whatever its target.
///
/// The path is split on its raw "/" and only then is each segment decoded (RFC 3986 §2.2):
/// `%2F` is data inside a segment, never a separator, so `/a%2Fb` is one segment `a/b`.
package struct HTTPRequestTarget: Equatable {
    /// The path exactly as sent, still percent-encoded; "*" for asterisk-form.
    var path: String
    /// The path's segments, each percent-decoded: `/` is `[]`, `/a/b` is `["a", "b"]`,
    /// `/a/` is `["a", ""]`, `//a` is `["", "a"]`. Empty for asterisk-form.
    var segments: [String]
    var query: String?
    /// The authority of an absolute-form target, nil for the other forms.
    var authority: HTTPAuthority?
    /// The lower-cased scheme of an absolute-form target ("http" or "https").
    var scheme: String?

    /// `bytes` were already checked to be visible ASCII without `#`.
    package static func parse(_ bytes: UnsafeBufferPointer<UInt8>, method: String) throws(HTTPParseError) -> HTTPRequestTarget {
        if method == "CONNECT" { throw .connectNotSupported }

        if bytes.count == 1, bytes[0] == UInt8(ascii: "*") {
            guard method == "OPTIONS" else { throw .invalidRequestTarget }
            return HTTPRequestTarget(path: "*", segments: [], query: nil)
        }
        if bytes[0] == UInt8(ascii: "/") {
            return try splitPathAndQuery(bytes)
        }
        return try parseAbsoluteForm(bytes)
    }

    private static func parseAbsoluteForm(_ bytes: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> HTTPRequestTarget {
        let scheme: String
        if hasPrefix(bytes, "http://") {
            scheme = "http"
        } else if hasPrefix(bytes, "https://") {
            scheme = "https"
        } else {
            throw .invalidRequestTarget
        }
        let authorityStart = scheme.utf8.count + 3
        var i = authorityStart
        while i < bytes.count, bytes[i] != UInt8(ascii: "/"), bytes[i] != UInt8(ascii: "?") { i += 1 }
        // An http(s) URI has a non-empty host (RFC 9110 §4.2.1) and no userinfo (§4.2.4):
        // the same grammar as Host.
        guard let authority = HTTPAuthority.parse(UnsafeBufferPointer(rebasing: bytes[authorityStart..<i])) else {
            throw .invalidRequestTarget
        }
        var target: HTTPRequestTarget
        if i == bytes.count {
            target = HTTPRequestTarget(path: "/", segments: [], query: nil)
        } else if bytes[i] == UInt8(ascii: "?") {
            let query = String(decoding: UnsafeBufferPointer(rebasing: bytes[(i + 1)...]), as: UTF8.self)
            target = HTTPRequestTarget(path: "/", segments: [], query: query)
        } else {
            target = try splitPathAndQuery(UnsafeBufferPointer(rebasing: bytes[i...]))
        }
        target.authority = authority
        target.scheme = scheme
        return target
    }

    /// `bytes` starts with "/". The query is everything after the first "?", kept raw.
    private static func splitPathAndQuery(_ bytes: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> HTTPRequestTarget {
        var pathEnd = 0
        while pathEnd < bytes.count, bytes[pathEnd] != UInt8(ascii: "?") { pathEnd += 1 }
        let pathBytes = UnsafeBufferPointer(rebasing: bytes[0..<pathEnd])
        let query: String? = pathEnd < bytes.count
            ? String(decoding: UnsafeBufferPointer(rebasing: bytes[(pathEnd + 1)...]), as: UTF8.self)
            : nil
        return HTTPRequestTarget(
            path: String(decoding: pathBytes, as: UTF8.self), segments: try segments(of: pathBytes), query: query)
    }

    /// Splits a raw absolute path (it starts with "/") on "/", then decodes each segment.
    package static func segments(of path: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> [String] {
        guard path.count > 1 else { return [] }
        var segments: [String] = []
        var start = 1
        while true {
            var end = start
            while end < path.count, path[end] != UInt8(ascii: "/") { end += 1 }
            segments.append(try percentDecode(UnsafeBufferPointer(rebasing: path[start..<end])))
            if end == path.count { return segments }
            start = end + 1
        }
    }

    /// The decoded segments of a raw absolute path, or nil when it does not start with "/"
    /// or its percent-encoding is malformed.
    package static func segments(of path: String) -> [String]? {
        var copy = path
        return copy.withUTF8 { bytes in
            guard bytes.first == UInt8(ascii: "/") else { return nil }
            return try? segments(of: bytes)
        }
    }

    /// RFC 3986 §2.1 pct-encoded = "%" HEXDIG HEXDIG. The decoded path must be valid UTF-8:
    /// otherwise one path could be spelled several ways. Encoded control characters (`%00`–
    /// `%1F`, `%7F`) do decode: routing works per segment, so a literal segment holding one
    /// simply does not match (404), and a parameter holding one is refused by
    /// `Request.parameter` with a 400 that names it; the access log escapes them.
    package static func percentDecode(_ bytes: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> String {
        guard bytes.contains(UInt8(ascii: "%")) else { return String(decoding: bytes, as: UTF8.self) }
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
                decoded.append(UInt8(hi << 4 | lo))
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

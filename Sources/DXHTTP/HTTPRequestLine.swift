/// The parsed request-line (RFC 9112 §3): `method SP request-target SP HTTP-version`.
struct HTTPRequestLine: Equatable {
    var method: String
    /// The request-target as sent.
    var target: String
    /// What the target means: raw path, decoded segments, query, absolute-form authority.
    var parsedTarget: HTTPRequestTarget
    var version: HTTPVersion

    /// Parses one request-line, given without its CRLF.
    ///
    /// Errors are checked in a fixed order (method, target bytes, version, target form) so
    /// that the same bytes always produce the same error.
    static func parse(_ line: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> HTTPRequestLine {
        let end = line.count

        // RFC 9112 §3.1: method = token, followed by exactly one SP.
        var i = 0
        while i < end, HTTPByte.isTchar(line[i]) { i += 1 }
        guard i > 0, i < end, line[i] == HTTPByte.sp else { throw .invalidMethod }
        let methodEnd = i
        i += 1

        // RFC 9112 §3.2: the target runs to the next SP; one SP only, so an empty target
        // (two SPs in a row) is malformed. It cannot hold SP, CTLs or non-ASCII bytes, and
        // a fragment is never sent in a request (RFC 9110 §4.2.5 / RFC 9112 §3.2).
        let targetStart = i
        while i < end, line[i] != HTTPByte.sp {
            let b = line[i]
            // A raw byte above 0x7F is most often a client sending UTF-8 unencoded (curl with
            // `?q=農業`): say what to do about it rather than "malformed".
            if b >= 0x80 { throw .nonASCIIInRequestTarget }
            guard HTTPByte.isTargetByte(b), b != UInt8(ascii: "#") else { throw .invalidRequestTarget }
            i += 1
        }
        guard i > targetStart else { throw .invalidRequestTarget }
        let targetEnd = i
        // No SP after the target: an HTTP/0.9 simple request, which has no version.
        guard i < end else { throw .invalidVersion }
        i += 1

        // RFC 9112 §2.3: HTTP-version = "HTTP" "/" DIGIT "." DIGIT, case-sensitive, and it
        // ends the line: trailing whitespace is not allowed.
        let version = try parseVersion(UnsafeBufferPointer(rebasing: line[i..<end]))

        let method = String(decoding: UnsafeBufferPointer(rebasing: line[0..<methodEnd]), as: UTF8.self)
        let targetBytes = UnsafeBufferPointer(rebasing: line[targetStart..<targetEnd])
        let target = try HTTPRequestTarget.parse(targetBytes, method: method)
        return HTTPRequestLine(
            method: method,
            target: String(decoding: targetBytes, as: UTF8.self),
            parsedTarget: target,
            version: version
        )
    }

    static func parseVersion(_ v: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> HTTPVersion {
        guard v.count == 8,
              v[0] == UInt8(ascii: "H"), v[1] == UInt8(ascii: "T"), v[2] == UInt8(ascii: "T"),
              v[3] == UInt8(ascii: "P"), v[4] == UInt8(ascii: "/"),
              HTTPByte.isDigit(v[5]), v[6] == UInt8(ascii: "."), HTTPByte.isDigit(v[7])
        else { throw .invalidVersion }
        let version = HTTPVersion(major: Int(v[5] - UInt8(ascii: "0")), minor: Int(v[7] - UInt8(ascii: "0")))
        // Well-formed but not ours (HTTP/2.0 preface, HTTP/0.9, HTTP/1.2...): 505.
        guard version == .http11 || version == .http10 else { throw .unsupportedVersion }
        return version
    }
}

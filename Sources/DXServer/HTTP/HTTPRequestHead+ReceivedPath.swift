extension HTTPRequestHead {
    /// The path of the request-target exactly as the client sent it, still percent-encoded
    /// (`/api/v1/measures/a%20b`): a URI reference, as a problem's `instance` must be
    /// (RFC 9457 §3.1.5). For absolute-form the scheme and authority are dropped; for
    /// asterisk-form it is `*`.
    public var receivedPath: String {
        var rest = Substring(target)
        if !rest.hasPrefix("/") && rest != "*" {
            // absolute-form (RFC 9112 §3.2.2): skip "scheme://authority".
            if let schemeEnd = rest.range(of: "://") {
                rest = rest[schemeEnd.upperBound...]
                let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
                rest = rest[authorityEnd...]
            }
        }
        if let queryStart = rest.firstIndex(of: "?") { rest = rest[..<queryStart] }
        return rest.isEmpty ? "/" : String(rest)
    }
}

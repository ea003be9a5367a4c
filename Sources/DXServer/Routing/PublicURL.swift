/// The base every absolute URL the server builds starts with when the operator configured one
/// (`--public-url`, `DX_PUBLIC_URL`): `http` or `https`, a host, an optional port, nothing
/// else. With it set, no request header (Host, an absolute-form target, X-Forwarded-Proto)
/// reaches a URL in a response (RFC 9110 §7.2: Host is client input).
///
/// The API is served at the root of this URL: a path other than `/` is refused rather than
/// prepended, because relative references the server sends (`Location`) would not carry it.
public struct PublicURL: Sendable, Equatable, CustomStringConvertible {
    /// "http" or "https".
    public let scheme: String
    public let authority: HTTPAuthority

    /// Why a public URL was refused; `description` is a sentence for the operator.
    public enum ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        case scheme(String)
        case userinfo(String)
        case authority(String)
        case path(String)
        case queryOrFragment(String)

        public var description: String {
            switch self {
            case .scheme(let text): "public URL '\(text)' must start with http:// or https://"
            case .userinfo(let text): "public URL '\(text)' must not contain user information (user@host)"
            case .authority(let text): "public URL '\(text)' needs a valid host and an optional port of 0 to 65535"
            case .path(let text): "public URL '\(text)' must not have a path: the API is served at its root"
            case .queryOrFragment(let text): "public URL '\(text)' must not have a query or a fragment"
            }
        }
    }

    public init(scheme: String, authority: HTTPAuthority) {
        self.scheme = scheme
        self.authority = authority
    }

    /// Parses `http[s]://host[:port][/]`. The scheme and host are lower-cased.
    public init(parsing text: String) throws(ParseError) {
        let lowered = text.lowercased()
        let rest: Substring
        if lowered.hasPrefix("http://") {
            scheme = "http"
            rest = text.dropFirst(7)
        } else if lowered.hasPrefix("https://") {
            scheme = "https"
            rest = text.dropFirst(8)
        } else {
            throw .scheme(text)
        }
        guard !rest.contains("?"), !rest.contains("#") else { throw .queryOrFragment(text) }
        let authorityText = rest.prefix { $0 != "/" }
        let path = rest.dropFirst(authorityText.count)
        guard !authorityText.contains("@") else { throw .userinfo(text) }
        guard let authority = HTTPAuthority.parse(String(authorityText)) else { throw .authority(text) }
        guard path.isEmpty || path == "/" else { throw .path(text) }
        self.authority = authority
    }

    /// `scheme://authority`, without a trailing slash: request paths are appended to it.
    public var description: String { "\(scheme)://\(authority)" }
}

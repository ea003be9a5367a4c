public struct HTTPVersion: Sendable, Equatable, CustomStringConvertible {
    public var major: Int
    public var minor: Int
    public init(major: Int, minor: Int) { self.major = major; self.minor = minor }
    public static let http10 = HTTPVersion(major: 1, minor: 0)
    public static let http11 = HTTPVersion(major: 1, minor: 1)
    public var description: String { "HTTP/\(major).\(minor)" }
}

/// How the message body is delimited (RFC 9112 §6.3).
public enum HTTPBodyFraming: Sendable, Equatable {
    case none
    case length(Int)
    case chunked
}

/// Everything before the body: what the engine needs to decide on `Expect: 100-continue`
/// and early refusals before any body byte arrives.
public struct HTTPRequestHead: Sendable, Equatable {
    public var method: String
    /// The request-target exactly as sent.
    public var target: String
    /// The path of the target (origin-form or absolute-form) as sent, still percent-encoded,
    /// so it can go into logs, URLs and problem `instance` members unchanged; "*" for
    /// asterisk-form. Route on `pathSegments`, never on this.
    public var path: String
    /// The path split on its raw "/" and then percent-decoded segment by segment (RFC 3986
    /// §2.2): `/api%2Fv1` is one segment `api/v1`. `/` is `[]`; a trailing slash or `//`
    /// gives an empty segment.
    public var pathSegments: [String]
    /// The raw query (without "?"), not decoded; nil when the target has none.
    public var query: String?
    /// The effective authority of the request (RFC 9110 §7.2, RFC 9112 §3.2.2): an
    /// absolute-form target's, else the validated Host's; nil for HTTP/1.0 without Host.
    public var authority: HTTPAuthority?
    /// The scheme of an absolute-form target ("http" or "https"); nil for the other forms.
    public var targetScheme: String?
    public var version: HTTPVersion
    public var headers: HTTPHeaders
    public var framing: HTTPBodyFraming
    /// The address of the connection's peer, set by the engine after parsing (nil in-process).
    /// Not the client when a proxy is in front: see `TrustedProxies.client(of:)`.
    public var peer: IPAddress?

    /// `pathSegments` defaults to the decoded segments of `path` (none when it cannot be
    /// decoded); the parser always passes them.
    public init(
        method: String, target: String, path: String, pathSegments: [String]? = nil, query: String?,
        authority: HTTPAuthority? = nil, targetScheme: String? = nil,
        version: HTTPVersion, headers: HTTPHeaders, framing: HTTPBodyFraming
    ) {
        self.method = method
        self.target = target
        self.path = path
        self.pathSegments = pathSegments ?? HTTPRequestTarget.segments(of: path) ?? []
        self.query = query
        self.authority = authority
        self.targetScheme = targetScheme
        self.version = version
        self.headers = headers
        self.framing = framing
    }

    /// HTTP/1.1 is persistent unless `Connection: close`; HTTP/1.0 only with `keep-alive`
    /// (RFC 9112 §9.3).
    public var keepAlive: Bool {
        let connection = headers.list(.connection).map { $0.lowercased() }
        if connection.contains("close") { return false }
        if version == .http10 { return connection.contains("keep-alive") }
        return true
    }

    /// RFC 9110 §10.1.1: only meaningful for HTTP/1.1 requests that carry a body.
    public var expectsContinue: Bool {
        guard version == .http11, framing != .none, framing != .length(0) else { return false }
        return headers.list(.expect).contains { $0.lowercased() == "100-continue" }
    }
}

public struct HTTPRequest: Sendable, Equatable {
    public var head: HTTPRequestHead
    public var body: [UInt8]
    public var trailers: HTTPHeaders

    public init(head: HTTPRequestHead, body: [UInt8] = [], trailers: HTTPHeaders = HTTPHeaders()) {
        self.head = head
        self.body = body
        self.trailers = trailers
    }
}

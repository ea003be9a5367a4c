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
    /// The percent-decoded path of the target (origin-form or absolute-form); "*" for asterisk-form.
    public var path: String
    /// The raw query (without "?"), not decoded; nil when the target has none.
    public var query: String?
    public var version: HTTPVersion
    public var headers: HTTPHeaders
    public var framing: HTTPBodyFraming

    public init(
        method: String, target: String, path: String, query: String?,
        version: HTTPVersion, headers: HTTPHeaders, framing: HTTPBodyFraming
    ) {
        self.method = method
        self.target = target
        self.path = path
        self.query = query
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

/// What the parser has recognised so far.
public enum HTTPParserEvent: Sendable, Equatable {
    /// The head is complete; the body (if any) follows. Emitted once per request, before `.message`.
    case head(HTTPRequestHead)
    /// The whole request, body and trailers included.
    case message(HTTPRequest)
}

/// An incremental HTTP/1.1 request parser (RFC 9112): a pure value fed bytes.
/// STUB: the real state machine is being written; this placeholder only fixes the API.
public struct HTTPParser: Sendable {
    public struct Limits: Sendable, Equatable {
        public var maxRequestLine: Int
        public var maxHeaderSection: Int
        public var maxHeaderFields: Int
        public var maxBody: Int
        public init(maxRequestLine: Int = 8 * 1024, maxHeaderSection: Int = 32 * 1024,
                    maxHeaderFields: Int = 100, maxBody: Int = 1 << 20) {
            self.maxRequestLine = maxRequestLine
            self.maxHeaderSection = maxHeaderSection
            self.maxHeaderFields = maxHeaderFields
            self.maxBody = maxBody
        }
    }

    public let limits: Limits
    public init(limits: Limits = Limits()) { self.limits = limits }

    /// Adds received bytes to the parser's buffer.
    public mutating func append(_ bytes: some Sequence<UInt8>) { fatalError("stub") }

    /// The next event the buffered bytes complete, or nil when more bytes are needed.
    /// After an error the parser stays failed: the connection must be closed.
    public mutating func next() throws(HTTPParseError) -> HTTPParserEvent? { fatalError("stub") }

    /// True between messages with nothing buffered: the connection is idle, not mid-request.
    public var isIdle: Bool { true }

    /// True once a head has been returned and its message is not yet complete.
    public var isReadingBody: Bool { false }
}

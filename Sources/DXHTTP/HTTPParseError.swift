/// Why a request could not be framed. Every case maps to the status the server answers with
/// before it closes the connection (a framing error leaves the stream unsynchronised).
public enum HTTPParseError: Error, Sendable, Equatable {
    case invalidMethod
    case invalidRequestTarget
    case invalidVersion
    case unsupportedVersion
    case requestLineTooLong
    case headerSectionTooLarge
    case tooManyHeaderFields
    case invalidHeaderName
    case whitespaceBeforeColon
    case obsoleteLineFolding
    case invalidHeaderValue
    case invalidLineEnding
    case missingHost
    case multipleHost
    case invalidContentLength
    case conflictingContentLength
    case contentLengthWithTransferEncoding
    case chunkedNotFinal
    case unsupportedTransferCoding
    case invalidChunkSize
    case invalidChunkExtension
    case invalidChunkTerminator
    case invalidTrailer
    case bodyTooLarge
    case invalidPercentEncoding
    /// A raw byte outside ASCII in the request target (RFC 3986 §2.1 wants it percent-encoded).
    case nonASCIIInRequestTarget
    /// The Host field value is not `uri-host [ ":" port ]` (RFC 9112 §3.2, RFC 3986 §3.2.2).
    case invalidHost
    /// Transfer-Encoding is present but unusable: empty, `chunked` twice, or in HTTP/1.0.
    case invalidTransferEncoding
    /// CONNECT (authority-form, tunnelling) is not offered by this origin server.
    case connectNotSupported
    /// Bytes arrived after a message that ended the connection (`Connection: close`, or
    /// HTTP/1.0 without keep-alive); they must not be processed as another request.
    case dataAfterClose

    public var status: Int {
        switch self {
        case .requestLineTooLong: 414
        case .headerSectionTooLarge, .tooManyHeaderFields: 431
        case .bodyTooLarge: 413
        case .unsupportedVersion: 505
        case .unsupportedTransferCoding: 501
        default: 400
        }
    }

    /// A short human sentence for the problem+json `detail`.
    public var detail: String {
        switch self {
        case .invalidMethod: "The request method is not a valid token."
        case .invalidRequestTarget: "The request target is malformed."
        case .invalidVersion: "The HTTP version is malformed."
        case .unsupportedVersion: "Only HTTP/1.0 and HTTP/1.1 are supported."
        case .requestLineTooLong: "The request line is too long."
        case .headerSectionTooLarge: "The header section is too large."
        case .tooManyHeaderFields: "There are too many header fields."
        case .invalidHeaderName: "A header field name is malformed."
        case .whitespaceBeforeColon: "Whitespace between a header field name and the colon is not allowed."
        case .obsoleteLineFolding: "Obsolete line folding is not allowed."
        case .invalidHeaderValue: "A header field value contains a forbidden character."
        case .invalidLineEnding: "Lines must end with CRLF."
        case .missingHost: "An HTTP/1.1 request must carry exactly one Host header."
        case .multipleHost: "An HTTP/1.1 request must carry exactly one Host header."
        case .invalidContentLength: "Content-Length is not a valid number."
        case .conflictingContentLength: "Content-Length values conflict."
        case .contentLengthWithTransferEncoding: "Content-Length and Transfer-Encoding cannot both be sent."
        case .chunkedNotFinal: "chunked must be the final transfer coding."
        case .unsupportedTransferCoding: "Only the chunked transfer coding is supported."
        case .invalidChunkSize: "A chunk size is malformed."
        case .invalidChunkExtension: "A chunk extension is malformed."
        case .invalidChunkTerminator: "A chunk is not followed by CRLF."
        case .invalidTrailer: "A trailer field is malformed."
        case .bodyTooLarge: "The request body is larger than this server accepts."
        case .invalidPercentEncoding: "The request target contains malformed percent-encoding."
        case .nonASCIIInRequestTarget: "The request target contains a byte outside ASCII; percent-encode it (RFC 3986 §2.1)."
        case .invalidHost: "The Host header field must be host[:port]: a host name, an IPv4 address or a bracketed IPv6 literal, and a port of 0 to 65535."
        case .invalidTransferEncoding: "Transfer-Encoding is malformed or not allowed here."
        case .connectNotSupported: "CONNECT is not supported by this server."
        case .dataAfterClose: "Data was sent after a request that closed the connection."
        }
    }
}

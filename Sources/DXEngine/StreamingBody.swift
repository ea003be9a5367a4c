import DXHTTP
/// A `BodyStream` being sent on a connection: what the connection needs to go on pulling it
/// and to finish the exchange when it ends (the log line and keep-alive are settled then).
struct StreamingBody {
    let stream: any BodyStream
    /// RFC 9112 §7.1 framing (HTTP/1.1); false sends the raw bytes and ends with the connection.
    let chunked: Bool
    let head: HTTPRequestHead
    let status: Int
    let requestID: String?
    let keepAlive: Bool
    /// A worker is producing the next piece; no second request is made meanwhile.
    var producing = false
    var bytesSent = 0

    /// Output below this many bytes asks the stream for the next piece: enough queued to keep
    /// the socket busy while a worker produces, little enough to bound memory per connection.
    static let lowWater = 64 * 1024

    /// `size-in-hex CRLF`, the line before a chunk's data (RFC 9112 §7.1); the data and its
    /// closing CRLF are sent beside it without copying.
    static func chunkSizeLine(_ count: Int) -> [UInt8] {
        Array((String(count, radix: 16) + "\r\n").utf8)
    }

    static let chunkEnd: [UInt8] = [0x0D, 0x0A]
    /// The last-chunk and the empty trailer section.
    static let lastChunk: [UInt8] = Array("0\r\n\r\n".utf8)
}

/// The HTTP/1.1 wire form of a response head (RFC 9112 §4 status line, §5 fields), written
/// straight into bytes: this runs for every response, and building a String first would copy
/// everything twice. The body is never copied here; the engine sends it beside the head.
public enum HTTPResponseEncoder {
    /// The status line and the fields that depend only on the response: its own header fields
    /// and `Content-Length` (when the status allows content, RFC 9110 §8.6). Not `Date`,
    /// `Connection` or the blank line, which belong to the moment and the connection.
    /// `omitting` leaves out one field by name (a per-request field added again at send time).
    public static func appendStatusAndFields(of response: HTTPResponse, omitting: String? = nil, to bytes: inout [UInt8]) {
        appendStatusLine(response.status, to: &bytes)
        bytes.append(contentsOf: "Server: dxserve\r\n".utf8)
        for (name, value) in response.headers.fields {
            if let omitting, name.asciiCaseInsensitiveEquals(omitting) { continue }
            appendField(name, value, to: &bytes)
        }
        if HTTPStatus.allowsBody(response.status) && response.stream == nil && !response.headers.contains("Content-Length") {
            bytes.append(contentsOf: "Content-Length: ".utf8)
            appendDecimal(response.body.count, to: &bytes)
            bytes.append(contentsOf: "\r\n".utf8)
        }
    }

    /// A whole head: status line, fields, `Date`, `Connection` as the connection needs it
    /// (RFC 9112 §9.3: `close` when this is the last response; `keep-alive` for an HTTP/1.0
    /// client that asked to stay), and the blank line.
    public static func head(of response: HTTPResponse, date: String, keepAlive: Bool, version: HTTPVersion) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256 + response.headers.count * 48)
        appendStatusAndFields(of: response, to: &bytes)
        // RFC 9112 §6.1: a streamed body is framed by chunks; an HTTP/1.0 client does not
        // know the coding, so its body ends with the connection (§6.3, rule 8).
        if response.stream != nil && HTTPStatus.allowsBody(response.status) && version == .http11 {
            appendField("Transfer-Encoding", "chunked", to: &bytes)
        }
        appendField("Date", date, to: &bytes)
        appendConnection(keepAlive: keepAlive, version: version, to: &bytes)
        bytes.append(contentsOf: "\r\n".utf8)
        return bytes
    }

    public static func appendConnection(keepAlive: Bool, version: HTTPVersion, to bytes: inout [UInt8]) {
        if !keepAlive {
            bytes.append(contentsOf: "Connection: close\r\n".utf8)
        } else if version == .http10 {
            bytes.append(contentsOf: "Connection: keep-alive\r\n".utf8)
        }
    }

    public static func appendStatusLine(_ status: Int, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: "HTTP/1.1 ".utf8)
        appendDecimal(status, to: &bytes)
        bytes.append(UInt8(ascii: " "))
        bytes.append(contentsOf: HTTPStatus.reason(status).utf8)
        bytes.append(contentsOf: "\r\n".utf8)
    }

    @inlinable
    public static func appendField(_ name: String, _ value: String, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: name.utf8)
        bytes.append(contentsOf: ": ".utf8)
        bytes.append(contentsOf: value.utf8)
        bytes.append(contentsOf: "\r\n".utf8)
    }

    /// A non-negative integer in ASCII decimal, without going through a String.
    @inlinable
    public static func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
        var v = value.magnitude
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { d in
            repeat {
                d[19 - count] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
                count += 1
            } while v > 0
            bytes.append(contentsOf: d[(20 - count)...])
        }
    }
}

/// Collects the header section of one request and decides its body framing.
///
/// The fields that decide framing (Host, Content-Length, Transfer-Encoding, Connection) are
/// recognised on the raw bytes while each line is parsed, so finishing the head needs no
/// second pass over Strings.
struct HTTPHeadBuilder {
    var requestLine: HTTPRequestLine
    var headers = HTTPHeaders()
    /// Bytes of the header section so far, CRLFs included, for `maxHeaderSection`.
    var sectionBytes = 0

    private var hostCount = 0
    private var hostIsValid = true
    /// The first Host value, parsed; only used when it is the only one.
    private var host: HTTPAuthority?
    private var contentLength: Int?
    private var sawTransferEncoding = false
    private var transferCodings = 0
    private var chunkedCount = 0
    private var lastCodingIsChunked = false
    private var sawConnection = false

    init(requestLine: HTTPRequestLine) {
        self.requestLine = requestLine
    }

    /// Adds one parsed field line. Field values are decoded as UTF-8, lossily: invalid
    /// sequences (e.g. Latin-1 obs-text) become U+FFFD rather than failing the request.
    mutating func add(_ field: HTTPFieldLine, in line: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) {
        let name = field.name(in: line)
        let value = field.value(in: line)
        switch name.count {
        case 4 where name.equalsLowercased("host"):
            hostCount += 1
            // RFC 9110 §7.2: Host = uri-host [ ":" port ]; empty, `a:b:c`, `[::1`, a port
            // above 65535 or a character outside reg-name/IP-literal is invalid.
            let parsed = HTTPAuthority.parse(value)
            hostIsValid = hostIsValid && parsed != nil
            if hostCount == 1 { host = parsed }
        case 10 where name.equalsLowercased("connection"):
            sawConnection = true
        case 14 where name.equalsLowercased("content-length"):
            try addContentLength(value)
        case 17 where name.equalsLowercased("transfer-encoding"):
            sawTransferEncoding = true
            addTransferCodings(value)
        default:
            break
        }
        headers.add(String(decoding: name, as: UTF8.self), String(decoding: value, as: UTF8.self))
    }

    /// RFC 9112 §6.3 (5): Content-Length = 1*DIGIT. A list or repeated field is accepted only
    /// when every value is the same (RFC 9110 §8.6); anything else could be read two ways.
    private mutating func addContentLength(_ value: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) {
        var start = 0
        while start <= value.count {
            var end = start
            while end < value.count, value[end] != UInt8(ascii: ",") { end += 1 }
            // Trim the OWS around a list element.
            var s = start, e = end
            while s < e, HTTPByte.isWhitespace(value[s]) { s += 1 }
            while e > s, HTTPByte.isWhitespace(value[e - 1]) { e -= 1 }
            guard s < e else { throw .invalidContentLength }
            var n = 0
            for k in s..<e {
                let b = value[k]
                guard HTTPByte.isDigit(b) else { throw .invalidContentLength }
                let (times10, o1) = n.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times10.addingReportingOverflow(Int(b - UInt8(ascii: "0")))
                guard !o1, !o2 else { throw .invalidContentLength }
                n = sum
            }
            if let previous = contentLength, previous != n { throw .conflictingContentLength }
            contentLength = n
            start = end + 1
        }
    }

    /// Records the codings of one Transfer-Encoding line (RFC 9112 §6.1); judged in `finish`
    /// because the final coding is only known once every line is seen. Empty list elements
    /// are ignored (RFC 9110 §5.6.1).
    private mutating func addTransferCodings(_ value: UnsafeBufferPointer<UInt8>) {
        var start = 0
        while start <= value.count {
            var end = start
            while end < value.count, value[end] != UInt8(ascii: ",") { end += 1 }
            var s = start, e = end
            while s < e, HTTPByte.isWhitespace(value[s]) { s += 1 }
            while e > s, HTTPByte.isWhitespace(value[e - 1]) { e -= 1 }
            if s < e {
                transferCodings += 1
                lastCodingIsChunked = UnsafeBufferPointer(rebasing: value[s..<e]).equalsLowercased("chunked")
                if lastCodingIsChunked { chunkedCount += 1 }
            }
            start = end + 1
        }
    }

    /// The head as read so far, unvalidated and without framing: what a log line can say
    /// about a request refused before its head was complete or accepted.
    var partialHead: HTTPRequestHead {
        let target = requestLine.parsedTarget
        return HTTPRequestHead(method: requestLine.method, target: requestLine.target, path: target.path,
                               pathSegments: target.segments, query: target.query, version: requestLine.version,
                               headers: headers, framing: .none)
    }

    /// Validates the whole head and decides the framing of the body.
    func finish(limits: HTTPParser.Limits) throws(HTTPParseError) -> HTTPRequestHead {
        let version = requestLine.version
        // RFC 9112 §3.2: 400 for an HTTP/1.1 request without Host, for any request with more
        // than one Host, and for an invalid Host value.
        if hostCount > 1 { throw .multipleHost }
        if hostCount == 0, version == .http11 { throw .missingHost }
        if !hostIsValid { throw .invalidHost }

        let framing: HTTPBodyFraming
        if sawTransferEncoding {
            // RFC 9112 §6.1: both present is a smuggling attempt or a broken intermediary;
            // a server MAY reject it, and we do rather than guess.
            if contentLength != nil { throw .contentLengthWithTransferEncoding }
            // RFC 9112 §6.1: Transfer-Encoding in HTTP/1.0 means the framing is faulty.
            if version == .http10 { throw .invalidTransferEncoding }
            if transferCodings == 0 { throw .invalidTransferEncoding }
            // RFC 9112 §6.3 (4): in a request, chunked must be the final coding, else 400.
            guard lastCodingIsChunked else { throw .chunkedNotFinal }
            // RFC 9112 §6.1: chunked MUST NOT be applied more than once.
            if chunkedCount > 1 { throw .invalidTransferEncoding }
            // RFC 9112 §6.1: a server that does not understand a coding answers 501.
            if transferCodings > 1 { throw .unsupportedTransferCoding }
            framing = .chunked
        } else if let length = contentLength {
            // Refused from the head alone, so the server can answer 413 without reading it.
            if length > limits.maxBody { throw .bodyTooLarge }
            framing = .length(length)
        } else {
            // RFC 9112 §6.3 (6): a request with neither has no body.
            framing = .none
        }

        let target = requestLine.parsedTarget
        return HTTPRequestHead(
            method: requestLine.method,
            target: requestLine.target,
            path: target.path,
            pathSegments: target.segments,
            query: target.query,
            // RFC 9112 §3.2.2: with an absolute-form target the server MUST ignore Host (it
            // was still validated above) and use the target's authority.
            authority: target.authority ?? host,
            targetScheme: target.scheme,
            version: version,
            headers: headers,
            framing: framing
        )
    }

    /// Equal to `head.keepAlive`, without tokenising Connection when it is absent.
    static func keepAlive(_ head: HTTPRequestHead, sawConnection: Bool) -> Bool {
        sawConnection ? head.keepAlive : head.version == .http11
    }

    var hasConnectionField: Bool { sawConnection }
}

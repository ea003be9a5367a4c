/// What the parser has recognised so far.
public enum HTTPParserEvent: Sendable, Equatable {
    /// The head is complete; the body (if any) follows. Emitted once per request, before `.message`.
    case head(HTTPRequestHead)
    /// The whole request, body and trailers included.
    case message(HTTPRequest)
}

/// An incremental HTTP/1.1 request parser (RFC 9112): a pure value fed bytes.
///
/// Bytes are appended to one buffer and consumed line by line; each complete line is parsed
/// once, and the search for a line end resumes where the previous call stopped, so feeding a
/// request one byte at a time costs O(n), not O(n²). Body bytes are moved into the request as
/// they arrive, so the buffer only ever holds one partial line or chunk header.
///
/// The result depends only on the bytes, never on how they were split across `append`
/// calls: every check that could fire before a line is complete (the size limits) is
/// decided on a fixed window of bytes.
///
/// Strictness: only CRLF line ends; no obs-fold; no whitespace in chunk lines; exactly one
/// SP between request-line parts; CONNECT refused. After a message that ends the
/// connection (`keepAlive == false`) any further byte is an error (`.dataAfterClose`): the
/// server should answer that message and close without calling `next()` again.
public struct HTTPParser: Sendable {
    public struct Limits: Sendable, Equatable {
        /// Longest request-line, CRLF excluded (414 above it).
        public var maxRequestLine: Int
        /// Largest header section: every field line with its CRLF plus the final CRLF (431).
        /// The trailer section of a chunked body has the same budget of its own.
        public var maxHeaderSection: Int
        /// Most field lines in the header section, and in the trailer section (431).
        public var maxHeaderFields: Int
        /// Largest body, whether announced by Content-Length or grown by chunks (413).
        public var maxBody: Int
        public init(maxRequestLine: Int = 8 * 1024, maxHeaderSection: Int = 32 * 1024,
                    maxHeaderFields: Int = 100, maxBody: Int = 1 << 20) {
            self.maxRequestLine = maxRequestLine
            self.maxHeaderSection = maxHeaderSection
            self.maxHeaderFields = maxHeaderFields
            self.maxBody = maxBody
        }
    }

    private enum State: Sendable {
        /// Between messages: skipping empty lines, waiting for a request-line.
        case requestLine
        /// Reading header field lines.
        case headerFields(HTTPHeadBuilder)
        /// Head returned; reading a Content-Length body (or none: `remaining == 0`).
        case fixedBody(remaining: Int)
        case chunkLine
        case chunkData(remaining: Int)
        case chunkDataEnd
        case trailerFields(count: Int, sectionBytes: Int)
        /// The last message ended the connection; no more bytes are acceptable.
        case closed
        case failed(HTTPParseError)
    }

    public let limits: Limits

    private var buffer: [UInt8] = []
    /// Start of the unconsumed bytes.
    private var readIndex = 0
    /// Where the search for the current line's end resumes: bytes in readIndex..<scanIndex
    /// are known to hold no CR or LF.
    private var scanIndex = 0
    private var state: State = .requestLine

    // The message being read once its head is out.
    private var head: HTTPRequestHead?
    private var keepAlive = true
    private var body: [UInt8] = []
    private var trailers = HTTPHeaders()
    /// What was read of the head the parser failed in (`partialHead` after an error).
    private var failedHead: HTTPRequestHead?

    /// Consumed bytes are dropped once they are at least this many and half the buffer:
    /// amortised O(1) per byte without moving data on every call.
    private static let compactionThreshold = 4096

    public init(limits: Limits = Limits()) { self.limits = limits }

    /// Adds received bytes to the parser's buffer.
    public mutating func append(_ bytes: some Sequence<UInt8>) {
        if case .failed = state { return }  // never read again: do not let it grow
        compact()
        // Arrays, slices and (raw) buffer pointers take the memcpy path.
        let copied: Void? = bytes.withContiguousStorageIfAvailable { buffer.append(contentsOf: $0) }
        if copied == nil { buffer.append(contentsOf: bytes) }
    }

    /// The next event the buffered bytes complete, or nil when more bytes are needed.
    /// After an error the parser stays failed: the connection must be closed.
    public mutating func next() throws(HTTPParseError) -> HTTPParserEvent? {
        if case .failed(let error) = state { throw error }
        do {
            return try step()
        } catch {
            failedHead = partialHead
            state = .failed(error)
            head = nil
            body = []
            buffer = []
            readIndex = 0
            scanIndex = 0
            throw error
        }
    }

    /// What is known of a head that is not (or will never be) returned: the request line's
    /// method, target, path and version, with the header fields read so far (`framing` is
    /// `.none`, since it is not decided yet). Set while the header section arrives and, after an
    /// error, for the head the error was found in: a refusal from the head (413 for a
    /// Content-Length over the limit, 431, 400 for a bad field or Host) or a 408 while the head
    /// arrives is then logged with the method and path it answers. nil before a request line
    /// is parsed, when the request line itself was refused, and once the head is returned
    /// (the caller holds it then).
    public var partialHead: HTTPRequestHead? {
        switch state {
        case .headerFields(let builder): builder.partialHead
        case .failed: failedHead
        default: nil
        }
    }

    /// True between messages with nothing buffered: the connection is idle, not mid-request.
    public var isIdle: Bool {
        switch state {
        case .requestLine, .closed: readIndex == buffer.count
        default: false
        }
    }

    /// Body bytes (chunk data, without framing) of the message being read so far; 0 between
    /// messages. The engine's minimum-data-rate check reads it.
    public var bodyBytesReceived: Int { body.count }

    /// True once a head has been returned and its message is not yet complete.
    public var isReadingBody: Bool {
        switch state {
        case .fixedBody, .chunkLine, .chunkData, .chunkDataEnd, .trailerFields: true
        default: false
        }
    }

    // MARK: - State machine

    private mutating func step() throws(HTTPParseError) -> HTTPParserEvent? {
        while true {
            switch state {
            case .requestLine:
                guard try skipEmptyLines() else { return nil }
                guard let lineEnd = try findLineEnd(maxLength: limits.maxRequestLine) else { return nil }
                guard lineEnd >= 0 else { throw .requestLineTooLong }
                let requestLine = try withLine(upTo: lineEnd) { line throws(HTTPParseError) in
                    try HTTPRequestLine.parse(line)
                }
                state = .headerFields(HTTPHeadBuilder(requestLine: requestLine))

            case .headerFields(var builder):
                // The line plus its CRLF must fit in what is left of the section.
                let room = limits.maxHeaderSection - builder.sectionBytes - 2
                guard let lineEnd = try findLineEnd(maxLength: room) else { return nil }
                guard lineEnd >= 0 else { throw .headerSectionTooLarge }
                if lineEnd == readIndex {
                    readIndex += 2
                    return .head(try startBody(builder))
                }
                // RFC 9112 §5 has no limit, but a server must bound it (RFC 9110 §5.4): 431.
                guard builder.headers.count < limits.maxHeaderFields else { throw .tooManyHeaderFields }
                builder.sectionBytes += lineEnd - readIndex + 2
                let isFirst = builder.headers.count == 0
                state = .requestLine  // keep the builder uniquely referenced while it grows
                do throws(HTTPParseError) {
                    try withLine(upTo: lineEnd) { line throws(HTTPParseError) in
                        // RFC 9112 §2.2: whitespace between the start-line and the first field
                        // line MUST be rejected or the line ignored; we reject.
                        if isFirst, let b = line.first, HTTPByte.isWhitespace(b) { throw .invalidHeaderName }
                        try builder.add(HTTPFieldLine.parse(line), in: line)
                    }
                } catch {
                    state = .headerFields(builder)  // so `partialHead` keeps what was read
                    throw error
                }
                state = .headerFields(builder)

            case .fixedBody(let remaining):
                if remaining == 0 { return .message(finishMessage()) }
                let available = min(remaining, buffer.count - readIndex)
                guard available > 0 else { return nil }
                body.append(contentsOf: buffer[readIndex..<(readIndex + available)])
                readIndex += available
                state = .fixedBody(remaining: remaining - available)

            case .chunkLine:
                guard let lineEnd = try findLineEnd(maxLength: HTTPChunkLine.maxLength) else { return nil }
                guard lineEnd >= 0 else {
                    // Deterministic verdict on an over-long line: the first defect in its
                    // window, else the length itself.
                    _ = try withLine(upTo: readIndex + HTTPChunkLine.maxLength, consume: false) {
                        line throws(HTTPParseError) in try HTTPChunkLine.parse(line)
                    }
                    throw .invalidChunkExtension
                }
                let size = try withLine(upTo: lineEnd) { line throws(HTTPParseError) in
                    try HTTPChunkLine.parse(line)
                }
                if size == 0 {
                    state = .trailerFields(count: 0, sectionBytes: 0)
                } else {
                    // RFC 9112 §7.1: the body limit applies to the sum of the chunks.
                    guard size <= limits.maxBody - body.count else { throw .bodyTooLarge }
                    state = .chunkData(remaining: size)
                }

            case .chunkData(let remaining):
                let available = min(remaining, buffer.count - readIndex)
                guard available > 0 else { return nil }
                body.append(contentsOf: buffer[readIndex..<(readIndex + available)])
                readIndex += available
                state = remaining == available ? .chunkDataEnd : .chunkData(remaining: remaining - available)

            case .chunkDataEnd:
                // RFC 9112 §7.1: chunk-data is followed by exactly CRLF.
                guard readIndex < buffer.count else { return nil }
                guard buffer[readIndex] == HTTPByte.cr else { throw .invalidChunkTerminator }
                guard readIndex + 1 < buffer.count else { return nil }
                guard buffer[readIndex + 1] == HTTPByte.lf else { throw .invalidChunkTerminator }
                readIndex += 2
                state = .chunkLine

            case .trailerFields(let count, let sectionBytes):
                let room = limits.maxHeaderSection - sectionBytes - 2
                guard let lineEnd = try findLineEnd(maxLength: room) else { return nil }
                guard lineEnd >= 0 else { throw .headerSectionTooLarge }
                if lineEnd == readIndex {
                    readIndex += 2
                    return .message(finishMessage())
                }
                guard count < limits.maxHeaderFields else { throw .tooManyHeaderFields }
                // RFC 9112 §7.1.2: trailer fields have the syntax of header fields.
                let field = try withLine(upTo: lineEnd, consume: false) { line throws(HTTPParseError) in
                    do throws(HTTPParseError) {
                        let field = try HTTPFieldLine.parse(line)
                        return (String(decoding: field.name(in: line), as: UTF8.self),
                                String(decoding: field.value(in: line), as: UTF8.self))
                    } catch {
                        throw .invalidTrailer
                    }
                }
                trailers.add(field.0, field.1)
                state = .trailerFields(count: count + 1, sectionBytes: sectionBytes + lineEnd - readIndex + 2)
                readIndex = lineEnd + 2

            case .closed:
                // RFC 9112 §9.6: after a close the server does not process further requests.
                guard readIndex == buffer.count else { throw .dataAfterClose }
                return nil

            case .failed(let error):
                throw error
            }
        }
    }

    /// Moves from the completed header section to the body.
    private mutating func startBody(_ builder: HTTPHeadBuilder) throws(HTTPParseError) -> HTTPRequestHead {
        let head = try builder.finish(limits: limits)
        self.head = head
        keepAlive = HTTPHeadBuilder.keepAlive(head, sawConnection: builder.hasConnectionField)
        body = []
        trailers = HTTPHeaders()
        switch head.framing {
        case .none:
            state = .fixedBody(remaining: 0)
        case .length(let length):
            // Grow with the bytes actually received, so a large announced length costs
            // nothing until it is sent.
            body.reserveCapacity(min(length, 64 * 1024))
            state = .fixedBody(remaining: length)
        case .chunked:
            state = .chunkLine
        }
        return head
    }

    private mutating func finishMessage() -> HTTPRequest {
        // `head` is always set in the body states; the fallback is unreachable.
        let head = self.head ?? HTTPRequestHead(
            method: "", target: "", path: "", query: nil, version: .http11,
            headers: HTTPHeaders(), framing: .none)
        let request = HTTPRequest(head: head, body: body, trailers: trailers)
        self.head = nil
        body = []
        trailers = HTTPHeaders()
        state = keepAlive ? .requestLine : .closed
        return request
    }

    // MARK: - Lines

    /// RFC 9112 §2.2: a server SHOULD ignore at least one empty line before the
    /// request-line. Returns false when more bytes are needed.
    private mutating func skipEmptyLines() throws(HTTPParseError) -> Bool {
        while readIndex < buffer.count {
            switch buffer[readIndex] {
            case HTTPByte.cr:
                guard readIndex + 1 < buffer.count else { return false }
                guard buffer[readIndex + 1] == HTTPByte.lf else { throw .invalidLineEnding }
                readIndex += 2
            case HTTPByte.lf:
                throw .invalidLineEnding
            default:
                return true
            }
        }
        return false
    }

    /// Finds the CR of the CRLF ending the line at `readIndex`.
    ///
    /// Returns nil when more bytes are needed, and -1 when the line's content is longer than
    /// `maxLength`, decided as soon as `maxLength + 1` bytes hold no line end. RFC 9112 §2.2:
    /// a bare CR or bare LF anywhere in a line is refused.
    private mutating func findLineEnd(maxLength: Int) throws(HTTPParseError) -> Int? {
        if maxLength < 0 { return -1 }
        let windowEnd = readIndex + maxLength + 1  // the CR may sit at readIndex + maxLength
        let scanEnd = min(buffer.count, windowEnd)
        let start = max(scanIndex, readIndex)
        let found: Int? = buffer.withUnsafeBufferPointer { bytes in
            var i = start
            while i < scanEnd {
                // Nearly every byte is above CR: one compare per byte on the fast path.
                if bytes[i] <= HTTPByte.cr, bytes[i] == HTTPByte.cr || bytes[i] == HTTPByte.lf {
                    return i
                }
                i += 1
            }
            return nil
        }
        guard let i = found else {
            scanIndex = scanEnd
            return buffer.count >= windowEnd ? -1 : nil
        }
        scanIndex = i
        guard buffer[i] == HTTPByte.cr else { throw .invalidLineEnding }
        guard i + 1 < buffer.count else { return nil }
        guard buffer[i + 1] == HTTPByte.lf else { throw .invalidLineEnding }
        return i
    }

    /// Runs `body` on the bytes readIndex..<end and, if `consume`, moves past the CRLF.
    private mutating func withLine<R>(
        upTo end: Int, consume: Bool = true,
        _ body: (UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> R
    ) throws(HTTPParseError) -> R {
        let start = readIndex
        let result = try buffer.withUnsafeBufferPointer { bytes throws(HTTPParseError) in
            try body(UnsafeBufferPointer(rebasing: bytes[start..<min(end, bytes.count)]))
        }
        if consume { readIndex = end + 2 }
        return result
    }

    private mutating func compact() {
        if readIndex == buffer.count {
            buffer.removeAll(keepingCapacity: true)
        } else if readIndex >= Self.compactionThreshold, readIndex * 2 >= buffer.count {
            buffer.removeSubrange(0..<readIndex)
        } else {
            return
        }
        scanIndex = max(0, scanIndex - readIndex)
        readIndex = 0
    }
}

import DXTime
import DXHTTP
import Dispatch
import Glibc
import DXSync
import Synchronization

/// One line per request, buffered and written in batches: the server's time goes almost all
/// to syscalls, so a `write` per request would be the single largest cost. Lines carry
/// structured fields and never the query string or any header (tokens, personal search terms).
// @unchecked: the timer is created in init and only cancelled in deinit; the buffers are each behind a lock.
public final class AccessLog: @unchecked Sendable {
    private let fd: Int32
    /// One buffer per loop thread (by loop index, modulo the count), so that loops never wait
    /// on each other to log; the writer queue empties them in turn. Lines of one loop keep their
    /// order; lines of different loops are ordered by batch.
    private let buffers: [LineBuffer]
    private static let bufferCount = 16
    private let timer: DispatchSourceTimer
    /// Every write(2) happens here, one at a time, never on a loop thread: a slow or full
    /// stderr pipe must not stall connections, and batches must not interleave mid-line.
    private let queue = DispatchQueue(label: "dxserve.accesslog")
    private let flushScheduled = Atomic<Bool>(false)
    private static let flushThreshold = 64 * 1024
    /// Past this, lines are dropped (and counted) rather than held without bound.
    private static let hardCap = 8 << 20
    private let dropped = Atomic<Int>(0)
    private let failedWrites = Atomic<Int>(0)

    /// Whether client addresses are logged whole; by default an IPv4 address keeps its /24 and
    /// an IPv6 address its /48 (the plan's survey: 66.2 % of citizens fear for their privacy),
    /// enough to see which network a burst comes from, not which household.
    public let fullAddresses: Bool
    /// `text` (key=value) or `json` (one object per line).
    public let format: AccessLogFormat
    /// Kept apart from `format` so the per-line branch is a plain load.
    private let json: Bool

    /// Writes to `fd` (the executable passes stderr). The descriptor is not closed.
    /// `fullAddresses`: log client addresses untruncated (`--log-full-address`).
    public init(fd: Int32, interval: DispatchTimeInterval = .milliseconds(100), fullAddresses: Bool = false,
                format: AccessLogFormat = .text) {
        self.fd = fd
        self.fullAddresses = fullAddresses
        self.format = format
        json = format == .json
        buffers = (0..<Self.bufferCount).map { _ in LineBuffer() }
        timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + interval, repeating: interval)
        let flushLater: @Sendable () -> Void = { [weak self] in self?.writeOut() }
        timer.setEventHandler(handler: flushLater)
        timer.resume()
    }

    deinit {
        timer.cancel()
        writeOut()
    }

    /// Lines dropped because the log could not keep up.
    public var droppedLines: Int { dropped.load(ordering: .relaxed) }
    /// Writes of the log that failed (the batch is lost): the log cannot report on itself.
    public var writeFailures: Int { failedWrites.load(ordering: .relaxed) }

    /// Both formats carry the same fields, `userAgent` included (nil when the request had none).
    public func record(method: String, path: String, status: Int, bytes: Int, durationNanoseconds: UInt64, requestID: String?,
                       client: IPAddress? = nil, userAgent: @autoclosure () -> String? = nil, loop: Int = 0) {
        let prefix = json
            ? Self.jsonLinePrefix(method: method, path: path, status: status, bytes: bytes, userAgent: userAgent())
            : Self.linePrefix(method: method, path: path, status: status, bytes: bytes, userAgent: userAgent())
        if let requestID {
            requestID.utf8.withContiguousStorageIfAvailable { id in
                record(prefix: prefix, durationNanoseconds: durationNanoseconds, requestID: UnsafeRawBufferPointer(id), client: client, loop: loop)
            } ?? record(prefix: prefix, durationNanoseconds: durationNanoseconds, requestID: Array(requestID.utf8), client: client, loop: loop)
        } else {
            record(prefix: prefix, durationNanoseconds: durationNanoseconds, requestID: Array("-".utf8), client: client, loop: loop)
        }
    }

    private func record(prefix: [UInt8], durationNanoseconds: UInt64, requestID: [UInt8], client: IPAddress?, loop: Int) {
        requestID.withUnsafeBytes { record(prefix: prefix, durationNanoseconds: durationNanoseconds, requestID: $0, client: client, loop: loop) }
    }

    /// The part of a line fixed by the request and its answer, up to the duration's value:
    /// `method=GET path=/api/v1/measures status=200 bytes=5836 user_agent="curl/8.5.0" duration_ms=`
    /// (`user_agent=-` without one). A replayed answer keeps it ready, so its line costs only
    /// the duration and the request id.
    static func linePrefix(method: String, path: String, status: Int, bytes: Int, userAgent: String?) -> [UInt8] {
        var line: [UInt8] = []
        line.reserveCapacity(80 + path.utf8.count + (userAgent?.utf8.count ?? 0))
        line.append(contentsOf: "method=".utf8)
        line.append(contentsOf: method.utf8)
        line.append(contentsOf: " path=".utf8)
        line.append(contentsOf: sanitize(path).utf8)
        line.append(contentsOf: " status=".utf8)
        HTTPResponseEncoder.appendDecimal(status, to: &line)
        line.append(contentsOf: " bytes=".utf8)
        HTTPResponseEncoder.appendDecimal(bytes, to: &line)
        line.append(contentsOf: " user_agent=".utf8)
        if let userAgent { appendTextValue(userAgent, to: &line) } else { line.append(UInt8(ascii: "-")) }
        line.append(contentsOf: " duration_ms=".utf8)
        return line
    }

    /// The JSON line's part fixed by the request and its answer, up to the duration's value:
    /// `"method":"GET","path":"/api/v1/measures","status":200,"bytes":5836,"user_agent":"curl/8.5.0","duration_ms":`.
    /// Method, path and user agent are the client's bytes: escaped (RFC 8259 section 7). A
    /// method or path of `-` (a request refused before its request line was read) is `null`,
    /// as the text line's `-` means, like an unknown client or user agent.
    static func jsonLinePrefix(method: String, path: String, status: Int, bytes: Int, userAgent: String?) -> [UInt8] {
        var line: [UInt8] = []
        line.reserveCapacity(96 + path.utf8.count + (userAgent?.utf8.count ?? 0))
        line.append(contentsOf: "\"method\":".utf8)
        if method == "-" { line.append(contentsOf: "null".utf8) } else { appendJSONString(method, to: &line) }
        line.append(contentsOf: ",\"path\":".utf8)
        if path == "-" { line.append(contentsOf: "null".utf8) } else { appendJSONString(path, to: &line) }
        line.append(contentsOf: ",\"status\":".utf8)
        HTTPResponseEncoder.appendDecimal(status, to: &line)
        line.append(contentsOf: ",\"bytes\":".utf8)
        HTTPResponseEncoder.appendDecimal(bytes, to: &line)
        line.append(contentsOf: ",\"user_agent\":".utf8)
        if let userAgent { appendJSONString(userAgent, to: &line) } else { line.append(contentsOf: "null".utf8) }
        line.append(contentsOf: ",\"duration_ms\":".utf8)
        return line
    }

    /// A text line's value (`key=value`): bare when it is printable ASCII without spaces, quotes,
    /// backslashes or `=` (and neither empty nor `-`, which stands for "none"), else as a JSON
    /// string, so the line stays one line and its fields separable whatever the client sent.
    package static func appendTextValue(_ value: String, to out: inout [UInt8]) {
        let plain = !value.isEmpty && value != "-"
            && value.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C && $0 != 0x3D }
        if plain { out.append(contentsOf: value.utf8) } else { appendJSONString(value, to: &out) }
    }

    /// `value` as a JSON string with its quotes. A Swift `String` is valid Unicode (bytes that
    /// were not UTF-8 arrive as U+FFFD), so only the quote, the backslash and the control
    /// characters need escaping (RFC 8259 section 7); DEL is escaped too, to keep lines printable.
    /// So are the characters a reader's tools take for a line end or that reorder what a terminal
    /// shows (Trojan Source, CVE-2021-42574): C1 controls (NEL U+0085 among them), U+2028/U+2029
    /// and the bidirectional controls U+202A–U+202E, U+2066–U+2069, written `\u0085`, so a line
    /// stays one line on screen as well, and still parses to the same text.
    package static func appendJSONString(_ value: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        if value.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C && $0 < 0x7F }) {
            out.append(contentsOf: value.utf8)
        } else {
            let hex = Array("0123456789abcdef".utf8)
            for scalar in value.unicodeScalars {
                switch scalar.value {
                case 0x22: out.append(contentsOf: "\\\"".utf8)
                case 0x5C: out.append(contentsOf: "\\\\".utf8)
                case 0x0A: out.append(contentsOf: "\\n".utf8)
                case 0x0D: out.append(contentsOf: "\\r".utf8)
                case 0x09: out.append(contentsOf: "\\t".utf8)
                case ..<0x20, 0x7F...0x9F, 0x2028...0x2029, 0x202A...0x202E, 0x2066...0x2069:
                    out.append(contentsOf: "\\u".utf8)
                    for shift in [12, 8, 4, 0] { out.append(hex[Int((scalar.value >> UInt32(shift)) & 0xF)]) }
                default: UTF8.encode(scalar) { out.append($0) }
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Completes a line from its prefix: the duration in milliseconds with three decimals, and
    /// the request id (already one of the sane characters, or the client's checked one).
    /// Every line starts with the time it was logged, RFC 3339 UTC with milliseconds, then the
    /// client (`client=192.0.2.0`, `-` when unknown), truncated unless `fullAddresses`.
    /// `wallClock`: the line's time in nanoseconds since the epoch when the caller has it
    /// (a loop derives it from the monotonic reading it took for the duration); read here if nil.
    func record(prefix: [UInt8], durationNanoseconds: UInt64, requestID: UnsafeRawBufferPointer, client: IPAddress? = nil, loop: Int,
                wallClock: UInt64? = nil) {
        let micros = durationNanoseconds / 1000
        var now = timespec()
        if let wallClock {
            now.tv_sec = Int(wallClock / 1_000_000_000)
            now.tv_nsec = Int(wallClock % 1_000_000_000)
        } else {
            clock_gettime(CLOCK_REALTIME, &now)
        }
        let full = buffers[loop & (Self.bufferCount - 1)].lines.withLock { pending -> Bool in
            guard pending.bytes.count < Self.hardCap else {
                dropped.add(1, ordering: .relaxed)
                return true
            }
            if pending.client != client || pending.clientField.isEmpty {
                // A loop's lines mostly come from the same few clients: the masked address is
                // rendered once per change of client, not once per line.
                pending.client = client
                pending.clientText.removeAll(keepingCapacity: true)
                if let client {
                    (fullAddresses ? client : client.masked(to: client.family == .v4 ? 24 : 48)).append(to: &pending.clientText)
                }
                pending.clientField = Self.clientField
                if pending.clientText.isEmpty { pending.clientField.append(UInt8(ascii: "-")) } else { pending.clientField.append(contentsOf: pending.clientText) }
                pending.clientField.append(UInt8(ascii: " "))
            }
            if json {
                appendJSON(prefix: prefix, micros: micros, requestID: requestID, now: now, to: &pending)
                return pending.bytes.count >= Self.flushThreshold
            }
            pending.appendTime(now)
            pending.bytes.append(contentsOf: pending.clientField)
            pending.bytes.append(contentsOf: prefix)
            Self.appendMilliseconds(micros: micros, to: &pending.bytes)
            pending.bytes.append(contentsOf: Self.requestIDField)
            pending.bytes.append(contentsOf: requestID.isEmpty ? UnsafeRawBufferPointer(start: nil, count: 0) : requestID)
            if requestID.isEmpty { pending.bytes.append(UInt8(ascii: "-")) }
            pending.bytes.append(UInt8(ascii: "\n"))
            return pending.bytes.count >= Self.flushThreshold
        }
        if full && !flushScheduled.exchange(true, ordering: .relaxed) {
            queue.async { [self] in
                flushScheduled.store(false, ordering: .relaxed)
                writeOut()
            }
        }
    }

    /// The JSON line: `{"time":"…","client":"192.0.2.0",` + prefix + duration + `,"request_id":"…"}`.
    /// The request id needs no escaping: it is generated or passed `HTTPRequestID.isSane`.
    private func appendJSON(prefix: [UInt8], micros: UInt64, requestID: UnsafeRawBufferPointer, now: timespec,
                            to pending: inout PendingLines) {
        pending.bytes.append(contentsOf: "{\"time\":\"".utf8)
        pending.appendTime(now)
        pending.bytes.append(contentsOf: "\",\"client\":".utf8)
        if !pending.clientText.isEmpty {
            pending.bytes.append(UInt8(ascii: "\""))
            pending.bytes.append(contentsOf: pending.clientText)
            pending.bytes.append(contentsOf: "\",".utf8)
        } else {
            pending.bytes.append(contentsOf: "null,".utf8)
        }
        pending.bytes.append(contentsOf: prefix)
        Self.appendMilliseconds(micros: micros, to: &pending.bytes)
        pending.bytes.append(contentsOf: ",\"request_id\":".utf8)
        if requestID.isEmpty || (requestID.count == 1 && requestID[0] == UInt8(ascii: "-")) {
            pending.bytes.append(contentsOf: "null}\n".utf8)
        } else {
            pending.bytes.append(UInt8(ascii: "\""))
            pending.bytes.append(contentsOf: requestID)
            pending.bytes.append(contentsOf: "\"}\n".utf8)
        }
    }

    // Ready bytes: appending a literal's UTF-8 view goes through the generic sequence path.
    private static let clientField: [UInt8] = Array(" client=".utf8)
    private static let requestIDField: [UInt8] = Array(" request_id=".utf8)

    /// `micros` as milliseconds with three decimals (`12.345`).
    private static func appendMilliseconds(micros: UInt64, to buf: inout [UInt8]) {
        let whole = micros / 1000
        // Most answers take under 10 ms: one digit, without the general conversion.
        if whole < 10 { buf.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: whole)) } else {
            HTTPResponseEncoder.appendDecimal(Int(whole), to: &buf)
        }
        let fraction = Int(micros % 1000)
        buf.append(UInt8(ascii: "."))
        buf.append(UInt8(ascii: "0") + UInt8(fraction / 100))
        buf.append(UInt8(ascii: "0") + UInt8(fraction / 10 % 10))
        buf.append(UInt8(ascii: "0") + UInt8(fraction % 10))
    }

    /// Writes everything buffered so far and returns once it is written (used at shutdown).
    public func flush() {
        queue.sync { writeOut() }
    }

    private func writeOut() {
        for buffer in buffers {
            let bytes = buffer.lines.withLock { pending -> [UInt8] in
                let taken = pending.bytes
                pending.bytes.removeAll(keepingCapacity: true)
                return taken
            }
            write(bytes)
        }
    }

    private func write(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 {
                    failedWrites.add(1, ordering: .relaxed)
                    return
                }
                offset += n
            }
        }
    }

    /// A path is client-chosen: keep the line one line, and its fields separable.
    package static func sanitize(_ path: String) -> String {
        if !path.isEmpty && path.utf8.allSatisfy({ $0 > 0x20 && $0 != 0x7F }) { return path }
        var out = ""
        for scalar in path.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F || scalar == " " {
                out += "%" + String(scalar.value, radix: 16, uppercase: true).leftPadded(2)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out.isEmpty ? "-" : out
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

/// One loop's pending access-log lines.
private final class LineBuffer: Sendable {
    let lines = Locked<PendingLines>(PendingLines())
}

/// The lines not yet written, and what the next line of the same loop will likely repeat: the
/// time stamp up to its milliseconds (RFC 3339 formatting is most of a line's cost, and a
/// loop writes thousands of lines within one second) and the client's rendered address.
private struct PendingLines {
    var bytes: [UInt8] = []
    var stampSecond = Int.min
    /// `2026-11-30T22:15:03.` for `stampSecond`; empty when that second has no 4-digit year.
    var stamp: [UInt8] = []
    /// The client `clientText` renders (masked or not, as configured; empty for none).
    var client: IPAddress?
    var clientText: [UInt8] = []
    /// ` client=192.0.2.0 ` (or ` client=- `): the text line's whole field, in one append;
    /// empty until the first line.
    var clientField: [UInt8] = []

    /// Appends `now` as RFC 3339 UTC with milliseconds (`RFC3339Instant.appendUTC`).
    mutating func appendTime(_ now: timespec) {
        let seconds = Int(now.tv_sec)
        let milliseconds = Int(now.tv_nsec / 1_000_000)
        if seconds != stampSecond {
            stampSecond = seconds
            stamp.removeAll(keepingCapacity: true)
            RFC3339Instant.appendUTC(seconds: seconds, milliseconds: 0, to: &stamp)
            // `…:SS.000Z`: keep through the dot; any other shape (a year past 9999) is not cached.
            if stamp.count == 24 { stamp.removeLast(4) } else { stamp.removeAll(keepingCapacity: true) }
        }
        guard !stamp.isEmpty, (0...999).contains(milliseconds) else {
            RFC3339Instant.appendUTC(seconds: seconds, milliseconds: milliseconds, to: &bytes)
            return
        }
        bytes.append(contentsOf: stamp)
        bytes.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: milliseconds / 100))
        bytes.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: milliseconds / 10 % 10))
        bytes.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: milliseconds % 10))
        bytes.append(UInt8(ascii: "Z"))
    }
}

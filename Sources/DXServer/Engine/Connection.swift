import CDXSystem
import Dispatch
import Glibc

/// One client connection, owned by its loop thread. Requests are processed one at a time in
/// arrival order, which is what keeps pipelined responses in order (RFC 9112 §9.3.2).
final class Connection {
    enum State {
        /// Waiting for (more of) a request.
        case reading
        /// A complete request is with the responder; nothing else is parsed meanwhile.
        case processing
        /// The last response is queued; close once it is written.
        case closing
        /// Written and half-closed: unread input is drained for a moment so that closing does
        /// not reset the connection and destroy the response before the client reads it
        /// (RFC 9112 §9.6).
        case lingering
        case closed
    }

    let id: UInt64
    let fd: Int32
    unowned let loop: EventLoop
    private var parser: HTTPParser
    private var state = State.reading
    private var output: [UInt8] = []
    private var outputOffset = 0
    private var deadline: UInt64 = 0
    private var deadlineIsIdle = true
    private var lastWriteProgress: UInt64 = 0
    private var peerClosedInput = false
    private var draining = false
    private var requestStarted: UInt64 = 0
    private var currentHead: HTTPRequestHead?
    private var sentContinue = false
    /// Guards against re-entering the parse loop from a response completed synchronously
    /// inside it, so that thousands of pipelined cached requests iterate instead of recursing.
    private var inProcessInput = false
    private var lingerBudget = 0
    /// Whether a response has been completed on this connection: a draining server spares a
    /// connection until it has answered its first request (a client that connected before the
    /// drain began has done nothing wrong).
    private var hasServedRequest = false
    /// Start of the body-rate window (0: no body being read) and the body bytes already
    /// received when it started.
    private var bodyRateStart: UInt64 = 0
    private var bodyRateBaseline = 0

    // Links of the loop's idle list (`IdleConnections`); touched by that list only.
    var isInIdleList = false
    var idleNext: Connection?
    unowned(unsafe) var idlePrevious: Connection?

    init(fd: Int32, id: UInt64, loop: EventLoop) {
        self.fd = fd
        self.id = id
        self.loop = loop
        self.parser = HTTPParser(limits: loop.server.configuration.limits)
    }

    deinit {
        if state != .closed { SocketCalls.close(fd) }
    }

    private var config: ServerConfiguration { loop.server.configuration }

    func start() {
        // A new connection gets the header timeout, not the idle one: a client that connects
        // and sends nothing is treated like one that sends a request slowly.
        setDeadline(seconds: config.headerTimeout, idle: false)
        readAvailable()
        updateIdleState()
    }

    /// No request in progress and nothing to write: idle keep-alive, or accepted and silent.
    /// Such a connection may be closed to admit a new one at the connection limit.
    var isEvictable: Bool { state == .reading && parser.isIdle && !hasPendingOutput }

    /// Keeps the loop's idle list in step with `isEvictable`; O(1).
    private func updateIdleState() {
        let evictable = isEvictable
        if evictable != isInIdleList { loop.setIdle(self, evictable) }
    }

    func handle(events: UInt32) {
        if events & (DX_EPOLLERR) != 0 {
            close()
            return
        }
        if state == .lingering {
            discardInput()
            return
        }
        if events & DX_EPOLLOUT != 0 && hasPendingOutput {
            flush()
        }
        if state != .closed && events & (DX_EPOLLIN | DX_EPOLLRDHUP | DX_EPOLLHUP) != 0 {
            readAvailable()
        }
        updateIdleState()
    }

    private var hasPendingOutput: Bool { outputOffset < output.count }
    private var pendingOutputBytes: Int { output.count - outputOffset }

    /// Edge-triggered: drain the socket until EAGAIN, unless back-pressure says to wait.
    private func readAvailable() {
        while state == .reading && !peerClosedInput && pendingOutputBytes < config.outputHighWater {
            let n: Int
            do {
                n = try SocketCalls.read(fd, into: loop.readBuffer)
            } catch .blocked {
                break
            } catch .disconnected {
                peerClosedInput = true
                break
            } catch {
                close()
                return
            }
            if parser.isIdle && deadlineIsIdle {
                // The first byte after an idle keep-alive period starts the header deadline;
                // bytes that keep the parser idle (bare CRLFs) do not restart it.
                requestStarted = MonotonicClock.now()
                setDeadline(seconds: config.headerTimeout, idle: false)
            }
            parser.append(UnsafeRawBufferPointer(rebasing: loop.readBuffer[0..<n]))
            processInput()
        }
        if peerClosedInput && state == .reading {
            // Half-closed by the peer with nothing more to answer.
            if hasPendingOutput { state = .closing } else { close() }
            return
        }
    }

    private func resume() {
        guard !inProcessInput, state == .reading else { return }
        processInput()
        if state == .reading { readAvailable() }
    }

    private func processInput() {
        inProcessInput = true
        defer { inProcessInput = false }
        while state == .reading && pendingOutputBytes < config.outputHighWater {
            let event: HTTPParserEvent?
            do {
                event = try parser.next()
            } catch {
                fail(status: error.status, detail: error.detail)
                return
            }
            guard let event else { return }
            switch event {
            case let .head(head):
                currentHead = head
                sentContinue = false
                setDeadline(seconds: config.bodyTimeout, idle: false)
                if parser.isReadingBody { startBodyRateWindow() }
                if head.expectsContinue {
                    // RFC 9110 §10.1.1: a final status the head alone decides is sent instead
                    // of 100, so the client does not upload a body for nothing.
                    if let early = loop.server.responder.responseBeforeBody(head: head) {
                        answerBeforeBody(head, early)
                        return
                    }
                    // RFC 9110 §10.1.1: tell the client to send the body it is holding back.
                    // If the body is already buffered the interim response is harmless.
                    enqueue(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8))
                    sentContinue = true
                    flush()
                }
            case let .message(request):
                dispatch(request)
            }
        }
    }

    /// The answer to an `Expect: 100-continue` head, before its body. The body is not read:
    /// the response says `Connection: close` and the connection lingers (discarding what the
    /// client still sends) before it closes (RFC 9110 §10.1.1, RFC 9112 §9.6). Reading it
    /// instead would need the client to send a body it was just told is unwanted, and a client
    /// that does not would have its next request taken for that body.
    private func answerBeforeBody(_ head: HTTPRequestHead, _ response: HTTPResponse) {
        state = .processing
        deadline = 0
        bodyRateStart = 0
        if requestStarted == 0 { requestStarted = MonotonicClock.now() }
        complete(head, response, close: true)
    }

    private func startBodyRateWindow() {
        bodyRateStart = MonotonicClock.now()
        bodyRateBaseline = parser.bodyBytesReceived
    }

    private func dispatch(_ request: HTTPRequest) {
        state = .processing
        deadline = 0
        bodyRateStart = 0
        if requestStarted == 0 { requestStarted = MonotonicClock.now() }
        let responder = loop.server.responder
        if let response = responder.respondWithoutBlocking(to: request) {
            complete(request.head, response)
            return
        }
        let loop = self.loop
        let id = self.id
        // The request crosses to a worker and the response comes back through the loop's
        // queue; the connection itself never leaves this thread.
        loop.server.workers.async {
            let response = responder.respond(to: request)
            loop.execute {
                loop.connection(id: id)?.complete(request.head, response)
            }
        }
    }

    private func complete(_ head: HTTPRequestHead, _ response: HTTPResponse, close mustClose: Bool = false) {
        guard state == .processing else { return }
        hasServedRequest = true
        let keepAlive = head.keepAlive && !draining && !loop.server.isDraining && !mustClose
        let bytes = serialize(response, for: head, keepAlive: keepAlive)
        enqueue(bytes)
        loop.server.log(head: head, status: response.status, bytes: response.body.count, started: requestStarted, requestID: response.headers["X-Request-Id"])
        requestStarted = 0
        currentHead = nil
        flush()
        guard state != .closed else { return }
        if keepAlive {
            state = .reading
            if parser.isIdle {
                setDeadline(seconds: config.idleTimeout, idle: true)
            } else {
                requestStarted = MonotonicClock.now()
                setDeadline(seconds: config.headerTimeout, idle: false)
            }
            resume()
        } else {
            state = .closing
            if !hasPendingOutput { linger() }
        }
        updateIdleState()
    }

    /// A framing error or timeout: answer if we still can, then close, since the byte stream
    /// can no longer be trusted.
    private func fail(status: Int, detail: String) {
        let response = loop.server.responder.errorResponse(status: status, detail: detail)
        let head = currentHead ?? HTTPRequestHead(
            method: "-", target: "-", path: "-", query: nil, version: .http11, headers: HTTPHeaders(), framing: .none)
        enqueue(serialize(response, for: head, keepAlive: false))
        loop.server.log(head: head, status: status, bytes: response.body.count,
                        started: requestStarted == 0 ? MonotonicClock.now() : requestStarted,
                        requestID: response.headers["X-Request-Id"])
        state = .closing
        flush()
        if state == .closing && !hasPendingOutput { linger() }
    }

    private func serialize(_ response: HTTPResponse, for head: HTTPRequestHead, keepAlive: Bool) -> [UInt8] {
        // Bytes appended straight into one buffer sized up front: this runs for every
        // response, and building a String first would copy everything twice.
        let bodyAllowed = HTTPStatus.allowsBody(response.status)
        let sendBody = bodyAllowed && head.method != "HEAD"
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256 + response.headers.count * 48 + (sendBody ? response.body.count : 0))
        bytes.append(contentsOf: "HTTP/1.1 \(response.status) \(HTTPStatus.reason(response.status))\r\nDate: ".utf8)
        bytes.append(contentsOf: loop.refreshDate().utf8)
        bytes.append(contentsOf: "\r\nServer: dxserve\r\n".utf8)
        for (name, value) in response.headers.fields {
            bytes.append(contentsOf: name.utf8)
            bytes.append(contentsOf: ": ".utf8)
            bytes.append(contentsOf: value.utf8)
            bytes.append(contentsOf: "\r\n".utf8)
        }
        if bodyAllowed && !response.headers.contains("Content-Length") {
            bytes.append(contentsOf: "Content-Length: \(response.body.count)\r\n".utf8)
        }
        if !keepAlive {
            bytes.append(contentsOf: "Connection: close\r\n".utf8)
        } else if head.version == .http10 {
            bytes.append(contentsOf: "Connection: keep-alive\r\n".utf8)
        }
        bytes.append(contentsOf: "\r\n".utf8)
        if sendBody { bytes.append(contentsOf: response.body) }
        return bytes
    }

    private func enqueue(_ bytes: [UInt8]) {
        if outputOffset == output.count {
            output = bytes
            outputOffset = 0
        } else {
            // A client that reads steadily but never lets the buffer empty would otherwise
            // keep every byte ever sent; drop the sent prefix once it dominates.
            if outputOffset >= 64 * 1024 && outputOffset * 2 >= output.count {
                output.removeSubrange(0..<outputOffset)
                outputOffset = 0
            }
            output.append(contentsOf: bytes)
        }
        lastWriteProgress = MonotonicClock.now()
    }

    private func flush() {
        while hasPendingOutput {
            let offset = outputOffset
            let result = output.withUnsafeBytes { buffer in
                Result { () throws(SocketError) -> Int in
                    try SocketCalls.send(fd, UnsafeRawBufferPointer(rebasing: buffer[offset...]))
                }
            }
            let n: Int
            switch result {
            case let .success(sent):
                n = sent
            case .failure(.blocked):
                return  // EPOLLOUT (edge) tells us when to go on.
            case .failure:
                close()
                return
            }
            outputOffset += n
            lastWriteProgress = MonotonicClock.now()
        }
        output.removeAll(keepingCapacity: output.capacity <= 64 * 1024)
        outputOffset = 0
        switch state {
        case .closing:
            linger()
        case .reading:
            if draining || loop.server.isDraining, parser.isIdle, hasServedRequest {
                close()
                return
            }
            // The body was not read while output was pending: its rate is measured afresh.
            if bodyRateStart != 0 { startBodyRateWindow() }
            // Read deadlines pause while a response is being written; the idle one starts
            // once it is out.
            if parser.isIdle && deadlineIsIdle { setDeadline(seconds: config.idleTimeout, idle: true) }
            // Output drained below the high-water mark: pick up what back-pressure left.
            resume()
        default:
            break
        }
    }

    private func setDeadline(seconds: Double, idle: Bool) {
        deadline = MonotonicClock.now() &+ Self.nanoseconds(seconds)
        deadlineIsIdle = idle
    }

    /// Saturating: a configured duration can never trap the conversion.
    static func nanoseconds(_ seconds: Double) -> UInt64 {
        guard seconds.isFinite, seconds > 0 else { return 0 }
        return seconds >= 1e9 ? UInt64(1e18) : UInt64(seconds * 1_000_000_000)
    }

    /// Half-close, then read and drop whatever the client still sends, for up to 2 s or
    /// 1 MiB, before the real close.
    private func linger() {
        guard state != .closed, state != .lingering else { return }
        state = .lingering
        if Glibc.shutdown(fd, Int32(SHUT_WR)) != 0 && errno != ENOTCONN {
            // ENOTCONN: the peer already reset; anything else is unexpected but not fatal,
            // since the close that follows releases the socket anyway.
            loop.server.noteSyscallFailure("shutdown(SHUT_WR)", errno)
        }
        deadline = MonotonicClock.now() &+ 2_000_000_000
        lingerBudget = 1 << 20
        discardInput()
    }

    private func discardInput() {
        while state == .lingering {
            do {
                let n = try SocketCalls.read(fd, into: loop.readBuffer)
                lingerBudget -= n
                if lingerBudget <= 0 { close() }
            } catch .blocked {
                return
            } catch {
                close()
            }
        }
    }

    func checkDeadline(now: UInt64) {
        if hasPendingOutput {
            // While a response is going out only the write timeout applies: a slow reader of a
            // large response is not idle, and a pipelined request behind it is not late.
            if now &- lastWriteProgress > Self.nanoseconds(config.writeTimeout) { close() }
            return
        }
        if state == .lingering {
            if now >= deadline { close() }
            return
        }
        guard state == .reading else { return }
        if bodyRateStart != 0 && parser.isReadingBody && bodyIsTooSlow(now: now) {
            loop.server.statistics.noteTimeout(.bodyRate)
            fail(status: 408, detail: "The request body arrived slower than \(Metrics.format(config.minBodyRate)) bytes per second.")
            return
        }
        guard deadline != 0, now >= deadline else { return }
        if deadlineIsIdle || parser.isIdle {
            close()
        } else {
            loop.server.statistics.noteTimeout(parser.isReadingBody ? .body : .header)
            fail(status: 408, detail: "The request was not received in time.")
        }
        updateIdleState()
    }

    /// After the grace period, the body must have averaged at least `minBodyRate` bytes per
    /// second since its head (or since output stopped holding it back). Saturating and
    /// float-only: nothing here can trap.
    private func bodyIsTooSlow(now: UInt64) -> Bool {
        let minimum = config.minBodyRate
        guard minimum > 0, minimum.isFinite, now > bodyRateStart else { return false }
        let elapsed = now - bodyRateStart
        guard elapsed >= Self.nanoseconds(config.bodyRateGrace) else { return false }
        let received = Double(parser.bodyBytesReceived - bodyRateBaseline)
        return received < minimum * (Double(elapsed) / 1e9)
    }

    /// Graceful shutdown: idle connections go now; busy ones after their response; one that
    /// has not yet had a request answered is served once (within the header timeout) first.
    func drain() {
        draining = true
        if isEvictable && hasServedRequest { close() }
    }

    /// Closed to admit a new connection at the limit; only ever called while `isEvictable`.
    func evict() {
        loop.server.statistics.noteEviction()
        close()
    }

    /// Reads whatever is already waiting on the socket (a request that arrived but whose
    /// event is not yet handled), so that an eviction never takes a connection mid-request.
    func readPending() {
        if state == .reading { readAvailable() }
        updateIdleState()
    }

    func close() {
        guard state != .closed else { return }
        state = .closed
        if let error = SocketCalls.close(fd) { loop.server.noteSyscallFailure(error) }
        loop.connectionClosed(self)
    }
}

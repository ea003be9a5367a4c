import DXHTTP
import CDXSystem
import Dispatch
import Glibc

/// One client connection, owned by its loop thread. Requests are processed one at a time in
/// arrival order, which is what keeps pipelined responses in order (RFC 9112 §9.3.2).
final class Connection: DeadlineQueued {
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

    /// The loop's token for this connection (`ConnectionTable.token`): the epoll data and the
    /// key a worker's answer comes back under, never matching a later connection on the same fd.
    let id: UInt64
    let fd: Int32
    /// The client's address as accepted; every request head read here carries it.
    let peer: IPAddress?
    /// The loop owns its connections and closes them all before it goes away, so the back
    /// link can skip the unowned reference count that every access would otherwise pay.
    unowned(unsafe) let loop: EventLoop
    private var parser: HTTPParser
    private var state = State.reading
    private var output = OutputBuffer()
    /// The idle, header or body deadline; nil while a request is with the responder. It pauses
    /// while output is pending (the write deadline applies then).
    private var readDeadline: Deadline?
    private var lingerDeadline: Deadline?
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
    /// The request being answered asked to close (`Connection: close`, or HTTP/1.0 without
    /// keep-alive): the client sends nothing after it (RFC 9112 §9.6).
    private var clientAskedToClose = false
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
    // Links of the loop's `DeadlineQueue`; touched by that queue only.
    var queuedDeadline: Deadline?
    var deadlineNext: Connection?
    unowned(unsafe) var deadlinePrevious: Connection?
    /// The exact head bytes of the request being processed, when it was read whole from an
    /// idle parser: the key under which its answer may be kept for replay.
    private var replayCandidate: [UInt8]?
    /// The streamed body being sent (`BodyStream`); the connection stays `.processing` until
    /// it ends, so a pipelined request waits its turn.
    private var streaming: StreamingBody?

    init(fd: Int32, id: UInt64, loop: EventLoop, peer: IPAddress? = nil) {
        self.peer = peer
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
        setDeadline(.header, seconds: config.headerTimeout)
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

    private var hasPendingOutput: Bool { !output.isEmpty }
    private var pendingOutputBytes: Int { output.count }

    private var readDeadlineIsIdle: Bool { readDeadline?.kind == .idle }

    /// Queues the one deadline that applies now in the loop's `DeadlineQueue`: linger once
    /// half-closed; while output is pending only the write timeout (a slow reader of a large
    /// response is not idle, and a pipelined request behind it is not late); otherwise, while
    /// reading, the read deadline.
    ///
    /// Lazily: a deadline of the kind already queued that falls due later (keep-alive traffic
    /// pushing its idle deadline on, a slow reader making write progress) stays where it is,
    /// and `deadlinePassed` re-queues it when the earlier one comes up. The hot path then
    /// touches no list at all.
    private func updateTimer() {
        let wanted = currentDeadline
        if let queued = queuedDeadline, let wanted, queued.kind == wanted.kind, wanted.at >= queued.at { return }
        if wanted != queuedDeadline { loop.deadlines.schedule(self, wanted) }
    }

    /// The one deadline that applies now, as `updateTimer` describes.
    private var currentDeadline: Deadline? {
        switch state {
        case .closed:
            return nil
        case .lingering:
            return lingerDeadline
        case .reading, .processing, .closing:
            if hasPendingOutput {
                return Deadline(.write, at: lastWriteProgress &+ Deadline.nanoseconds(config.writeTimeout))
            }
            return state == .reading ? readDeadline : nil
        }
    }

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
            // The loop's reading at its wake, not a fresh one: see `EventLoop.now`.
            if parser.isIdle && readDeadlineIsIdle { requestStarted = loop.now }
            var bytes = UnsafeRawBufferPointer(rebasing: loop.readBuffer[0..<n])
            if parser.isIdle {
                let replayed = replay(bytes)
                if replayed == n { continue }
                bytes = UnsafeRawBufferPointer(rebasing: bytes[replayed...])
                replayCandidate = ReplayCache.headLength(bytes).map { Array(bytes[0..<$0]) }
            }
            if parser.isIdle && readDeadlineIsIdle {
                // The first byte after an idle keep-alive period that is not a replayed head
                // starts the header deadline; bytes that keep the parser idle (bare CRLFs) do
                // not restart it.
                if requestStarted == 0 { requestStarted = loop.now }
                setDeadline(.header, seconds: config.headerTimeout)
            }
            parser.append(bytes)
            processInput()
        }
        if peerClosedInput && state == .reading {
            // Half-closed by the peer with nothing more to answer.
            if hasPendingOutput { state = .closing } else { close() }
            return
        }
    }

    /// Answers the heads at the start of `bytes` that the loop's replay cache knows, as long as
    /// their answers are current; returns how many bytes it answered. Only keep-alive requests
    /// outside a drain are replayed, so the connection stays `.reading` throughout.
    private func replay(_ bytes: UnsafeRawBufferPointer) -> Int {
        var offset = 0
        var version: UInt64?
        while offset < bytes.count, state == .reading, pendingOutputBytes < config.outputHighWater,
              let (entry, length) = loop.replayCache.lookup(UnsafeRawBufferPointer(rebasing: bytes[offset...]))
        {
            if version == nil { version = loop.server.responder.dataVersion }
            guard entry.version == version, !draining, !loop.server.isDraining else {
                if entry.version != version { loop.replayCache.remove(head: entry.head) }
                break
            }
            // A later head of the same read starts when the answer before it was taken.
            let started = offset == 0 && requestStarted != 0 ? requestStarted : loop.now
            send(entry.response, started: started)
            offset += length
        }
        if offset > 0 {
            requestStarted = 0
            if offset == bytes.count && !hasPendingOutput { setDeadline(.idle, seconds: config.idleTimeout) }
        }
        return offset
    }

    private static let requestIDName: [UInt8] = Array("X-Request-Id: ".utf8)

    private func send(_ prepared: PreparedResponse, started: UInt64) {
        hasServedRequest = true
        var tail = loop.takeResponseTail()
        var generatedID: Range<Int>?
        // Bytes, not String literals: appending a literal's UTF-8 view goes through the generic
        // sequence path, several times the cost of copying a ready array.
        if prepared.generatesRequestID {
            tail.append(contentsOf: Self.requestIDName)
            let start = tail.count
            // Called in place: a local copy of the existential costs a retain and a release.
            loop.server.responder.appendRequestID(to: &tail)
            generatedID = start..<tail.count
            tail.append(0x0D); tail.append(0x0A)
        }
        tail.append(0x0D); tail.append(0x0A)
        // Counted before it leaves, so a client that reads the answer and then /metrics sees it.
        // The one clock reading of a replayed answer: the write, the deadlines and the log
        // line's wall time all use it (`EventLoop.now`, `wallClockOffset`).
        let finished = loop.readClock()
        let nanoseconds = finished &- started
        prepared.record(nanoseconds)
        write(prepared.fields, tail, prepared.body)
        if let log = loop.server.accessLog {
            // The id is logged from where it already is: no copy of it per request.
            if let generatedID {
                tail.withUnsafeBytes { all in
                    log.record(prefix: prepared.logPrefix, durationNanoseconds: nanoseconds,
                               requestID: UnsafeRawBufferPointer(rebasing: all[generatedID]), client: peer, loop: loop.index,
                               wallClock: finished &+ loop.wallClockOffset)
                }
            } else {
                prepared.echoedRequestID.withUnsafeBytes {
                    log.record(prefix: prepared.logPrefix, durationNanoseconds: nanoseconds, requestID: $0, client: peer, loop: loop.index,
                               wallClock: finished &+ loop.wallClockOffset)
                }
            }
        }
        loop.returnResponseTail(tail)
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
            case var .head(head):
                head.peer = peer
                currentHead = head
                sentContinue = false
                setDeadline(.body, seconds: config.bodyTimeout)
                if parser.isReadingBody { startBodyRateWindow() }
                if head.expectsContinue {
                    // RFC 9110 §10.1.1: a final status the head alone decides is sent instead
                    // of 100, so the client does not upload a body for nothing.
                    switch loop.server.responder.continueDecision(head: head) {
                    case .refuse(let early):
                        answerBeforeBody(head, early)
                        return
                    case .checkOnWorker:
                        checkBeforeBody(head)
                        return
                    case .proceed:
                        sendContinue()
                    }
                }
            case var .message(request):
                request.head.peer = peer
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
        stopReading()
        complete(head, response, close: true)
    }

    /// RFC 9110 §10.1.1: tell the client to send the body it is holding back. If the body is
    /// already buffered the interim response is harmless.
    private func sendContinue() {
        enqueue(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8))
        sentContinue = true
        flush()
    }

    /// Asks a worker whether the head is refused after all (a token only the database can
    /// judge). Meanwhile the connection is `.processing`: nothing is read or parsed and no
    /// read deadline runs, as while a handler works.
    private func checkBeforeBody(_ head: HTTPRequestHead) {
        stopReading()
        let responder = loop.server.responder
        let loop = self.loop
        let id = self.id
        loop.server.workers.async {
            let early = responder.responseBeforeBody(head: head)
            loop.execute { loop.connection(id: id)?.checkedBeforeBody(head, early) }
        }
    }

    /// The worker's answer: refuse now, or send 100 and read the body with a fresh deadline.
    private func checkedBeforeBody(_ head: HTTPRequestHead, _ early: HTTPResponse?) {
        guard state == .processing, currentHead != nil else { return }
        if let early {
            answerBeforeBody(head, early)
        } else {
            state = .reading
            setDeadline(.body, seconds: config.bodyTimeout)
            if parser.isReadingBody { startBodyRateWindow() }
            sendContinue()
            resume()
        }
        updateIdleState()
    }

    /// A request (or its head) goes to the responder: nothing more is read or parsed and no
    /// read deadline runs until it answers.
    private func stopReading() {
        state = .processing
        readDeadline = nil
        bodyRateStart = 0
        if requestStarted == 0 { requestStarted = MonotonicClock.now() }
    }

    private func startBodyRateWindow() {
        bodyRateStart = MonotonicClock.now()
        bodyRateBaseline = parser.bodyBytesReceived
    }

    private func dispatch(_ request: HTTPRequest) {
        stopReading()
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
        var keepAlive = head.keepAlive && !draining && !loop.server.isDraining && !mustClose
        clientAskedToClose = !head.keepAlive
        let sendBody = HTTPStatus.allowsBody(response.status) && head.method != "HEAD"
        if let stream = response.stream, sendBody {
            // Without chunked coding (HTTP/1.0) only the close can end the body.
            if head.version != .http11 { keepAlive = false }
            write(HTTPResponseEncoder.head(of: response, date: loop.refreshDate(), keepAlive: keepAlive, version: head.version), [])
            replayCandidate = nil
            streaming = StreamingBody(stream: stream, chunked: head.version == .http11, head: head, status: response.status,
                                      requestID: response.headers["X-Request-Id"], keepAlive: keepAlive)
            pumpStream()
            return
        }
        write(HTTPResponseEncoder.head(of: response, date: loop.refreshDate(), keepAlive: keepAlive, version: head.version),
              sendBody ? response.body : [])
        loop.server.log(head: head, status: response.status, bytes: response.body.count, started: requestStarted, requestID: response.headers["X-Request-Id"], loop: loop.index)
        if let tag = response.replay, let candidate = replayCandidate, keepAlive, head.version == .http11, head.framing == .none {
            loop.replayCache.insert(head: candidate, version: tag.version,
                                    response: PreparedResponse(response: response, head: head, logFormat: loop.server.accessLog?.format ?? .text,
                                                              record: loop.server.responder.replayRecorder(route: tag.route, status: response.status)))
        }
        replayCandidate = nil
        finishExchange(keepAlive: keepAlive)
    }

    /// Asks a worker for the next piece of the streamed body once the output is below the
    /// low-water mark and no piece is already being made; the answer comes back on the loop.
    private func pumpStream() {
        guard var body = streaming, !body.producing, state == .processing, pendingOutputBytes < StreamingBody.lowWater else { return }
        body.producing = true
        streaming = body
        let stream = body.stream
        let loop = self.loop
        let id = self.id
        loop.server.workers.async {
            let piece = Result { try stream.nextChunk() }
            loop.execute { loop.connection(id: id)?.streamed(piece) }
        }
    }

    private func streamed(_ piece: Result<[UInt8]?, any Error>) {
        guard var body = streaming, state == .processing else { return }
        body.producing = false
        switch piece {
        case .success(let chunk?):
            if !chunk.isEmpty {
                if body.chunked { write(StreamingBody.chunkSizeLine(chunk.count), chunk, StreamingBody.chunkEnd) } else { write(chunk, []) }
                body.bytesSent += chunk.count
            }
            streaming = body
            guard state == .processing else { return }
            pumpStream()
        case .success(nil):
            streaming = nil
            if body.chunked { write(StreamingBody.lastChunk, []) }
            loop.server.log(head: body.head, status: body.status, bytes: body.bytesSent, started: requestStarted, requestID: body.requestID, loop: loop.index)
            guard state == .processing else { return }
            finishExchange(keepAlive: body.keepAlive)
        case .failure:
            // The status has gone out: the only honest signal left is to end the connection
            // without the last-chunk, so the client knows the body is incomplete (RFC 9112 §8).
            streaming = nil
            loop.server.log(head: body.head, status: body.status, bytes: body.bytesSent, started: requestStarted, requestID: body.requestID, loop: loop.index)
            guard state == .processing else { return }
            requestStarted = 0
            currentHead = nil
            state = .closing
            flush()
            if state == .closing && !hasPendingOutput { linger() }
        }
    }

    /// The end of an exchange, its body written or queued: keep the connection for the next
    /// request or close it.
    private func finishExchange(keepAlive: Bool) {
        requestStarted = 0
        currentHead = nil
        flush()
        guard state != .closed else { return }
        if keepAlive {
            state = .reading
            if parser.isIdle {
                setDeadline(.idle, seconds: config.idleTimeout)
            } else {
                requestStarted = loop.now
                setDeadline(.header, seconds: config.headerTimeout)
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
        // What is known of the request: its head, or what the parser kept of it once the
        // request line was read; nil before that.
        let known = currentHead ?? parser.partialHead
        // The problem's `instance` is the path as sent, as for every other problem.
        let response = loop.server.responder.errorResponse(status: status, detail: detail, instance: known?.path)
        let head = currentHead ?? HTTPRequestHead(
            method: "-", target: "-", path: "-", query: nil, version: .http11, headers: HTTPHeaders(), framing: .none)
        enqueue(HTTPResponseEncoder.head(of: response, date: loop.refreshDate(), keepAlive: false, version: head.version))
        if HTTPStatus.allowsBody(response.status) && head.method != "HEAD" { enqueue(response.body) }
        // The line says what is known: the head as far as it was read (a 413 for an announced
        // length, a 431, a 408 mid-head name their method and path), and always the peer.
        var logged = known ?? head
        logged.peer = peer
        loop.server.log(head: logged, status: status, bytes: response.body.count,
                        started: requestStarted == 0 ? loop.now : requestStarted,
                        requestID: response.headers["X-Request-Id"], loop: loop.index)
        state = .closing
        flush()
        if state == .closing && !hasPendingOutput { linger() }
    }

    /// Sends the parts in one `sendmsg` when nothing is queued before them; whatever the socket
    /// does not take now is queued for EPOLLOUT. The parts are never copied on the way.
    private func write(_ a: [UInt8], _ b: [UInt8], _ c: [UInt8] = []) {
        if hasPendingOutput {
            enqueue(a); enqueue(b); enqueue(c)
            return
        }
        let total = a.count + b.count + c.count
        let result = a.withUnsafeBytes { pa in
            b.withUnsafeBytes { pb in
                c.withUnsafeBytes { pc in
                    Result { () throws(SocketError) -> Int in try SocketCalls.send(fd, pa, pb, pc) }
                }
            }
        }
        var sent: Int
        switch result {
        case let .success(n): sent = n
        case .failure(.blocked): sent = 0
        case .failure:
            close()
            return
        }
        lastWriteProgress = loop.now
        guard sent < total else { return }
        for part in [a, b, c] {
            if sent >= part.count {
                sent -= part.count
            } else {
                enqueue(sent == 0 ? part : Array(part[sent...]))
                sent = 0
            }
        }
    }

    private func enqueue(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        output.append(bytes)
        lastWriteProgress = loop.now
        updateTimer()
    }

    private func flush() {
        while hasPendingOutput {
            let result = output.withUnsentBytes { buffer in
                Result { () throws(SocketError) -> Int in try SocketCalls.send(fd, buffer) }
            }
            let n: Int
            switch result {
            case let .success(sent):
                n = sent
            case .failure(.blocked):
                updateTimer()
                pumpStream()
                return  // EPOLLOUT (edge) tells us when to go on.
            case .failure:
                close()
                return
            }
            output.consume(n)
            lastWriteProgress = loop.now
        }
        updateTimer()
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
            if parser.isIdle && readDeadlineIsIdle { setDeadline(.idle, seconds: config.idleTimeout) }
            // Output drained below the high-water mark: pick up what back-pressure left.
            resume()
        case .processing:
            pumpStream()
        default:
            break
        }
    }

    private func setDeadline(_ kind: Deadline.Kind, seconds: Double) {
        readDeadline = Deadline(kind, seconds: seconds, after: loop.now)
        updateTimer()
    }

    /// Half-close, then read and drop whatever the client still sends, for up to 2 s or
    /// 1 MiB, before the real close.
    private func linger() {
        guard state != .closed, state != .lingering else { return }
        if parser.isIdle && (peerClosedInput || clientAskedToClose) && inputIsExhausted() {
            // Nothing unread, and nothing more will come: either the client has closed its
            // side, or it asked to close and so sends no further request (RFC 9112 §9.6). A
            // close now sends FIN, not a reset, so the response is safe without half-closing
            // and waiting for the client's FIN, as nginx does: a `shutdown`, an epoll event
            // and a `read` fewer per `Connection: close` request.
            close()
            return
        }
        state = .lingering
        if Glibc.shutdown(fd, Int32(SHUT_WR)) != 0 && errno != ENOTCONN {
            // ENOTCONN: the peer already reset; anything else is unexpected but not fatal,
            // since the close that follows releases the socket anyway.
            loop.server.noteSyscallFailure("shutdown(SHUT_WR)", errno)
        }
        lingerDeadline = Deadline(.linger, at: loop.now &+ 2_000_000_000)
        updateTimer()
        lingerBudget = 1 << 20
        discardInput()
    }

    /// Whether the socket holds no unread input (one read: EAGAIN or end of input). Bytes it
    /// finds are discarded, as lingering would, and the caller lingers after all.
    private func inputIsExhausted() -> Bool {
        if peerClosedInput { return true }
        do {
            lingerBudget -= try SocketCalls.read(fd, into: loop.readBuffer)
            return false
        } catch .blocked {
            return true
        } catch {
            // The peer has closed (or reset): nothing more can arrive.
            return true
        }
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

    /// The deadline this connection was queued under has passed (the queue has already
    /// unqueued it).
    func deadlinePassed(_ queued: Deadline, now: UInt64) {
        // What was queued may since have been pushed on or replaced (`updateTimer` is lazy).
        guard let deadline = currentDeadline else { return }
        guard deadline.hasPassed(at: now) else {
            loop.deadlines.schedule(self, deadline)
            return
        }
        switch deadline.kind {
        case .write, .linger:
            close()
            return
        case .idle, .header, .body:
            if deadline.kind == .idle || parser.isIdle {
                close()
                return
            }
            loop.server.statistics.noteTimeout(parser.isReadingBody ? .body : .header)
            fail(status: 408, detail: "The request was not received in time.")
        }
        updateIdleState()
    }

    /// Called every tick for each connection queued under a body deadline.
    func checkBodyRate(now: UInt64) {
        guard state == .reading, !hasPendingOutput, bodyRateStart != 0, parser.isReadingBody, bodyIsTooSlow(now: now) else { return }
        loop.server.statistics.noteTimeout(.bodyRate)
        fail(status: 408, detail: "The request body arrived slower than \(Self.describe(config.minBodyRate)) bytes per second.")
        updateIdleState()
    }

    /// After the grace period, the body must have averaged at least `minBodyRate` bytes per
    /// second since its head (or since output stopped holding it back). Saturating and
    /// float-only: nothing here can trap.
    private func bodyIsTooSlow(now: UInt64) -> Bool {
        let minimum = config.minBodyRate
        guard minimum > 0, minimum.isFinite, now > bodyRateStart else { return false }
        let elapsed = now - bodyRateStart
        guard elapsed >= Deadline.nanoseconds(config.bodyRateGrace) else { return false }
        let received = Double(parser.bodyBytesReceived - bodyRateBaseline)
        return received < minimum * (Double(elapsed) / 1e9)
    }

    /// A rate for a problem detail: whole numbers without a fraction, as the metrics print them.
    static func describe(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(v)
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

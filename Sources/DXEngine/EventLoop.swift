import DXHTTP
import CDXSystem
import Foundation
import Glibc
import Synchronization

/// One thread, one epoll set. Connections registered here are touched by this thread only;
/// other threads reach them solely through `execute`, which queues a closure and wakes the
/// loop through an eventfd.
final class EventLoop: @unchecked Sendable {
    static let wakeToken: UInt64 = .max
    static let listenerToken: UInt64 = .max - 1

    let index: Int
    private let epfd: Int32
    private let wakeFD: Int32
    private let pending = Mutex<[@Sendable () -> Void]>([])
    /// The server keeps every loop's thread from ending before it (the thread holds it for
    /// the whole of `run`), so the back link can skip the checked unowned reference, whose
    /// strong-retain every `server` access paid on the hot path.
    unowned(unsafe) let server: HTTPServer
    /// How many of this loop's connections are idle, for other loops deciding whom to ask for
    /// an eviction. Written by this loop only.
    let idleCount = Atomic<Int>(0)

    // Loop-thread state.
    private var connections = ConnectionTable()
    private var idle = IdleConnections()
    /// Every connection's pending deadline; a tick visits only those that have passed.
    var deadlines = DeadlineQueue<Connection>()
    private var listenerRegistered = false
    private var acceptPausedUntil: UInt64 = 0
    /// Another loop was asked to evict for us; do not ask again until it answered.
    private var evictionRequested = false
    // Shared by every connection of this loop: only one reads at a time.
    let readBuffer: UnsafeMutableRawBufferPointer
    private(set) var cachedDate = ""
    private var cachedDateSecond = 0
    private var cachedDateLine: [UInt8] = []
    /// CLOCK_REALTIME minus CLOCK_MONOTONIC in nanoseconds, measured when the `Date` second
    /// changes: an access-log line's wall time is its monotonic end plus this, so a replayed
    /// answer reads one clock, not two. Within that second the two clocks drift apart by NTP's
    /// slew at most (500 ppm, 0.5 ms), and a step of the wall clock shows within a second.
    private(set) var wallClockOffset: UInt64 = 0
    /// The monotonic time this loop last read: at every wake from `epoll_wait` and whenever a
    /// response's duration is taken (`readClock`). Deadlines, write progress and the start of
    /// every request read in one batch use it instead of reading the clock again: it is at
    /// most one batch of events old (microseconds against timeouts of seconds), and a
    /// request's bytes were waiting when the loop woke, so measuring its duration from the
    /// wake counts the time it waited behind the batch rather than hiding it.
    private(set) var now: UInt64 = 0
    private var tail: [UInt8] = []
    /// Answers repeated request heads of this loop's connections from ready bytes.
    let replayCache = ReplayCache()
    private var draining = false
    /// Set by `finishAccepting`: the listener is never watched again.
    private var listenerDone = false
    private var drainDeadline: UInt64 = 0
    private var stopped = false

    init(index: Int, server: HTTPServer) throws(SocketError) {
        self.index = index
        self.server = server
        epfd = dx_epoll_create()
        guard epfd >= 0 else { throw SocketError.fromErrno("epoll_create1") }
        wakeFD = dx_eventfd()
        guard wakeFD >= 0 else {
            let e = SocketError.fromErrno("eventfd")
            SocketCalls.close(epfd)
            throw e
        }
        do {
            // Without this registration `execute` would never wake the loop: fail the start.
            try SocketCalls.epollControl(epfd, DX_EPOLL_CTL_ADD, wakeFD, DX_EPOLLIN, Self.wakeToken, "ADD eventfd")
        } catch {
            SocketCalls.close(wakeFD)
            SocketCalls.close(epfd)
            throw error
        }
        readBuffer = .allocate(byteCount: 64 * 1024, alignment: 16)
    }

    deinit {
        readBuffer.deallocate()
        SocketCalls.close(wakeFD)
        SocketCalls.close(epfd)
    }

    /// Runs `task` on this loop's thread. Safe from any thread.
    func execute(_ task: @escaping @Sendable () -> Void) {
        pending.withLock { $0.append(task) }
        // EAGAIN: the counter is saturated, which means the loop is already signalled.
        if dx_eventfd_signal(wakeFD) != 0 && errno != EAGAIN { server.noteSyscallFailure("eventfd_write", errno) }
    }

    // MARK: - Loop thread

    func run() {
        registerListener()
        let capacity = 256
        var datas = [UInt64](repeating: 0, count: capacity)
        var events = [UInt32](repeating: 0, count: capacity)
        var lastSweep = MonotonicClock.now()
        while !stopped {
            let n = datas.withUnsafeMutableBufferPointer { d in
                events.withUnsafeMutableBufferPointer { e in
                    dx_epoll_wait(epfd, d.baseAddress, e.baseAddress, Int32(capacity), 100)
                }
            }
            readClock()
            if n < 0 {
                let code = errno
                if code == EINTR { continue }
                // EBADF/EINVAL/EFAULT: the epoll set itself is broken; nothing here can be
                // served any more. Reported, then the loop's connections are closed below.
                server.noteSyscallFailure("epoll_wait", code)
                break
            }
            for i in 0..<Int(n) {
                switch datas[i] {
                case Self.wakeToken:
                    if dx_eventfd_drain(wakeFD) != 0 && errno != EAGAIN { server.noteSyscallFailure("eventfd_read", errno) }
                    runPending()
                case Self.listenerToken:
                    acceptConnections()
                default:
                    connections.connection(token: datas[i])?.handle(events: events[i])
                }
            }
            // The latest reading: the wake's, or a response's duration taken since.
            let now = self.now
            if now &- lastSweep >= 100_000_000 {
                lastSweep = now
                sweep(now: now)
            }
        }
        for connection in connections.all { connection.close() }
        connections.removeAll()
        // Tasks queued after the last wake (a shutdown step) still run, so nobody waits on them.
        runPending()
    }

    private func runPending() {
        let tasks = pending.withLock { tasks -> [@Sendable () -> Void] in
            let taken = tasks
            tasks.removeAll(keepingCapacity: true)
            return taken
        }
        for task in tasks { task() }
    }

    /// Reads the monotonic clock into `now` and returns it.
    @discardableResult
    func readClock() -> UInt64 {
        now = MonotonicClock.now()
        return now
    }

    /// The `Date` value (RFC 9110 §6.6.1), formatted once a second. The coarse clock is
    /// enough for one-second resolution and costs a fraction of the precise one.
    func refreshDate() -> String {
        var now = timespec()
        // Fails only for an invalid clock id or pointer, neither possible here.
        clock_gettime(CLOCK_REALTIME_COARSE, &now)
        let second = Int(now.tv_sec)
        if second != cachedDateSecond {
            cachedDateSecond = second
            cachedDate = HTTPDate.format(epochSeconds: second)
            cachedDateLine = Array("Date: \(cachedDate)\r\n".utf8)
            var wall = timespec()
            clock_gettime(CLOCK_REALTIME, &wall)
            let monotonic = MonotonicClock.now()
            wallClockOffset = (UInt64(wall.tv_sec) &* 1_000_000_000 &+ UInt64(wall.tv_nsec)) &- monotonic
        }
        return cachedDate
    }

    /// Storage for the end of a replayed head, starting with the `Date` field; the caller adds
    /// the rest and gives the storage back, so no response allocates for it.
    func takeResponseTail() -> [UInt8] {
        _ = refreshDate()
        var bytes = tail
        tail = []
        bytes.removeAll(keepingCapacity: true)
        bytes.append(contentsOf: cachedDateLine)
        return bytes
    }

    func returnResponseTail(_ bytes: [UInt8]) { tail = bytes }

    private func registerListener() {
        guard !listenerRegistered, !listenerDone, let listener = server.listener else { return }
        // EPOLLEXCLUSIVE: one loop wakes per pending connection instead of all of them.
        do {
            try SocketCalls.epollControl(epfd, DX_EPOLL_CTL_ADD, listener.fd, DX_EPOLLIN | DX_EPOLLEXCLUSIVE,
                                         Self.listenerToken, "ADD listener")
            listenerRegistered = true
        } catch {
            // Retried at the next sweep; meanwhile the other loops still accept.
            server.noteSyscallFailure(error)
        }
    }

    private func unregisterListener() {
        guard listenerRegistered, let listener = server.listener else { return }
        listenerRegistered = false
        do {
            try SocketCalls.epollControl(epfd, DX_EPOLL_CTL_DEL, listener.fd, 0, 0, "DEL listener")
        } catch {
            server.noteSyscallFailure(error)
        }
    }

    /// Accepts until EAGAIN. At the connection limit the longest-idle connection without a
    /// request in progress is closed to admit the new one (as nginx reuses connections);
    /// `overLimit` admits regardless, for the final drain of the backlog at shutdown.
    private func acceptConnections(overLimit: Bool = false) {
        guard let listener = server.listener, !listenerDone else { return }
        while true {
            if !server.reserveConnectionSlot(force: overLimit) {
                // Evict only for a client that is really waiting, not for the next accept
                // this loop would merely try.
                guard Self.hasPendingConnection(listener.fd) else { return }
                if server.hasAcceptsUnderWay {
                    // The count is full only with another loop's accept under way, which may
                    // be taking this very client or give its slot back: look again at the next
                    // sweep rather than evict a connection for nothing.
                    pauseAccepting(for: 0)
                    return
                }
                if !draining, evictOneIdleConnection() { continue }
                if !draining, !evictionRequested, let other = server.loopWithIdleConnections(besides: self) {
                    // Ours are all busy; another loop evicts one of its own and wakes us.
                    evictionRequested = true
                    other.execute { [self] in
                        other.evictForAnotherLoop()
                        self.execute { self.resumeAccepting() }
                    }
                }
                // At the limit: leave the rest in the kernel backlog and look again once a
                // connection closes (or at the next sweep), so the loop does not spin.
                pauseAccepting(for: 50_000_000)
                return
            }
            let fd: Int32
            var peer: IPAddress?
            do {
                fd = try SocketCalls.accept(listener.fd, peer: &peer)
                server.acceptReturned()
            } catch {
                server.releaseConnectionSlot()
                server.acceptReturned()
                switch error {
                case .blocked:
                    break
                case .failed(_, let code) where code == EMFILE || code == ENFILE || code == ENOBUFS || code == ENOMEM:
                    // Out of descriptors: the pending connection stays in the backlog and the
                    // listener stays readable, so stop watching it for a moment rather than spin.
                    server.statistics.noteAcceptFailure()
                    pauseAccepting(for: 100_000_000)
                default:
                    server.noteSyscallFailure(error)
                }
                return
            }
            if !listener.acceptedSocketsHaveNoDelay {
                do {
                    // Responses are written whole; Nagle would only delay the last segment.
                    try SocketCalls.setOption(fd, Int32(IPPROTO_TCP), TCP_NODELAY, 1, "TCP_NODELAY")
                } catch {
                    server.noteSyscallFailure(error)  // slower, still correct: serve it anyway
                }
            }
            let connection = Connection(fd: fd, id: ConnectionTable.token(fd: fd, serial: server.nextConnectionID()), loop: self, peer: peer)
            connections.insert(connection)
            let interest = DX_EPOLLIN | DX_EPOLLOUT | DX_EPOLLRDHUP | DX_EPOLLET
            do {
                try SocketCalls.epollControl(epfd, DX_EPOLL_CTL_ADD, fd, interest, connection.id, "ADD connection")
            } catch {
                server.noteSyscallFailure(error)
                connection.close()
                continue
            }
            connection.start()
        }
    }

    /// Whether the kernel holds a completed connection for `fd` (poll, no wait). Asked only at
    /// the connection limit. An error counts as "yes": the accept that follows reports it.
    private static func hasPendingConnection(_ fd: Int32) -> Bool {
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        while true {
            let n = poll(&entry, 1, 0)
            if n >= 0 { return n > 0 && entry.revents & Int16(POLLIN) != 0 }
            if errno != EINTR { return true }
        }
    }

    /// Closes this loop's longest-idle connection, if it has one that is still idle once any
    /// bytes already waiting on it are read (a request that just arrived is not evicted).
    private func evictOneIdleConnection() -> Bool {
        while let victim = idle.oldest {
            victim.readPending()
            guard victim.isEvictable else {
                setIdle(victim, false)
                continue
            }
            victim.evict()
            return true
        }
        return false
    }

    private func evictForAnotherLoop() {
        _ = evictOneIdleConnection()
    }

    private func resumeAccepting() {
        evictionRequested = false
        acceptPausedUntil = 0
        registerListener()
    }

    private func pauseAccepting(for nanoseconds: UInt64) {
        unregisterListener()
        acceptPausedUntil = MonotonicClock.now() + nanoseconds
    }

    /// A connection entered or left the idle state.
    func setIdle(_ connection: Connection, _ isIdle: Bool) {
        if isIdle { idle.insert(connection) } else { idle.remove(connection) }
        idleCount.store(idle.count, ordering: .relaxed)
    }

    /// Called by a connection when it has closed its descriptor.
    func connectionClosed(_ connection: Connection) {
        setIdle(connection, false)
        deadlines.remove(connection)
        connections.remove(connection)
        server.releaseConnectionSlot()
        if !listenerRegistered && !listenerDone { acceptPausedUntil = 0; registerListener() }
        if listenerDone && connections.isEmpty { stopped = true }
    }

    func connection(id: UInt64) -> Connection? { connections.connection(token: id) }

    private func sweep(now: UInt64) {
        if !listenerRegistered && !listenerDone && now >= acceptPausedUntil {
            evictionRequested = false
            registerListener()
        }
        for kind in Deadline.Kind.allCases {
            while let (connection, deadline) = deadlines.popExpired(kind, now: now) {
                connection.deadlinePassed(deadline, now: now)
            }
        }
        // Bodies being read are checked for their rate every tick: only these, not every
        // connection (RFC 9112 leaves the policy to the server; see `minBodyRate`).
        var reading = deadlines.first(.body)
        while let connection = reading {
            reading = connection.deadlineNext
            connection.checkBodyRate(now: now)
        }
        if draining && now >= drainDeadline {
            for connection in connections.all { connection.close() }
        }
        if listenerDone && connections.isEmpty { stopped = true }
    }

    /// Shutdown, first step: close idle connections now, the rest once their response is out.
    /// Accepting goes on (each new connection is served one request) until `finishAccepting`.
    func beginDrain(deadline: UInt64) {
        draining = true
        drainDeadline = deadline
        for connection in connections.all { connection.drain() }
    }

    /// Shutdown, second step, once new handshakes are refused: accept whatever the kernel has
    /// queued (over the limit if need be: each is owed an answer, not a reset), then stop
    /// watching the listener for good. The server closes it after every loop has done this.
    func finishAccepting() {
        if server.listener != nil && !listenerDone {
            acceptConnections(overLimit: true)
        }
        unregisterListener()
        listenerDone = true
        if connections.isEmpty { stopped = true }
    }
}

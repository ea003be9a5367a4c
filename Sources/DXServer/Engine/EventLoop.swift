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
    unowned let server: HTTPServer

    // Loop-thread state.
    private var connections: [UInt64: Connection] = [:]
    private var listenerRegistered = false
    private var acceptPausedUntil: UInt64 = 0
    // Shared by every connection of this loop: only one reads at a time.
    let readBuffer: UnsafeMutableRawBufferPointer
    private(set) var cachedDate = ""
    private var cachedDateSecond = 0
    private var cachedDateLine: [UInt8] = []
    private var tail: [UInt8] = []
    /// Answers repeated request heads of this loop's connections from ready bytes.
    let replayCache = ReplayCache()
    private var draining = false
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
        readBuffer = .allocate(byteCount: 64 * 1024, alignment: 16)
        _ = dx_epoll_ctl(epfd, DX_EPOLL_CTL_ADD, wakeFD, DX_EPOLLIN, Self.wakeToken)
    }

    deinit {
        readBuffer.deallocate()
        SocketCalls.close(wakeFD)
        SocketCalls.close(epfd)
    }

    /// Runs `task` on this loop's thread. Safe from any thread.
    func execute(_ task: @escaping @Sendable () -> Void) {
        pending.withLock { $0.append(task) }
        dx_eventfd_signal(wakeFD)
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
            if n < 0 && errno != EINTR { break }
            for i in 0..<Int(max(n, 0)) {
                switch datas[i] {
                case Self.wakeToken:
                    dx_eventfd_drain(wakeFD)
                    runPending()
                case Self.listenerToken:
                    acceptConnections()
                default:
                    connections[datas[i]]?.handle(events: events[i])
                }
            }
            let now = MonotonicClock.now()
            if now &- lastSweep >= 100_000_000 {
                lastSweep = now
                sweep(now: now)
            }
        }
        for connection in connections.values { connection.close() }
        connections.removeAll()
    }

    private func runPending() {
        let tasks = pending.withLock { tasks -> [@Sendable () -> Void] in
            let taken = tasks
            tasks.removeAll(keepingCapacity: true)
            return taken
        }
        for task in tasks { task() }
    }

    /// The `Date` value (RFC 9110 §6.6.1), formatted once a second. The coarse clock is
    /// enough for one-second resolution and costs a fraction of the precise one.
    func refreshDate() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME_COARSE, &now)
        let second = Int(now.tv_sec)
        if second != cachedDateSecond {
            cachedDateSecond = second
            cachedDate = HTTPDate.format(epochSeconds: second)
            cachedDateLine = Array("Date: \(cachedDate)\r\n".utf8)
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
        guard !listenerRegistered, !draining, let listener = server.listener else { return }
        // EPOLLEXCLUSIVE: one loop wakes per pending connection instead of all of them.
        if dx_epoll_ctl(epfd, DX_EPOLL_CTL_ADD, listener.fd, DX_EPOLLIN | DX_EPOLLEXCLUSIVE, Self.listenerToken) == 0 {
            listenerRegistered = true
        }
    }

    private func unregisterListener() {
        guard listenerRegistered, let listener = server.listener else { return }
        _ = dx_epoll_ctl(epfd, DX_EPOLL_CTL_DEL, listener.fd, 0, 0)
        listenerRegistered = false
    }

    private func acceptConnections() {
        guard let listener = server.listener, !draining else { return }
        while true {
            guard server.reserveConnectionSlot() else {
                // At the limit: leave the rest in the kernel backlog and look again once a
                // connection closes (or at the next sweep), so the loop does not spin.
                pauseAccepting(for: 50_000_000)
                return
            }
            let fd: Int32
            do {
                fd = try SocketCalls.accept(listener.fd)
            } catch {
                server.releaseConnectionSlot()
                if case .failed(_, let code) = error, code == EMFILE || code == ENFILE || code == ENOBUFS || code == ENOMEM {
                    // Out of descriptors: the pending connection stays in the backlog and the
                    // listener stays readable, so stop watching it for a moment rather than spin.
                    server.noteAcceptFailure(code)
                    pauseAccepting(for: 100_000_000)
                }
                return
            }
            SocketCalls.setOption(fd, Int32(IPPROTO_TCP), TCP_NODELAY, 1)
            let connection = Connection(fd: fd, id: server.nextConnectionID(), loop: self)
            connections[connection.id] = connection
            let interest = DX_EPOLLIN | DX_EPOLLOUT | DX_EPOLLRDHUP | DX_EPOLLET
            guard dx_epoll_ctl(epfd, DX_EPOLL_CTL_ADD, fd, interest, connection.id) == 0 else {
                connection.close()
                continue
            }
            connection.start()
        }
    }

    private func pauseAccepting(for nanoseconds: UInt64) {
        unregisterListener()
        acceptPausedUntil = MonotonicClock.now() + nanoseconds
    }

    /// Called by a connection when it has closed its descriptor.
    func connectionClosed(_ connection: Connection) {
        connections[connection.id] = nil
        server.releaseConnectionSlot()
        if !listenerRegistered && !draining { acceptPausedUntil = 0; registerListener() }
        if draining && connections.isEmpty { stopped = true }
    }

    func connection(id: UInt64) -> Connection? { connections[id] }

    private func sweep(now: UInt64) {
        if !listenerRegistered && !draining && now >= acceptPausedUntil { registerListener() }
        for connection in Array(connections.values) { connection.checkDeadline(now: now) }
        if draining {
            if now >= drainDeadline {
                for connection in Array(connections.values) { connection.close() }
            }
            if connections.isEmpty { stopped = true }
        }
    }

    /// Stop accepting; close idle connections now, the rest once their response is out.
    func beginDrain(deadline: UInt64) {
        draining = true
        drainDeadline = deadline
        unregisterListener()
        for connection in Array(connections.values) { connection.drain() }
        if connections.isEmpty { stopped = true }
    }
}

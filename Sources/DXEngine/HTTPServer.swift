import DXHTTP
import CDXSystem
import Dispatch
import Foundation
import Glibc
import Synchronization

/// The listening socket, the loop threads and the worker pool, wired together.
public final class HTTPServer: @unchecked Sendable {
    // Set once in init/start, read from every loop thread afterwards.
    public let configuration: ServerConfiguration
    let responder: any HTTPResponder
    public let accessLog: AccessLog?
    /// Handlers that may block on SQLite run here, never on a loop thread.
    let workers: WorkerPool
    private(set) var listener: ListeningSocket?
    private var loops: [EventLoop] = []
    private var threads: [Thread] = []
    private let openConnections = Atomic<Int>(0)
    /// Slots reserved by an `accept` that has not returned yet, on any loop. Such a slot may be
    /// handed back a moment later (another loop took the client), so a full count that includes
    /// one is no reason to evict anybody.
    private let acceptsUnderWay = Atomic<Int>(0)
    private let connectionIDs = Atomic<UInt64>(0)
    /// Raised when shutdown begins.
    public let shutdownSignal: ShutdownSignal
    private let finished = DispatchGroup()
    /// Signalled once shutdown has drained, closed and flushed everything.
    private let stopped = DispatchSemaphore(value: 0)
    /// Counts of evictions, timeouts, accept and system-call failures.
    public let statistics = EngineStatistics()
    private let onSystemError: @Sendable (SystemCallFailure) -> Void
    /// Orders `start` against a `shutdown` arriving from a signal thread meanwhile.
    private let lifecycle = NSLock()

    /// `onSystemError` receives the call, errno and message (`SystemCallFailure`) of each
    /// system call that failed at run time; each is also counted in `statistics`. The library
    /// does not log by itself.
    public init(configuration: ServerConfiguration, responder: any HTTPResponder, accessLog: AccessLog? = nil,
                shutdownSignal: ShutdownSignal = ShutdownSignal(), onSystemError: @escaping @Sendable (SystemCallFailure) -> Void = { _ in }) {
        self.shutdownSignal = shutdownSignal
        self.configuration = configuration
        self.responder = responder
        self.accessLog = accessLog
        self.onSystemError = onSystemError
        self.workers = WorkerPool(maxThreads: configuration.workerThreads)
    }

    /// Binds and starts the loop threads; returns once the server accepts connections.
    public func start() throws(SocketError) {
        lifecycle.lock()
        defer { lifecycle.unlock() }
        // A shutdown that came first wins: nothing is started.
        guard !isDraining else { return }
        listener = try ListeningSocket(host: configuration.host, port: configuration.port)
        for index in 0..<max(1, configuration.loopCount) {
            loops.append(try EventLoop(index: index, server: self))
        }
        for loop in loops {
            finished.enter()
            let group = finished
            let name = "dxserve-loop-\(loop.index)"
            let thread = Thread { [self] in
                // Named in the kernel too, so `top -H` and /proc show the loops.
                _ = dx_set_thread_name(String(name.prefix(15)))
                // The loop's `unowned(unsafe)` link to the server is valid while it runs.
                withExtendedLifetime(self) { loop.run() }
                group.leave()
            }
            thread.name = name
            thread.stackSize = 1 << 20
            threads.append(thread)
            thread.start()
        }
    }

    public var port: Int { listener?.port ?? configuration.port }
    public var url: String { listener?.url ?? "http://\(configuration.host):\(configuration.port)" }
    public var connectionCount: Int { openConnections.load(ordering: .relaxed) }
    /// How often accept failed for lack of descriptors or memory (observable in tests and metrics).
    public var acceptFailureCount: Int { statistics.acceptFailureCount }
    /// True from the moment `shutdown` starts.
    public var isDraining: Bool { shutdownSignal.isRaised }

    /// Stops accepting, lets requests in flight finish (up to the drain timeout), then returns.
    ///
    /// The only failure a client may see is a refused connection: new handshakes are stopped
    /// first (dropped SYNs, retried by the client and refused once the listener is closed),
    /// then every connection the kernel completed meanwhile is accepted and served one
    /// request, and only then is the listener closed, so nothing queued in it is reset.
    /// Connections accepted earlier that have not sent a request yet are served one too
    /// (within the header timeout); idle keep-alive ones are closed.
    public func shutdown() {
        guard shutdownSignal.raise() else {
            waitUntilStopped()
            return
        }
        let deadline = MonotonicClock.now() &+ Deadline.nanoseconds(configuration.drainTimeout)
        lifecycle.lock()
        let loops = self.loops
        let listener = self.listener
        lifecycle.unlock()
        if let listener, !loops.isEmpty {
            do {
                try listener.refuseNewHandshakes()
            } catch {
                // Without the filter a client connecting in the instant between the last
                // accept and the close is reset: rare, and reported.
                noteSyscallFailure(error)
            }
        }
        for loop in loops {
            loop.execute { loop.beginDrain(deadline: deadline) }
        }
        if listener != nil && !loops.isEmpty {
            // Handshakes already under way when the filter went on complete within a round
            // trip; the loops accept and serve them meanwhile.
            Thread.sleep(forTimeInterval: max(0, min(configuration.drainAcceptGrace, 5)))
        }
        let accepted = DispatchGroup()
        for loop in loops {
            accepted.enter()
            loop.execute {
                loop.finishAccepting()
                accepted.leave()
            }
        }
        // A loop always runs queued tasks before its thread ends; the bound only guards
        // against a loop wedged in a handler.
        if accepted.wait(timeout: .now() + 10) == .timedOut { noteSyscallFailure("shutdown(accept backlog)", ETIMEDOUT) }
        listener?.close()
        finished.wait()
        workers.stop()
        accessLog?.flush()
        stopped.signal()
    }

    /// Blocks until `shutdown` (called from elsewhere, a signal handler say) has completed.
    public func waitUntilStopped() {
        stopped.wait()
        stopped.signal()  // let any other waiter through too
    }

    /// `force`: count the connection even above the limit (the shutdown's last accepts).
    func reserveConnectionSlot(force: Bool = false) -> Bool {
        // Counted as under way before the slot is taken, and handed back after it, so a loop
        // that finds the count full also finds the accept that filled it (sequentially
        // consistent: the two counters are read in the order they were written).
        acceptsUnderWay.add(1, ordering: .sequentiallyConsistent)
        let now = openConnections.add(1, ordering: .sequentiallyConsistent).newValue
        if now > configuration.maxConnections && !force {
            openConnections.subtract(1, ordering: .sequentiallyConsistent)
            acceptsUnderWay.subtract(1, ordering: .sequentiallyConsistent)
            return false
        }
        return true
    }

    /// The `accept` a reserved slot was for has returned: with a client, or without one after
    /// `releaseConnectionSlot`.
    func acceptReturned() {
        acceptsUnderWay.subtract(1, ordering: .sequentiallyConsistent)
    }

    /// Whether some loop holds a slot for an `accept` still under way.
    var hasAcceptsUnderWay: Bool { acceptsUnderWay.load(ordering: .sequentiallyConsistent) > 0 }

    func releaseConnectionSlot() {
        openConnections.subtract(1, ordering: .sequentiallyConsistent)
    }

    func nextConnectionID() -> UInt64 {
        connectionIDs.add(1, ordering: .relaxed).newValue
    }

    /// A loop other than `loop` that has idle connections now, if any (a racy hint: the
    /// asked loop checks again).
    func loopWithIdleConnections(besides loop: EventLoop) -> EventLoop? {
        lifecycle.lock()
        defer { lifecycle.unlock() }
        return loops.first { $0 !== loop && $0.idleCount.load(ordering: .relaxed) > 0 }
    }

    /// A system call failed at run time: counted, and reported to the owner's log.
    package func noteSyscallFailure(_ error: SocketError) {
        switch error {
        case let .failed(call, code):
            noteSyscallFailure(call, code)
        case .blocked, .disconnected:
            noteSyscallFailure("socket", 0)
        case .unresolved:
            noteSyscallFailure("getaddrinfo", 0)
        }
    }

    package func noteSyscallFailure(_ call: String, _ code: Int32) {
        statistics.noteSyscallFailure(call)
        onSystemError(SystemCallFailure(call: call, errno: code))
    }

    func log(head: HTTPRequestHead, status: Int, bytes: Int, started: UInt64, requestID: String?, loop: Int) {
        accessLog?.record(method: head.method, path: head.path, status: status, bytes: bytes,
                          durationNanoseconds: MonotonicClock.now() &- started, requestID: requestID,
                          client: responder.client(of: head), userAgent: head.headers["User-Agent"], loop: loop)
    }
}

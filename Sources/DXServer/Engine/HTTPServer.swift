import Dispatch
import Foundation
import Glibc
import Synchronization

/// The listening socket, the loop threads and the worker pool, wired together.
public final class HTTPServer: @unchecked Sendable {
    // Set once in init/start, read from every loop thread afterwards.
    public let configuration: ServerConfiguration
    let responder: any HTTPResponder
    let accessLog: AccessLog?
    /// Handlers that may block on SQLite run here, never on a loop thread. The global
    /// concurrent queue keeps the number of threads near the number of cores.
    let workers = DispatchQueue(label: "dxserve.workers", qos: .userInitiated, attributes: .concurrent)
    private(set) var listener: ListeningSocket?
    private var loops: [EventLoop] = []
    private var threads: [Thread] = []
    private let openConnections = Atomic<Int>(0)
    private let connectionIDs = Atomic<UInt64>(0)
    private let drainingFlag = Atomic<Bool>(false)
    private let finished = DispatchGroup()
    /// Signalled once shutdown has drained, closed and flushed everything.
    private let stopped = DispatchSemaphore(value: 0)
    private let acceptFailures = Atomic<Int>(0)
    /// Orders `start` against a `shutdown` arriving from a signal thread meanwhile.
    private let lifecycle = NSLock()

    public init(configuration: ServerConfiguration, responder: any HTTPResponder, accessLog: AccessLog? = nil) {
        self.configuration = configuration
        self.responder = responder
        self.accessLog = accessLog
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
            let thread = Thread {
                loop.run()
                group.leave()
            }
            thread.name = "dxserve-loop-\(loop.index)"
            thread.stackSize = 1 << 20
            threads.append(thread)
            thread.start()
        }
    }

    public var port: Int { listener?.port ?? configuration.port }
    public var url: String { listener?.url ?? "http://\(configuration.host):\(configuration.port)" }
    public var connectionCount: Int { openConnections.load(ordering: .relaxed) }
    /// How often accept failed for lack of descriptors or memory (observable in tests and metrics).
    public var acceptFailureCount: Int { acceptFailures.load(ordering: .relaxed) }
    /// True from the moment `shutdown` starts.
    public var isDraining: Bool { drainingFlag.load(ordering: .relaxed) }

    /// Stops accepting, lets requests in flight finish (up to the drain timeout), then returns.
    public func shutdown() {
        guard !drainingFlag.exchange(true, ordering: .relaxed) else {
            waitUntilStopped()
            return
        }
        let deadline = MonotonicClock.now() &+ Connection.nanoseconds(configuration.drainTimeout)
        lifecycle.lock()
        let loops = self.loops
        lifecycle.unlock()
        for loop in loops {
            loop.execute { loop.beginDrain(deadline: deadline) }
        }
        finished.wait()
        listener?.close()
        accessLog?.flush()
        stopped.signal()
    }

    /// Blocks until `shutdown` (called from elsewhere, a signal handler say) has completed.
    public func waitUntilStopped() {
        stopped.wait()
        stopped.signal()  // let any other waiter through too
    }

    func reserveConnectionSlot() -> Bool {
        let now = openConnections.add(1, ordering: .relaxed).newValue
        if now > configuration.maxConnections {
            openConnections.subtract(1, ordering: .relaxed)
            return false
        }
        return true
    }

    func releaseConnectionSlot() {
        openConnections.subtract(1, ordering: .relaxed)
    }

    func nextConnectionID() -> UInt64 {
        connectionIDs.add(1, ordering: .relaxed).newValue
    }

    func noteAcceptFailure(_ code: Int32) {
        acceptFailures.add(1, ordering: .relaxed)
    }

    func log(head: HTTPRequestHead, status: Int, bytes: Int, started: UInt64, requestID: String?) {
        accessLog?.record(method: head.method, path: head.path, status: status, bytes: bytes,
                          durationNanoseconds: MonotonicClock.now() &- started, requestID: requestID)
    }
}

import DXHTTP
/// Everything the engine can be tuned with. Durations are seconds.
public struct ServerConfiguration: Sendable {
    public var host: String = "127.0.0.1"
    public var port: Int = 8080
    public var limits = HTTPParser.Limits()
    /// A new request's whole head must arrive within this, counted from its first byte.
    public var headerTimeout: Double = 10
    /// A body must be complete within this, counted from the end of its head.
    public var bodyTimeout: Double = 30
    /// An idle keep-alive connection is closed after this.
    public var idleTimeout: Double = 60
    /// A client that does not take its response for this long is dropped.
    public var writeTimeout: Double = 30
    /// Graceful shutdown waits at most this long for requests in flight.
    public var drainTimeout: Double = 10
    /// Once a request body has been arriving for `bodyRateGrace` seconds, it must average at
    /// least this many bytes per second since its head, or it is answered 408 and closed
    /// (as Kestrel's MinRequestBodyDataRate). 0 disables the check.
    public var minBodyRate: Double = 240
    /// Seconds a body may take to ramp up before `minBodyRate` applies.
    public var bodyRateGrace: Double = 5
    /// On shutdown, after new handshakes are refused, how long connections the kernel is still
    /// completing are waited for before the listener closes (each is accepted and served).
    public var drainAcceptGrace: Double = 0.2
    /// At this many open connections, the longest-idle connection without a request in
    /// progress is closed to admit a new one; if there is none, new ones wait in the backlog.
    /// `DescriptorLimit.defaultMaxConnections` derives a value from the descriptor limit.
    public var maxConnections: Int = 4096
    /// Loop threads; each owns its connections outright.
    /// One per CPU the process may run on (`CPUAffinity.availableCPUs`).
    public var loopCount: Int = CPUAffinity.availableCPUs()
    /// Handlers that may block (SQLite) run on at most this many worker threads at once,
    /// started on demand; more requests wait in the pool's queue. Enough for the writes
    /// waiting on one commit to share it (`WorkerPool`), whatever the number of cores, and no
    /// more than the default cap on expensive requests in flight (serve's
    /// --max-expensive-requests, 8), so a burst of searches queues here rather than being
    /// refused 503 by that cap (with 32 threads, 64 clients searching got 2 of 3 refused).
    public var workerThreads: Int = 8
    /// Above this many unsent bytes a connection stops reading and processing further
    /// pipelined requests until the client catches up.
    public var outputHighWater: Int = 256 * 1024

    public init() {}
}

/// What the engine calls with each complete request. Class-bound: the engine reaches it for
/// every replayed answer (`dataVersion`, `appendRequestID`), and an existential of a class is
/// a reference, where an unconstrained one is an opaque box that each call copies and destroys.
public protocol HTTPResponder: AnyObject, Sendable {
    /// Called on a loop thread: answer at once when no blocking work is needed (a cached
    /// response, for example), or return nil to have `respond` run on the worker pool.
    func respondWithoutBlocking(to request: HTTPRequest) -> HTTPResponse?
    /// Called on a worker thread; may touch the database.
    func respond(to request: HTTPRequest) -> HTTPResponse
    /// The response for a request that could not be framed, or for a timeout. `instance`: the
    /// path of the request as sent (percent-encoded, no query) when its request line was read,
    /// else nil; it becomes the problem's `instance`, as for every other problem.
    func errorResponse(status: Int, detail: String, instance: String?) -> HTTPResponse
    /// Called on a loop thread for a head that carries `Expect: 100-continue`, before any of
    /// its body is read: a final response the head alone decides (404, 405, 401 without
    /// credentials, 415), sent instead of `100 Continue` (RFC 9110 §10.1.1), `.proceed` to
    /// ask for the body, or `.checkOnWorker` when only blocking work can tell. Must not block.
    func continueDecision(head: HTTPRequestHead) -> ContinueDecision
    /// Called on a worker thread after `.checkOnWorker`; may touch the database (a wrong
    /// token). The final response to send instead of `100 Continue`, or nil to ask for the body.
    func responseBeforeBody(head: HTTPRequestHead) -> HTTPResponse?
    /// The data version now; a response tagged for replay is reused only while it is current.
    /// Called on loop threads for every replayed request, so it must be cheap (an atomic load).
    var dataVersion: UInt64 { get }
    /// Appends a fresh request id, for a replayed response whose request carried none.
    func appendRequestID(to bytes: inout [UInt8])
    /// What counts one replay of a response tagged for `route` and `status`, made once per kept
    /// response and called with each replay's duration in nanoseconds: it must be cheap.
    func replayRecorder(route: String, status: Int) -> @Sendable (UInt64) -> Void
    /// Who sent the request, for the access log: the peer, or the client a trusted proxy names.
    func client(of head: HTTPRequestHead) -> IPAddress?
}

extension HTTPResponder {
    public func continueDecision(head: HTTPRequestHead) -> ContinueDecision { .proceed }
    public func responseBeforeBody(head: HTTPRequestHead) -> HTTPResponse? { nil }
    public var dataVersion: UInt64 { 0 }
    public func appendRequestID(to bytes: inout [UInt8]) { bytes.append(UInt8(ascii: "-")) }
    public func replayRecorder(route: String, status: Int) -> @Sendable (UInt64) -> Void { { _ in } }
    public func client(of head: HTTPRequestHead) -> IPAddress? { head.peer }
}

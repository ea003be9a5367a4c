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
    public var maxConnections: Int = 4096
    /// Loop threads; each owns its connections outright.
    public var loopCount: Int = 2
    /// Above this many unsent bytes a connection stops reading and processing further
    /// pipelined requests until the client catches up.
    public var outputHighWater: Int = 256 * 1024

    public init() {}
}

/// What the engine calls with each complete request.
public protocol HTTPResponder: Sendable {
    /// Called on a loop thread: answer at once when no blocking work is needed (a cached
    /// response, for example), or return nil to have `respond` run on the worker pool.
    func respondWithoutBlocking(to request: HTTPRequest) -> HTTPResponse?
    /// Called on a worker thread; may touch the database.
    func respond(to request: HTTPRequest) -> HTTPResponse
    /// The response for a request that could not be framed, or for a timeout.
    func errorResponse(status: Int, detail: String) -> HTTPResponse
    /// The data version now; a response tagged for replay is reused only while it is current.
    /// Called on loop threads for every replayed request, so it must be cheap (an atomic load).
    var dataVersion: UInt64 { get }
    /// Appends a fresh request id, for a replayed response whose request carried none.
    func appendRequestID(to bytes: inout [UInt8])
    /// Counts a replayed response as the responder counts the ones it makes.
    func recordReplay(route: String, status: Int, seconds: Double)
}

extension HTTPResponder {
    public var dataVersion: UInt64 { 0 }
    public func appendRequestID(to bytes: inout [UInt8]) { bytes.append(UInt8(ascii: "-")) }
    public func recordReplay(route: String, status: Int, seconds: Double) {}
}

/// A response body produced piece by piece while it is sent, for representations too large
/// to hold (a CSV export of every project). The engine asks for the next piece on a worker
/// thread, one call at a time, only once the connection's output has drained below its
/// low-water mark, so a slow reader slows the producer instead of filling memory; the loop
/// thread never waits on it.
///
/// On HTTP/1.1 each piece goes out as one chunk of `Transfer-Encoding: chunked` (RFC 9112
/// §7.1) and the end as the last-chunk. The status line has left before the first piece, so
/// an error cannot change it: the engine then closes the connection without the last-chunk,
/// and the client sees a truncated (incomplete) message rather than a short file that looks
/// whole (RFC 9112 §8). HTTP/1.0 has no chunked coding: the body ends with the connection.
public protocol BodyStream: AnyObject, Sendable {
    /// The next piece of the body, never empty; nil at the end. Throws if the body cannot be
    /// completed.
    func nextChunk() throws -> [UInt8]?
}

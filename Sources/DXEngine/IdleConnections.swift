import DXHTTP
/// A loop's connections that have no request in progress (idle keep-alive, or accepted and
/// silent), longest-idle first: an intrusive doubly linked list through the connections
/// themselves, so joining, leaving and taking the oldest are O(1) with no allocation.
///
/// Loop-thread only. A connection is in at most one list, and every connection in it is also
/// held by the loop's table, which is what makes the unowned back links safe.
struct IdleConnections {
    private(set) var count = 0
    private var head: Connection?
    private unowned(unsafe) var tail: Connection?

    /// The connection that has been idle longest.
    var oldest: Connection? { head }

    /// Appends `connection` as the most recently idle one; no-op if it is already in.
    mutating func insert(_ connection: Connection) {
        guard !connection.isInIdleList else { return }
        connection.isInIdleList = true
        connection.idleNext = nil
        connection.idlePrevious = tail
        if let tail { tail.idleNext = connection } else { head = connection }
        tail = connection
        count += 1
    }

    /// Unlinks `connection`; no-op if it is not in.
    mutating func remove(_ connection: Connection) {
        guard connection.isInIdleList else { return }
        connection.isInIdleList = false
        let previous = connection.idlePrevious
        let next = connection.idleNext
        if let previous { previous.idleNext = next } else { head = next }
        if let next { next.idlePrevious = previous } else { tail = previous }
        connection.idleNext = nil
        connection.idlePrevious = nil
        count -= 1
    }
}

/// A loop's connections indexed by descriptor: the event loop looks up the connection of every
/// epoll event, so the lookup is an array index rather than a dictionary's hash and probe, and
/// the live connections of a busy loop sit in a few adjacent slots instead of scattered buckets
/// (which is what 10,000 idle connections held alongside cost a hashed table in cache misses).
///
/// Descriptors are reused as soon as they are closed, so a slot alone cannot tell a worker's
/// late answer for a closed connection from the new connection on the same descriptor: each
/// connection's token (`token(fd:serial:)`) carries a server-wide serial number beside the
/// descriptor, and a lookup matches both.
///
/// Loop-thread only.
struct ConnectionTable {
    private var slots: [Connection?] = []
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    /// The epoll token and id of a connection: `serial` (the server's connection counter,
    /// modulo 2^32) in the high 32 bits, the descriptor in the low 32. A descriptor is below
    /// 2^31, so no token equals `EventLoop.wakeToken` or `EventLoop.listenerToken`.
    static func token(fd: Int32, serial: UInt64) -> UInt64 {
        serial << 32 | UInt64(UInt32(bitPattern: fd))
    }

    /// The live connection with this token; nil once it has closed, even if its descriptor
    /// now belongs to another connection.
    func connection(token: UInt64) -> Connection? {
        let fd = Int(truncatingIfNeeded: token & 0xFFFF_FFFF)
        guard fd < slots.count, let connection = slots[fd], connection.id == token else { return nil }
        return connection
    }

    /// Adds `connection` under its descriptor (which the kernel has just handed out, so the
    /// slot is free: its previous owner was removed when it closed the descriptor).
    mutating func insert(_ connection: Connection) {
        let fd = Int(connection.fd)
        if fd >= slots.count {
            // Doubling: growth is amortised, and a loop's table ends up sized to its highest
            // descriptor (8 bytes a slot: 80 KB for 10,000 connections).
            slots.append(contentsOf: repeatElement(nil, count: max(fd + 1, slots.count * 2, 64) - slots.count))
        }
        if slots[fd] == nil { count += 1 }
        slots[fd] = connection
    }

    /// Removes `connection` if it is the one held under its descriptor.
    mutating func remove(_ connection: Connection) {
        let fd = Int(connection.fd)
        guard fd < slots.count, slots[fd] === connection else { return }
        slots[fd] = nil
        count -= 1
    }

    /// Every connection, as a copy: closing them while iterating changes the table.
    var all: [Connection] { slots.compactMap { $0 } }

    mutating func removeAll() {
        slots = []
        count = 0
    }
}

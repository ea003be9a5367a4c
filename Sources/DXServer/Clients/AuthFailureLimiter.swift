import DXSync
import Synchronization

/// Counts failed authentications per client and refuses a client that reached the limit until
/// its window ends (429 with `Retry-After`, RFC 6585 §4), so a token cannot be guessed at
/// line rate. Each client has a fixed window opened by its first failure; its own failures
/// only touch its own entry, so neither another client's success nor its failures change
/// anyone else's count. A success clears nothing: the count simply expires with the window.
///
/// Memory is bounded: at `maxClients` entries the one whose window opened first is evicted
/// (expired entries go first, since their windows are older still).
public final class AuthFailureLimiter: Sendable {
    /// Failures within one window that make the next attempt 429; 0 disables the limit.
    public let limit: Int
    /// The window length, in nanoseconds of the monotonic clock.
    public let windowNanoseconds: UInt64
    /// Most clients tracked at once.
    public let maxClients: Int

    private struct Entry {
        var opened: UInt64
        var failures: Int
    }

    private struct Table {
        var entries: [IPAddress: Entry] = [:]
        /// Window openings in order (oldest first); an item whose entry has since reopened or
        /// gone is stale and skipped. `head` is the first live index, so popping is O(1).
        var order: [(client: IPAddress, opened: UInt64)] = []
        var head = 0
    }

    private let table = Locked(Table())
    private let evictions = Atomic<Int>(0)
    private let refusals = Atomic<Int>(0)

    /// - Parameters:
    ///   - limit: failures per window before refusing (0: never refuse).
    ///   - windowSeconds: window length, 1 to 86400 seconds (clamped).
    ///   - maxClients: entries kept, at least 1.
    public init(limit: Int, windowSeconds: Int, maxClients: Int) {
        self.limit = max(0, limit)
        self.windowNanoseconds = UInt64(max(1, min(windowSeconds, 86_400))) * 1_000_000_000
        self.maxClients = max(1, maxClients)
    }

    /// Clients forgotten because the table was full.
    public var evictedClients: Int { evictions.load(ordering: .relaxed) }
    public var trackedClients: Int { table.withLock { $0.entries.count } }
    /// Requests answered 429 because their client was over the limit.
    public var refusedRequests: Int { refusals.load(ordering: .relaxed) }

    /// Counts one request refused for being over the limit (for /metrics).
    public func noteRefused() { refusals.add(1, ordering: .relaxed) }

    /// Whole seconds until `client` may try again (at least 1), or nil when it may try now.
    public func retryAfter(_ client: IPAddress, now: UInt64 = MonotonicClock.now()) -> Int? {
        guard limit > 0 else { return nil }
        return table.withLock { table -> Int? in
            guard let entry = table.entries[client], entry.failures >= limit else { return nil }
            let ends = entry.opened &+ windowNanoseconds
            guard now < ends else { return nil }
            return Int((ends - now + 999_999_999) / 1_000_000_000)
        }
    }

    /// Counts one failed authentication by `client`.
    public func recordFailure(_ client: IPAddress, now: UInt64 = MonotonicClock.now()) {
        guard limit > 0 else { return }
        table.withLock { table in
            if var entry = table.entries[client], now &- entry.opened < windowNanoseconds {
                if entry.failures < Int.max { entry.failures += 1 }
                table.entries[client] = entry
                return
            }
            if table.entries[client] == nil && table.entries.count >= maxClients { evictOldest(&table) }
            table.entries[client] = Entry(opened: now, failures: 1)
            table.order.append((client, now))
            compact(&table)
        }
    }

    private func evictOldest(_ table: inout Table) {
        while table.head < table.order.count {
            let item = table.order[table.head]
            table.head += 1
            if let entry = table.entries[item.client], entry.opened == item.opened {
                table.entries[item.client] = nil
                evictions.add(1, ordering: .relaxed)
                return
            }
        }
    }

    /// Drops popped and stale items once they outnumber the live ones, so `order` stays
    /// within twice the table's size.
    private func compact(_ table: inout Table) {
        guard table.order.count > 2 * maxClients + 16 else { return }
        let live = table.order[table.head...].filter { table.entries[$0.client]?.opened == $0.opened }
        table.order = Array(live)
        table.head = 0
    }
}

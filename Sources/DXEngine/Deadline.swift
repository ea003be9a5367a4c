/// When a connection must have made progress, and of which kind that progress is. Each kind has
/// one fixed timeout from `ServerConfiguration`, so deadlines of one kind are set in the order
/// they fall due: that is what lets `DeadlineQueue` keep them in plain lists.
package struct Deadline: Equatable, Sendable {
    package enum Kind: Int, CaseIterable, Sendable {
        /// Keep-alive with no request begun: closed silently when it passes.
        case idle
        /// A request head has begun (or the connection is new and silent): 408 when it passes.
        case header
        /// A request body is being read: 408 when it passes; its rate is checked every tick.
        case body
        /// Output is waiting for the client to read it: closed when no byte left for this long.
        case write
        /// Half-closed after the last response, draining the client's input (RFC 9112 §9.6).
        case linger
    }

    package var kind: Kind
    /// Monotonic nanoseconds (`MonotonicClock`).
    package var at: UInt64

    package init(_ kind: Kind, at: UInt64) {
        self.kind = kind
        self.at = at
    }

    /// `seconds` after `now`, saturating.
    package init(_ kind: Kind, seconds: Double, after now: UInt64) {
        self.init(kind, at: now &+ Self.nanoseconds(seconds))
    }

    package func hasPassed(at now: UInt64) -> Bool { now >= at }

    /// Saturating: a configured duration can never trap the conversion; not finite or not
    /// positive is 0, more than 10⁹ s is 10⁹ s.
    package static func nanoseconds(_ seconds: Double) -> UInt64 {
        guard seconds.isFinite, seconds > 0 else { return 0 }
        return seconds >= 1e9 ? UInt64(1e18) : UInt64(seconds * 1_000_000_000)
    }
}

import Foundation
import DXSync

/// Decides when a token's `last_used_at` is written: at its first use seen by this process and
/// then at most once per `interval` per token.
///
/// Writing it on every request cost each authenticated write a second durable commit (its own
/// fsync, on a second connection that also contends for SQLite's single write lock): the
/// durable PATCH rate fell by about half (issue 9). The column answers "is this token still in
/// use, and roughly since when", so a value up to `interval` old is as useful; `dxserve token
/// list` documents that precision.
final class TokenUseThrottle: Sendable {
    /// Seconds between two recorded uses of one token.
    let interval: UInt64
    /// Token row id → monotonic nanoseconds of its last recorded use.
    private let recorded = Locked<[Int64: UInt64]>([:])

    init(intervalSeconds: UInt64 = 60) { self.interval = intervalSeconds }

    /// True when the use of token `id` at monotonic `now` (nanoseconds) should be written, and
    /// remembers it as written; false within `interval` of the last write.
    func shouldRecord(id: Int64, now: UInt64 = DispatchTime.now().uptimeNanoseconds) -> Bool {
        recorded.withLock { map in
            // Saturating: `interval` comes from code, `now` from the clock; neither can wrap
            // in practice, but the check must not trap if they did.
            let (spanNanos, overflow) = interval.multipliedReportingOverflow(by: 1_000_000_000)
            if let last = map[id], !overflow, now >= last, now - last < spanNanos { return false }
            map[id] = now
            return true
        }
    }

    /// Forgets token `id`, so its next use is written (after a failed write, for example).
    func forget(id: Int64) {
        _ = recorded.withLock { $0.removeValue(forKey: id) }
    }
}

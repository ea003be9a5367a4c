import DXHTTP
import DXSync
import Synchronization

/// What the engine counts about itself, for `/metrics` and tests. Written from the loop
/// threads (relaxed atomics: no request path takes a lock for these), read on demand.
public final class EngineStatistics: Sendable {
    /// Why a request was ended with 408 before it was complete.
    public enum TimeoutReason: String, Sendable, CaseIterable {
        /// The head did not arrive within the header timeout.
        case header
        /// The body did not arrive within the body timeout.
        case body
        /// The body arrived slower than the configured minimum data rate after its grace period.
        case bodyRate = "body_rate"
    }

    private let acceptFailures = Atomic<Int>(0)
    private let evictions = Atomic<Int>(0)
    private let headerTimeouts = Atomic<Int>(0)
    private let bodyTimeouts = Atomic<Int>(0)
    private let bodyRateTimeouts = Atomic<Int>(0)
    /// Failed system calls by call name. Only the error path takes this lock.
    private let syscallFailures = Locked<[String: Int]>([:])

    public init() {}

    /// Accepts that failed for lack of descriptors or memory (EMFILE, ENFILE, ENOBUFS, ENOMEM).
    public var acceptFailureCount: Int { acceptFailures.load(ordering: .relaxed) }
    /// Idle connections closed to admit new ones at the connection limit.
    public var evictionCount: Int { evictions.load(ordering: .relaxed) }

    public func timeoutCount(_ reason: TimeoutReason) -> Int {
        switch reason {
        case .header: headerTimeouts.load(ordering: .relaxed)
        case .body: bodyTimeouts.load(ordering: .relaxed)
        case .bodyRate: bodyRateTimeouts.load(ordering: .relaxed)
        }
    }

    /// Failed system calls so far, by call name (`epoll_ctl`, `setsockopt(TCP_NODELAY)`, …).
    public var syscallFailureCounts: [String: Int] { syscallFailures.withLock { $0 } }

    func noteAcceptFailure() { acceptFailures.add(1, ordering: .relaxed) }
    func noteEviction() { evictions.add(1, ordering: .relaxed) }
    func noteTimeout(_ reason: TimeoutReason) {
        switch reason {
        case .header: headerTimeouts.add(1, ordering: .relaxed)
        case .body: bodyTimeouts.add(1, ordering: .relaxed)
        case .bodyRate: bodyRateTimeouts.add(1, ordering: .relaxed)
        }
    }
    func noteSyscallFailure(_ call: String) { syscallFailures.withLock { $0[call, default: 0] += 1 } }
}

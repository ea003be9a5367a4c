import Synchronization

/// A global cap on requests that cost far more than a page read: uncached searches (`q`),
/// facet counts, and streamed CSV exports for as long as they stream. Past the cap the answer
/// is 503 with `Retry-After` (RFC 9110 §15.6.4) at once, rather than queueing work without
/// bound behind the worker pool while cheap requests wait too.
public final class ExpensiveRequestGate: Sendable {
    /// Requests admitted at once; 0 disables the cap.
    public let capacity: Int
    private let inFlight = Atomic<Int>(0)
    private let refusals = Atomic<Int>(0)

    public init(capacity: Int) { self.capacity = max(0, capacity) }

    /// Expensive requests being served now.
    public var current: Int { inFlight.load(ordering: .relaxed) }
    /// Requests answered 503 because every slot was taken.
    public var refusedRequests: Int { refusals.load(ordering: .relaxed) }

    /// A slot, or nil when all are taken. The slot is given back when the permit is released
    /// or deallocated, whichever comes first (a stream's permit lives as long as the stream).
    public func enter() -> Permit? {
        if capacity == 0 { return Permit(gate: nil) }
        var seen = inFlight.load(ordering: .relaxed)
        while seen < capacity {
            let (exchanged, original) = inFlight.compareExchange(expected: seen, desired: seen + 1, ordering: .acquiringAndReleasing)
            if exchanged { return Permit(gate: self) }
            seen = original
        }
        refusals.add(1, ordering: .relaxed)
        return nil
    }

    fileprivate func leave() { inFlight.subtract(1, ordering: .acquiringAndReleasing) }

    /// One admitted expensive request.
    public final class Permit: Sendable {
        private let gate: ExpensiveRequestGate?
        private let released = Atomic<Bool>(false)

        fileprivate init(gate: ExpensiveRequestGate?) { self.gate = gate }

        public func release() {
            guard !released.exchange(true, ordering: .acquiringAndReleasing) else { return }
            gate?.leave()
        }

        deinit { release() }
    }
}

/// A streamed body that holds an expensive-request slot until the stream is done with: the
/// connection drops the stream when the body ends, fails, or the client goes away.
final class GatedBodyStream: BodyStream {
    private let inner: any BodyStream
    private let permit: ExpensiveRequestGate.Permit

    init(_ inner: any BodyStream, permit: ExpensiveRequestGate.Permit) {
        self.inner = inner
        self.permit = permit
    }

    func nextChunk() throws -> [UInt8]? {
        do {
            let chunk = try inner.nextChunk()
            if chunk == nil { permit.release() }
            return chunk
        } catch {
            permit.release()
            throw error
        }
    }
}

import DXHTTP
import Synchronization

/// Raised once, when a server's shutdown begins; shared with whatever must know at once
/// (the readiness probe answers 503 from that moment). Safe from any thread.
public final class ShutdownSignal: Sendable {
    private let raised = Atomic<Bool>(false)

    public init() {}

    public var isRaised: Bool { raised.load(ordering: .relaxed) }

    /// Raises it; true if this call was the first.
    func raise() -> Bool { !raised.exchange(true, ordering: .relaxed) }
}

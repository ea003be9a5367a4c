import Synchronization

/// A count kept by the executable for `/metrics` (signal pipe, replica refresh failures).
public final class FailureCount: Sendable {
    private let count = Atomic<Int>(0)
    public init() {}
    public var value: Int { count.load(ordering: .relaxed) }
    public func add() { count.add(1, ordering: .relaxed) }
}

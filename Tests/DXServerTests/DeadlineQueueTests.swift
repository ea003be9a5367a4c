import DXEngine
import Testing

/// A stand-in for a connection: the queue only needs the links.
private final class Timed: DeadlineQueued {
    let name: String
    var queuedDeadline: Deadline?
    var deadlineNext: Timed?
    unowned(unsafe) var deadlinePrevious: Timed?
    init(_ name: String) { self.name = name }
}

@Suite("Deadline queue: O(expired) per tick")
struct DeadlineQueueTests {
    private func drain(_ queue: inout DeadlineQueue<Timed>, _ kind: Deadline.Kind, now: UInt64) -> [String] {
        var names: [String] = []
        while let (member, _) = queue.popExpired(kind, now: now) { names.append(member.name) }
        return names
    }

    @Test func onlyPassedDeadlinesArePoppedInDueOrder() {
        var queue = DeadlineQueue<Timed>()
        let members = (0..<5).map { Timed("c\($0)") }
        for (i, m) in members.enumerated() { queue.schedule(m, Deadline(.idle, at: UInt64(100 + i * 10))) }
        #expect(drain(&queue, .idle, now: 125) == ["c0", "c1", "c2"])
        #expect(queue.count == 2)
        #expect(members[3].queuedDeadline == Deadline(.idle, at: 130))
        #expect(members[0].queuedDeadline == nil)
    }

    @Test func kindsAreSeparateLists() {
        var queue = DeadlineQueue<Timed>()
        let idle = Timed("idle"), header = Timed("header")
        queue.schedule(idle, Deadline(.idle, at: 10))
        queue.schedule(header, Deadline(.header, at: 10))
        #expect(drain(&queue, .header, now: 50) == ["header"])
        #expect(queue.first(.idle) === idle)
    }

    @Test func anEarlierDeadlineIsInsertedInOrderNotAtTheTail() {
        var queue = DeadlineQueue<Timed>()
        let a = Timed("a"), b = Timed("b"), c = Timed("c")
        queue.schedule(a, Deadline(.header, at: 10))
        queue.schedule(b, Deadline(.header, at: 30))
        // A read deadline resuming after output drained can be due before the tail's.
        queue.schedule(c, Deadline(.header, at: 20))
        #expect(drain(&queue, .header, now: 25) == ["a", "c"])
        #expect(drain(&queue, .header, now: 35) == ["b"])
    }

    @Test func reschedulingMovesAMemberAndNilUnqueuesIt() {
        var queue = DeadlineQueue<Timed>()
        let a = Timed("a"), b = Timed("b")
        queue.schedule(a, Deadline(.idle, at: 10))
        queue.schedule(b, Deadline(.idle, at: 20))
        queue.schedule(a, Deadline(.idle, at: 30))  // activity: due later now
        #expect(drain(&queue, .idle, now: 25) == ["b"])
        queue.schedule(a, nil)
        #expect(queue.count == 0)
        #expect(queue.first(.idle) == nil)
        #expect(drain(&queue, .idle, now: 100).isEmpty)
    }

    @Test func removingFromTheMiddleKeepsBothNeighboursLinked() {
        var queue = DeadlineQueue<Timed>()
        let members = (0..<3).map { Timed("c\($0)") }
        for (i, m) in members.enumerated() { queue.schedule(m, Deadline(.write, at: UInt64(i))) }
        queue.remove(members[1])
        queue.remove(members[1])  // twice is a no-op
        #expect(drain(&queue, .write, now: 10) == ["c0", "c2"])
    }

    @Test func aTickWithTenThousandIdleAndNoneDueVisitsNone() {
        var queue = DeadlineQueue<Timed>()
        let members = (0..<10_000).map { Timed("c\($0)") }
        for m in members { queue.schedule(m, Deadline(.idle, seconds: 60, after: 1_000)) }
        for kind in Deadline.Kind.allCases { #expect(queue.popExpired(kind, now: 2_000) == nil) }
        #expect(queue.count == 10_000)
    }

    @Test func durationsSaturateInsteadOfTrapping() {
        #expect(Deadline.nanoseconds(.infinity) == 0)
        #expect(Deadline.nanoseconds(-1) == 0)
        #expect(Deadline.nanoseconds(.nan) == 0)
        #expect(Deadline.nanoseconds(1e300) == 1_000_000_000_000_000_000)
        #expect(Deadline.nanoseconds(1.5) == 1_500_000_000)
        #expect(Deadline(.idle, seconds: 1e300, after: .max).at == UInt64.max &+ 1_000_000_000_000_000_000)
    }
}

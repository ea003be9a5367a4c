/// What `DeadlineQueue` links: the links live in the members themselves, so queueing and
/// unqueueing allocate nothing.
package protocol DeadlineQueued: AnyObject {
    /// The deadline the member is queued under; nil when it is in no list. Written by the queue.
    var queuedDeadline: Deadline? { get set }
    var deadlineNext: Self? { get set }
    var deadlinePrevious: Self? { get set }
}

/// A loop's pending deadlines, one intrusive doubly linked list per `Deadline.Kind`, each
/// ordered by due time. A kind's timeout is fixed, so a new deadline almost always belongs at
/// its list's tail (the backwards walk in `schedule` is for the rare earlier one, a read
/// deadline resuming after output drained). A tick therefore touches only the deadlines that
/// have passed — O(expired), not O(connections) — and 10,000 idle connections cost nothing
/// until they time out.
///
/// Loop-thread only. Every member is also held by the loop's table.
package struct DeadlineQueue<Member: DeadlineQueued> {
    private var heads: [Member?] = Array(repeating: nil, count: Deadline.Kind.allCases.count)
    private var tails: [Member?] = Array(repeating: nil, count: Deadline.Kind.allCases.count)
    package private(set) var count = 0

    package init() {}

    /// The member whose deadline of `kind` falls due first.
    package func first(_ kind: Deadline.Kind) -> Member? { heads[kind.rawValue] }

    /// Queues `member` under `deadline` (nil: unqueues it), replacing what it was queued under.
    package mutating func schedule(_ member: Member, _ deadline: Deadline?) {
        guard member.queuedDeadline != deadline else { return }
        remove(member)
        guard let deadline else { return }
        let k = deadline.kind.rawValue
        // The last member due no later than the new one; nil: the new one goes first.
        var before = tails[k]
        while let candidate = before, let due = candidate.queuedDeadline, due.at > deadline.at {
            before = candidate.deadlinePrevious
        }
        member.queuedDeadline = deadline
        member.deadlinePrevious = before
        if let before {
            member.deadlineNext = before.deadlineNext
            before.deadlineNext = member
        } else {
            member.deadlineNext = heads[k]
            heads[k] = member
        }
        if let next = member.deadlineNext { next.deadlinePrevious = member } else { tails[k] = member }
        count += 1
    }

    /// Unlinks `member`; no-op if it is not queued.
    package mutating func remove(_ member: Member) {
        guard let deadline = member.queuedDeadline else { return }
        let k = deadline.kind.rawValue
        let previous = member.deadlinePrevious
        let next = member.deadlineNext
        if let previous { previous.deadlineNext = next } else { heads[k] = next }
        if let next { next.deadlinePrevious = previous } else { tails[k] = previous }
        member.deadlineNext = nil
        member.deadlinePrevious = nil
        member.queuedDeadline = nil
        count -= 1
    }

    /// Unqueues and returns the first member of `kind` whose deadline has passed at `now`;
    /// nil when none has. Call until nil.
    package mutating func popExpired(_ kind: Deadline.Kind, now: UInt64) -> (member: Member, deadline: Deadline)? {
        guard let head = heads[kind.rawValue], let deadline = head.queuedDeadline, deadline.hasPassed(at: now) else {
            return nil
        }
        remove(head)
        return (head, deadline)
    }
}

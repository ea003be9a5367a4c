import CDXSystem
import Foundation

/// The threads that run the handlers that may block (SQLite reads and writes), never a loop.
///
/// Not a concurrent `DispatchQueue`: on Linux libdispatch keeps its pool near the number of
/// CPUs and adds threads only slowly when they block. A write waiting for its group commit
/// (DXCore `GroupCommit`) blocks its thread, so with the server on one core at most about two
/// writes were ever in flight and each paid a commit and an fsync of its own (issue 9: one
/// fdatasync per PATCH with 16 clients). Here up to `maxThreads` jobs run at once, so the
/// writes that arrive during a commit are all waiting to share the next one.
///
/// Threads start on demand, when a job finds no idle thread, and stay parked afterwards; an
/// idle server that never needed them holds none. Jobs start in the order they were queued.
final class WorkerPool: @unchecked Sendable {
    /// At most this many jobs run at once; more wait in the queue.
    let maxThreads: Int
    // Everything below is guarded by `condition`.
    private let condition = NSCondition()
    private var jobs: [@Sendable () -> Void] = []
    /// Index of the next job to run in `jobs`; the slots before it are spent.
    private var next = 0
    private var threadCount = 0
    private var idleCount = 0
    private var stopping = false

    init(maxThreads: Int) { self.maxThreads = max(1, maxThreads) }

    /// Queues `job`; it runs on a pool thread. After `stop` jobs are dropped.
    func async(_ job: @escaping @Sendable () -> Void) {
        condition.lock()
        guard !stopping else {
            condition.unlock()
            return
        }
        jobs.append(job)
        // An idle thread that was signalled but has not woken yet still counts as idle, and
        // takes one of the pending jobs when it does.
        let startThread = idleCount < jobs.count - next && threadCount < maxThreads
        if startThread { threadCount += 1 }
        condition.signal()
        condition.unlock()
        if startThread { spawn() }
    }

    /// Lets the threads finish the jobs already queued, then end. For the server's shutdown,
    /// after the loops stopped handing out work.
    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        condition.unlock()
    }

    private func spawn() {
        let thread = Thread { [self] in
            _ = dx_set_thread_name("dxserve-worker")
            work()
        }
        thread.name = "dxserve-worker"
        // The handlers' deepest stacks (JSON encoding and decoding of nested bodies, SQLite)
        // stay far below this; only touched pages count in RSS.
        thread.stackSize = 4 << 20
        thread.start()
    }

    private func work() {
        while let job = take() { job() }
    }

    /// The next job, waiting for one; nil once stopping and nothing is left.
    private func take() -> (@Sendable () -> Void)? {
        condition.lock()
        defer { condition.unlock() }
        while next == jobs.count {
            if stopping {
                threadCount -= 1
                return nil
            }
            idleCount += 1
            condition.wait()
            idleCount -= 1
        }
        let job = jobs[next]
        next += 1
        if next == jobs.count {
            jobs.removeAll(keepingCapacity: true)
            next = 0
        } else if next >= 256 {
            // A long burst: drop the spent slots now and then rather than letting them pile up.
            jobs.removeFirst(next)
            next = 0
        }
        return job
    }
}

import Dispatch
@testable import DXEngine
import Synchronization
import Testing

/// Issue 9: blocking handlers run on `WorkerPool`, which must let many jobs block at once (a
/// write waiting for its group commit holds its thread), so the writes that arrive during one
/// commit can share the next.
@Suite("Worker pool")
struct WorkerPoolTests {
    @Test func jobsUpToMaxThreadsBlockAtOnceWithoutStarvingEachOther() {
        let pool = WorkerPool(maxThreads: 16)
        let jobs = 16
        let started = Atomic<Int>(0)
        let allStarted = DispatchSemaphore(value: 0)
        let finished = DispatchGroup()
        for _ in 0..<jobs {
            finished.enter()
            pool.async {
                // Each job blocks until every one has started: only 16 threads at once get there.
                if started.add(1, ordering: .relaxed).newValue == jobs {
                    for _ in 0..<jobs { allStarted.signal() }
                }
                allStarted.wait()
                finished.leave()
            }
        }
        // The bound only turns a deadlock into a failure; it is not a speed target.
        #expect(finished.wait(timeout: .now() + 30) == .success, "\(started.load(ordering: .relaxed)) of \(jobs) jobs started")
        pool.stop()
    }

    @Test func jobsBeyondMaxThreadsWaitAndAllRunInOrderOfArrivalOnOneThread() {
        let pool = WorkerPool(maxThreads: 1)
        let order = Mutex<[Int]>([])
        let finished = DispatchGroup()
        for index in 0..<50 {
            finished.enter()
            pool.async {
                order.withLock { $0.append(index) }
                finished.leave()
            }
        }
        #expect(finished.wait(timeout: .now() + 30) == .success)
        #expect(order.withLock { $0 } == Array(0..<50))
        pool.stop()
    }
}

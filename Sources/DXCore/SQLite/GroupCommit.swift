import DXSync
import Foundation

/// Group commit: writers that arrive while another write is committing share the next
/// transaction, so one `fsync` (the cost of a durable commit, `synchronous=FULL`) serves many
/// writes. Each write runs in its own SAVEPOINT, so a write that throws is undone alone and the
/// others in its batch still commit; a caller returns only after the COMMIT that holds its
/// write, so an acknowledged write is as durable as before.
///
/// The first writer to find no batch in progress leads: it takes every queued write (its own
/// included), runs them in order in one IMMEDIATE transaction, commits, wakes the others, and
/// hands the lead to the first writer that queued meanwhile. A lone writer pays nothing extra
/// but a SAVEPOINT.
final class GroupCommit: @unchecked Sendable {
    private final class Job: @unchecked Sendable {
        /// Dropped by the leader as soon as it ran (or gave up on) the write, before any waiter
        /// wakes: the closure must not outlive its caller's `withoutActuallyEscaping`.
        var run: ((Database) throws -> Void)?
        var error: (any Error)?
        /// Set under `lock` by the leader before it signals: done, or promoted to lead.
        var promoted = false
        let wake = DispatchSemaphore(value: 0)
        init(run: @escaping (Database) throws -> Void) { self.run = run }
    }

    private let lock = NSLock()
    private var queue: [Job] = []
    private var leading = false

    /// Runs `body` in a batch on `writer` and returns once its batch committed. Throws what
    /// `body` threw, or the error that kept its batch from committing. `committed` runs after
    /// every COMMIT that made at least one write durable, before any writer of it returns.
    func perform(on writer: Locked<Database>, committed: () -> Void, _ body: (Database) throws -> Void) throws {
        try withoutActuallyEscaping(body) { body in
            let job = Job(run: body)
            lock.lock()
            queue.append(job)
            if leading {
                lock.unlock()
                // The job cannot outlive this call: the leader runs it while we wait here.
                job.wake.wait()
                if !job.promoted {
                    if let error = job.error { throw error }
                    return
                }
            } else {
                leading = true
                lock.unlock()
            }
            lock.lock()
            let batch = queue
            queue = []
            lock.unlock()
            if writer.withLock({ run(batch, on: $0) }) { committed() }
            for other in batch where other !== job { other.wake.signal() }
            lock.lock()
            if let next = queue.first {
                next.promoted = true
                lock.unlock()
                next.wake.signal()
            } else {
                leading = false
                lock.unlock()
            }
            if let error = job.error { throw error }
        }
    }

    /// Returns true when a COMMIT made at least one write durable.
    private func run(_ batch: [Job], on database: Database) -> Bool {
        var pending = batch[...]
        var anyCommitted = false
        while !pending.isEmpty {
            do {
                try database.execute("BEGIN IMMEDIATE TRANSACTION")
            } catch {
                for job in pending {
                    job.error = error
                    job.run = nil
                }
                return anyCommitted
            }
            var succeeded: [Job] = []
            var transactionLost = false
            while let job = pending.popFirst() {
                let run = job.run
                job.run = nil
                do {
                    try database.execute("SAVEPOINT dx_write")
                    try run?(database)
                    try database.execute("RELEASE dx_write")
                    succeeded.append(job)
                } catch {
                    job.error = error
                    if database.isAutocommit {
                        // SQLite rolled the whole transaction back (SQLITE_FULL, SQLITE_IOERR…):
                        // the writes before this one are gone too and must not be acknowledged.
                        for lost in succeeded { lost.error = error }
                        transactionLost = true
                        break
                    }
                    try? database.execute("ROLLBACK TO dx_write")
                    try? database.execute("RELEASE dx_write")
                }
            }
            if transactionLost { continue }
            do {
                try database.execute("COMMIT TRANSACTION")
                anyCommitted = anyCommitted || !succeeded.isEmpty
            } catch {
                for job in succeeded { job.error = error }
                if !database.isAutocommit { try? database.execute("ROLLBACK TRANSACTION") }
            }
        }
        return anyCommitted
    }
}

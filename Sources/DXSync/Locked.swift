#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A value guarded by a `pthread_mutex_t`: the shared tables of the loops, the workers and the
/// stores (caches, metrics series, pending tasks, the access log's line buffers).
///
/// Why not `Synchronization.Mutex`: on Linux it locks with atomics and a futex inside the Swift
/// runtime, which is not built with ThreadSanitizer, so TSan saw no order between two
/// `withLock` bodies and reported the accesses inside them as races (AccessLog, Metrics and
/// Gzip in turn, `scripts/tsan.sh`). `pthread_mutex_lock` is intercepted by TSan, so with this
/// lock every report is a real one and none needs a suppression. Uncontended, both cost one
/// atomic exchange to lock and one to unlock.
///
/// The value is reached only inside `withLock`, so the class may cross threads whatever the
/// value is (`@unchecked Sendable`, as `Mutex` is `Sendable` for any value).
public final class Locked<Value>: @unchecked Sendable {
    @usableFromInline let mutex: UnsafeMutablePointer<pthread_mutex_t>
    @usableFromInline var value: Value

    public init(_ value: Value) {
        self.value = value
        mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        // Default attributes: a normal mutex, which pthread_mutex_init cannot fail to make.
        _ = pthread_mutex_init(mutex, nil)
    }

    deinit {
        _ = pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Runs `body` with the value while holding the lock. Not reentrant: a nested `withLock`
    /// on the same instance deadlocks, as with `Mutex`.
    @inlinable
    public func withLock<Result, Failure: Error>(_ body: (inout Value) throws(Failure) -> Result) throws(Failure) -> Result {
        _ = pthread_mutex_lock(mutex)
        defer { _ = pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}

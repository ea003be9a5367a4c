import DXServer
import Foundation
import Glibc
import Logging
import Synchronization

/// Turns SIGTERM/SIGINT into a call on an ordinary thread.
///
/// Dispatch signal sources on Linux only see a signal that no thread takes first; with
/// loop threads running, the kernel may deliver it to one of them and, with the
/// disposition set to ignore, it is lost. A real handler runs on whichever thread gets the
/// signal and only writes a byte to a pipe (async-signal-safe); a dedicated thread reads it.
enum SignalWatcher {
    nonisolated(unsafe) private static var writeFD: Int32 = -1
    /// Signals whose byte could not be written, or a read end that failed: the server would not
    /// stop on SIGTERM. Atomics are lock-free, so the handler may count (async-signal-safe).
    private static let failures = Atomic<Int>(0)
    static var failureCount: Int { failures.load(ordering: .relaxed) }

    /// Throws `SocketError.failed` naming the call (pipe, pthread_sigmask, sigaction) if the
    /// signals cannot be watched: a server that could not be stopped cleanly must not start.
    static func install(_ signals: [Int32], logger: Logger, onSignal: @escaping @Sendable () -> Void) throws(SocketError) {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw .failed(call: "pipe", errno: errno) }
        writeFD = fds[1]
        let readFD = fds[0]
        // A parent may have spawned us with these blocked (signal masks are inherited): unblock
        // them before any other thread exists, so every thread inherits the open mask.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for sig in signals { sigaddset(&unblock, sig) }
        let rc = pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        guard rc == 0 else { throw .failed(call: "pthread_sigmask", errno: rc) }
        for sig in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { _ in
                var byte: UInt8 = 1
                // Nothing can be reported from a signal handler; a full pipe already holds a byte.
                if Glibc.write(SignalWatcher.writeFD, &byte, 1) < 0 && errno != EAGAIN {
                    SignalWatcher.failures.add(1, ordering: .relaxed)
                }
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            guard sigaction(sig, &action, nil) == 0 else { throw .failed(call: "sigaction(\(sig))", errno: errno) }
        }
        let thread = Thread {
            var byte: UInt8 = 0
            while true {
                let n = Glibc.read(readFD, &byte, 1)
                if n == 1 { break }
                if n < 0 && errno == EINTR { continue }
                // The pipe broke: signals can no longer stop the server. Said and counted.
                let code = n < 0 ? errno : 0
                failures.add(1, ordering: .relaxed)
                logger.critical("signal pipe failed; SIGTERM/SIGINT will not stop the server",
                                metadata: ["errno": .stringConvertible(code), "error": .string(code == 0 ? "end of file" : String(cString: strerror(code)))])
                return
            }
            onSignal()
        }
        thread.name = "dxserve-signals"
        thread.start()
    }
}

import DXServer
import Foundation
import Glibc

/// Turns SIGTERM/SIGINT into a call on an ordinary thread.
///
/// Dispatch signal sources on Linux only see a signal that no thread takes first; with
/// loop threads running, the kernel may deliver it to one of them and, with the
/// disposition set to ignore, it is lost. A real handler runs on whichever thread gets the
/// signal and only writes a byte to a pipe (async-signal-safe); a dedicated thread reads it.
enum SignalWatcher {
    nonisolated(unsafe) private static var writeFD: Int32 = -1

    /// Throws `SocketError.failed` naming the call (pipe, pthread_sigmask, sigaction) if the
    /// signals cannot be watched: a server that could not be stopped cleanly must not start.
    static func install(_ signals: [Int32], onSignal: @escaping @Sendable () -> Void) throws(SocketError) {
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
                _ = Glibc.write(SignalWatcher.writeFD, &byte, 1)
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
                return
            }
            onSignal()
        }
        thread.name = "dxserve-signals"
        thread.start()
    }
}

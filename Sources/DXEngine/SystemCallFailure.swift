import Glibc

/// A system call that failed at run time, as the engine reports it to its owner
/// (`HTTPServer(onSystemError:)`): fields, not a preformatted line, so each log format writes
/// them its own way (`errno` a JSON number, not a string holding `key=value` pairs).
public struct SystemCallFailure: Sendable, Equatable, CustomStringConvertible {
    /// The call and what it was for: `epoll_ctl(DEL listener)`, `shutdown(SHUT_WR)`.
    public var call: String
    public var errno: Int32
    /// `strerror(errno)`: `Bad file descriptor`.
    public var message: String

    public init(call: String, errno: Int32) {
        self.call = call
        self.errno = errno
        message = String(cString: strerror(errno))
    }

    /// `call=epoll_ctl(DEL listener) errno=9 error="Bad file descriptor"`.
    public var description: String { "call=\(call) errno=\(errno) error=\"\(message)\"" }
}

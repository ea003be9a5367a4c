import DXHTTP
import Glibc

/// errno turned into a small typed error right at the call that failed.
public enum SocketError: Error, Sendable, Equatable, CustomStringConvertible {
    /// EAGAIN/EWOULDBLOCK: nothing to do until epoll says so.
    case blocked
    /// The peer is gone (EPIPE, ECONNRESET, or end of stream).
    case disconnected
    case failed(call: String, errno: Int32)
    /// getaddrinfo(3) refused the host: its code is an `EAI_*` value, not an errno, so the
    /// message is `gai_strerror`'s ("Name or service not known").
    case unresolved(host: String, message: String)

    public static func fromErrno(_ call: String, _ code: Int32 = errno) -> SocketError {
        switch code {
        case EAGAIN, EWOULDBLOCK: .blocked
        case EPIPE, ECONNRESET, ENOTCONN, ETIMEDOUT: .disconnected
        default: .failed(call: call, errno: code)
        }
    }

    public var description: String {
        switch self {
        case .blocked: "blocked"
        case .disconnected: "disconnected"
        case let .failed(call, code): "\(call) failed: \(String(cString: strerror(code))) (errno \(code))"
        case let .unresolved(host, message): "cannot listen on '\(host)': \(message) (give an IP address or a resolvable name with --host)"
        }
    }
}

import DXHTTP
import CDXSystem
import Glibc

/// A bound, listening, non-blocking TCP socket (IPv4 or IPv6). Owns its descriptor.
public final class ListeningSocket: @unchecked Sendable {
    // Immutable after init; only `close()` mutates, from the server's shutdown path.
    public let fd: Int32
    public let host: String
    public let port: Int
    private var closed = false
    /// Whether `TCP_NODELAY` is set on the listener, which Linux copies to every accepted
    /// socket: the accept path then saves a `setsockopt` per connection.
    public let acceptedSocketsHaveNoDelay: Bool

    public init(host: String, port: Int, backlog: Int32 = 1024) throws(SocketError) {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        var result: UnsafeMutablePointer<addrinfo>?
        let rc = getaddrinfo(host, String(port), &hints, &result)
        guard rc == 0, let first = result else {
            throw .unresolved(host: host, message: rc == 0 ? "no address" : String(cString: gai_strerror(rc)))
        }
        defer { freeaddrinfo(result) }

        let fd = socket(first.pointee.ai_family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw SocketError.fromErrno("socket") }
        do {
            try SocketCalls.setOption(fd, SOL_SOCKET, SO_REUSEADDR, 1, "SO_REUSEADDR")
            if first.pointee.ai_family == AF_INET6 {
                // "::" serves IPv4 too unless the host says otherwise.
                try SocketCalls.setOption(fd, Int32(IPPROTO_IPV6), IPV6_V6ONLY, 0, "IPV6_V6ONLY")
            }
        } catch {
            SocketCalls.close(fd)
            throw error
        }
        // Responses are written whole; Nagle would only delay the last segment. Failing here is
        // not fatal: each accepted socket then gets the option itself.
        acceptedSocketsHaveNoDelay = (try? SocketCalls.setOption(fd, Int32(IPPROTO_TCP), TCP_NODELAY, 1, "TCP_NODELAY")) != nil
        guard bind(fd, first.pointee.ai_addr, first.pointee.ai_addrlen) == 0 else {
            let e = SocketError.fromErrno("bind(\(host):\(port))")
            SocketCalls.close(fd)
            throw e
        }
        guard listen(fd, backlog) == 0 else {
            let e = SocketError.fromErrno("listen")
            SocketCalls.close(fd)
            throw e
        }
        // With port 0 the kernel chose the port: without it the printed URL would be wrong.
        guard let bound = Self.boundPort(fd) else {
            let e = SocketError.fromErrno("getsockname")
            SocketCalls.close(fd)
            throw e
        }
        self.fd = fd
        self.host = host
        self.port = bound
    }

    /// Stops new TCP handshakes while those under way complete: new SYNs are dropped, so a
    /// client connecting now retries its SYN and is refused once the listener has closed,
    /// instead of being accepted into the backlog and reset by the close (shutdown drain).
    public func refuseNewHandshakes() throws(SocketError) {
        guard dx_drop_new_handshakes(fd) == 0 else { throw .failed(call: "setsockopt(SO_ATTACH_FILTER)", errno: errno) }
    }

    private static func boundPort(_ fd: Int32) -> Int? {
        var storage = sockaddr_storage()
        var len = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let ok = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) == 0 }
        }
        guard ok else { return nil }
        switch Int32(storage.ss_family) {
        case AF_INET:
            return withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin_port)) }
            }
        case AF_INET6:
            return withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin6_port)) }
            }
        default:
            return nil
        }
    }

    /// The URL clients use; IPv6 literals need brackets.
    public var url: String {
        host.contains(":") ? "http://[\(host)]:\(port)" : "http://\(host):\(port)"
    }

    public func close() {
        guard !closed else { return }
        closed = true
        SocketCalls.close(fd)
    }

    deinit { close() }
}

import DXHTTP
import CDXSystem
import Glibc

/// One-line shims over the Glibc calls the engine makes, each retrying EINTR and turning errno
/// into `SocketError` at the call. `read` and the sends go through CDXSystem's raw `syscall`
/// wrappers: glibc's own are cancellation points, whose bookkeeping costs every request and
/// buys nothing here (no thread of ours is ever cancelled).
package enum SocketCalls {
    package static func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer) throws(SocketError) -> Int {
        while true {
            let n = dx_read(fd, buffer.baseAddress, buffer.count)
            if n > 0 { return n }
            if n == 0 { throw .disconnected }
            if errno == EINTR { continue }
            throw SocketError.fromErrno("read")
        }
    }

    /// MSG_NOSIGNAL: a peer that went away must give EPIPE, not kill the process.
    package static func send(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) throws(SocketError) -> Int {
        while true {
            let n = dx_send(fd, buffer.baseAddress, buffer.count, Int32(MSG_NOSIGNAL))
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw SocketError.fromErrno("send")
        }
    }

    /// Three parts in one `sendmsg` (a head, its dynamic tail, a body), so a response leaves in
    /// one syscall without first being copied into one buffer. Empty parts are fine.
    package static func send(_ fd: Int32, _ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer,
                     _ c: UnsafeRawBufferPointer) throws(SocketError) -> Int {
        var vectors = (
            iovec(iov_base: UnsafeMutableRawPointer(mutating: a.baseAddress), iov_len: a.count),
            iovec(iov_base: UnsafeMutableRawPointer(mutating: b.baseAddress), iov_len: b.count),
            iovec(iov_base: UnsafeMutableRawPointer(mutating: c.baseAddress), iov_len: c.count))
        return try withUnsafeMutableBytes(of: &vectors) { raw throws(SocketError) -> Int in
            var message = msghdr()
            message.msg_iov = raw.baseAddress?.assumingMemoryBound(to: iovec.self)
            message.msg_iovlen = 3
            while true {
                let n = dx_sendmsg(fd, &message, Int32(MSG_NOSIGNAL))
                if n >= 0 { return n }
                if errno == EINTR { continue }
                throw SocketError.fromErrno("sendmsg")
            }
        }
    }

    package static func accept(_ fd: Int32) throws(SocketError) -> Int32 {
        var peer: IPAddress?
        return try accept(fd, peer: &peer)
    }

    /// Also reports the peer's address (nil for a family without one).
    package static func accept(_ fd: Int32, peer: inout IPAddress?) throws(SocketError) -> Int32 {
        var storage = sockaddr_storage()
        while true {
            var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let client = withUnsafeMutablePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { dx_accept4(fd, $0, &length) }
            }
            if client >= 0 {
                peer = IPAddress(storage)
                return client
            }
            if errno == EINTR || errno == ECONNABORTED { continue }
            throw SocketError.fromErrno("accept4")
        }
    }

    /// The descriptor is released whatever the result; the error is only worth reporting.
    @discardableResult
    package static func close(_ fd: Int32) -> SocketError? {
        // EINTR on close must not be retried on Linux: the descriptor is already released.
        guard Glibc.close(fd) != 0 else { return nil }
        return errno == EINTR ? nil : .failed(call: "close", errno: errno)
    }

    package static func setOption(_ fd: Int32, _ level: Int32, _ name: Int32, _ value: Int32, _ label: String) throws(SocketError) {
        var v = value
        guard setsockopt(fd, level, name, &v, socklen_t(MemoryLayout<Int32>.size)) == 0 else {
            throw .failed(call: "setsockopt(\(label))", errno: errno)
        }
    }

    /// epoll_ctl through the shim; `label` names the operation in the error.
    package static func epollControl(_ epfd: Int32, _ op: Int32, _ fd: Int32, _ events: UInt32, _ data: UInt64,
                             _ label: String) throws(SocketError) {
        guard dx_epoll_ctl(epfd, op, fd, events, data) == 0 else {
            throw .failed(call: "epoll_ctl(\(label))", errno: errno)
        }
    }
}

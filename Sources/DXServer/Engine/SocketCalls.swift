import CDXSystem
import Glibc

/// One-line shims over the Glibc calls the engine makes, each retrying EINTR and turning errno
/// into `SocketError` at the call.
enum SocketCalls {
    static func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer) throws(SocketError) -> Int {
        while true {
            let n = Glibc.read(fd, buffer.baseAddress, buffer.count)
            if n > 0 { return n }
            if n == 0 { throw .disconnected }
            if errno == EINTR { continue }
            throw SocketError.fromErrno("read")
        }
    }

    /// MSG_NOSIGNAL: a peer that went away must give EPIPE, not kill the process.
    static func send(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) throws(SocketError) -> Int {
        while true {
            let n = Glibc.send(fd, buffer.baseAddress, buffer.count, Int32(MSG_NOSIGNAL))
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw SocketError.fromErrno("send")
        }
    }

    static func accept(_ fd: Int32) throws(SocketError) -> Int32 {
        while true {
            let client = dx_accept4(fd, nil, nil)
            if client >= 0 { return client }
            if errno == EINTR || errno == ECONNABORTED { continue }
            throw SocketError.fromErrno("accept4")
        }
    }

    static func close(_ fd: Int32) {
        // EINTR on close must not be retried on Linux: the descriptor is already released.
        _ = Glibc.close(fd)
    }

    static func setOption(_ fd: Int32, _ level: Int32, _ name: Int32, _ value: Int32) {
        var v = value
        _ = setsockopt(fd, level, name, &v, socklen_t(MemoryLayout<Int32>.size))
    }
}

import CDXSystem
@testable import DXServer
import Glibc
import Testing

/// Every system call the engine makes has its result checked: a failure becomes a typed
/// `SocketError` naming the call (thrown at start, or counted and logged at run time).
@Suite struct EngineSyscallTests {
    @Test func aFailedSetsockoptIsATypedErrorNamingTheOption() {
        #expect(throws: SocketError.failed(call: "setsockopt(TCP_NODELAY)", errno: EBADF)) {
            try SocketCalls.setOption(-1, Int32(IPPROTO_TCP), TCP_NODELAY, 1, "TCP_NODELAY")
        }
    }

    @Test func aFailedEpollCtlIsATypedErrorNamingTheOperation() {
        #expect(throws: SocketError.failed(call: "epoll_ctl(ADD listener)", errno: EBADF)) {
            try SocketCalls.epollControl(-1, DX_EPOLL_CTL_ADD, -1, DX_EPOLLIN, 0, "ADD listener")
        }
    }

    @Test func aFailedCloseIsReported() {
        #expect(SocketCalls.close(-1) == .failed(call: "close", errno: EBADF))
    }

    @Test func aPortInUseFailsTheStartWithATypedError() throws {
        let first = try ListeningSocket(host: "127.0.0.1", port: 0)
        #expect(throws: SocketError.failed(call: "bind(127.0.0.1:\(first.port))", errno: EADDRINUSE)) {
            _ = try ListeningSocket(host: "127.0.0.1", port: first.port)
        }
    }

    @Test func runTimeFailuresAreCountedAndReportedToTheOwner() {
        let lines = Locked<[String]>([])
        let server = HTTPServer(configuration: ServerConfiguration(), responder: HTTPService(router: Router()),
                                onSystemError: { failure in lines.withLock { $0.append(failure.description) } })
        server.noteSyscallFailure(.failed(call: "epoll_ctl(DEL listener)", errno: EBADF))
        #expect(server.statistics.syscallFailureCounts == ["epoll_ctl(DEL listener)": 1])
        #expect(lines.withLock { $0 } == [#"call=epoll_ctl(DEL listener) errno=9 error="Bad file descriptor""#])
    }

    @Test func refusingNewHandshakesLeavesQueuedConnectionsAcceptable() throws {
        let listener = try ListeningSocket(host: "127.0.0.1", port: 0)
        let queued = try RawClient(port: listener.port)
        try listener.refuseNewHandshakes()
        let fd = try SocketCalls.accept(listener.fd)
        #expect(fd >= 0)
        SocketCalls.close(fd)
        _ = queued
        // A handshake begun after the filter does not complete (its SYN is dropped; the client
        // retries after a second and is refused once the listener is closed).
        let late = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        defer { Glibc.close(late) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(listener.port).bigEndian)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let rc = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(late, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        #expect(rc == -1 && errno == EINPROGRESS)
        #expect(throws: SocketError.blocked) { _ = try SocketCalls.accept(listener.fd) }
    }
}

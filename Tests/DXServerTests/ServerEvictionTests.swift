import DXServer
import Foundation
import Glibc
import Testing

/// At the connection limit the longest-idle connection without a request in progress (idle
/// keep-alive, or accepted and silent) is closed to admit a new client, as nginx reuses
/// connections; a connection mid-request never is.
@Suite struct ServerEvictionTests {
    static func waitUntil(_ condition: () -> Bool, timeout: Double = 5) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while !condition() && Date() < deadline { usleep(10_000) }
        return condition()
    }

    @Test func atTheLimitAnIdleConnectionIsClosedToAdmitANewClient() throws {
        try withTestServer(configure: { $0.maxConnections = 8; $0.headerTimeout = 30 }) { server in
            var silent: [RawClient] = []
            for _ in 0..<8 { silent.append(try server.connect()) }
            #expect(Self.waitUntil { server.server.connectionCount == 8 })
            let response = try server.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n", timeout: 5)
            #expect(response.status == 200)
            let closed = silent.filter { $0.waitForClose(timeout: 0.2) }
            #expect(closed.count >= 1)
            #expect(server.server.statistics.evictionCount == closed.count)
        }
    }

    /// Two loops accept from one listener: a loop that finds the count full only because the
    /// other one's accept is under way (and may hand its slot back) evicts nobody.
    @Test func fillingTheLimitExactlyEvictsNobody() throws {
        for _ in 0..<30 {
            try withTestServer(configure: { $0.maxConnections = 4; $0.loopCount = 2; $0.headerTimeout = 30 }) { server in
                var silent: [RawClient] = []
                for _ in 0..<4 { silent.append(try server.connect()) }
                #expect(Self.waitUntil { server.server.connectionCount == 4 })
                #expect(server.server.statistics.evictionCount == 0)
                #expect(silent.allSatisfy { !$0.waitForClose(timeout: 0) })
            }
        }
    }

    @Test func anIdleKeepAliveConnectionIsEvictable() throws {
        try withTestServer(configure: { $0.maxConnections = 2; $0.loopCount = 1 }) { server in
            let first = try server.connect()
            try first.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try first.readResponse()?.status == 200)
            let second = try server.connect()
            try second.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try second.readResponse()?.status == 200)
            // Both idle; `first` has been idle longest.
            #expect(try server.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n", timeout: 5).status == 200)
            #expect(first.waitForClose(timeout: 2))
            try second.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try second.readResponse()?.status == 200, "the younger idle connection was kept")
        }
    }

    @Test func aConnectionMidRequestIsNeverEvicted() throws {
        try withTestServer(configure: { $0.maxConnections = 8; $0.headerTimeout = 30 }) { server in
            var busy: [RawClient] = []
            for _ in 0..<8 {
                let client = try server.connect()
                try client.write("GET /healthz HTTP/1.1\r\nHost: x\r\n")  // head not finished
                busy.append(client)
            }
            #expect(Self.waitUntil { server.server.connectionCount == 8 })
            // The newcomer waits in the backlog: nobody may be evicted for it.
            let newcomer = try server.connect()
            try newcomer.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try newcomer.readResponse(timeout: 0.5) == nil)
            #expect(server.server.statistics.evictionCount == 0)
            for client in busy {
                try client.write("\r\n")
                #expect(try client.readResponse(timeout: 5)?.status == 200)
            }
            // Now they are idle keep-alive connections, and the newcomer gets its turn.
            #expect(try newcomer.readResponse(timeout: 5)?.status == 200)
        }
    }

    /// Bytes that arrived on an idle connection but whose event the loop has not handled yet
    /// make it busy: it is read before it would be evicted.
    @Test func aRequestAlreadySentIsAnsweredNotEvicted() throws {
        try withTestServer(configure: { $0.maxConnections = 1; $0.loopCount = 1 }) { server in
            let holder = try server.connect()
            #expect(Self.waitUntil { server.server.connectionCount == 1 })
            try holder.write("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")
            let newcomer = try server.connect()
            try newcomer.write("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            #expect(try holder.readResponse(timeout: 5)?.status == 200)
            #expect(try newcomer.readResponse(timeout: 5)?.status == 200)
        }
    }

    @Test func evictionsAreInMetrics() throws {
        try withTestServer(configure: { $0.maxConnections = 1; $0.loopCount = 1; $0.headerTimeout = 30 }) { server in
            let metrics = Metrics()
            server.server.registerMetrics(on: metrics)
            let silent = try server.connect()
            #expect(Self.waitUntil { server.server.connectionCount == 1 })
            #expect(try server.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n", timeout: 5).status == 200)
            #expect(silent.waitForClose(timeout: 2))
            #expect(metrics.exposition().contains("dxserve_connections_evicted_total 1\n"))
        }
    }
}

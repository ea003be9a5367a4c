@testable import DXEngine
@testable import DXServer
import Foundation
import Glibc
import Testing

/// The engine's per-request and per-connection shortcuts (issue 9) keep the behaviour they
/// shortcut: lookups by descriptor never reach a later connection, the replay cache finds what
/// it kept and nothing else, accepted sockets still have Nagle off, and a `Connection: close`
/// exchange still delivers its whole answer.
@Suite struct EngineHotPathTests {
    @Test func aConnectionTokenOutlivesItsDescriptorWithoutMatchingTheNextConnection() {
        let first = ConnectionTable.token(fd: 7, serial: 1)
        let reused = ConnectionTable.token(fd: 7, serial: 2)
        #expect(first != reused)
        #expect(first & 0xFFFF_FFFF == 7 && reused & 0xFFFF_FFFF == 7)
        // The largest descriptor and serial still never collide with the loop's own tokens.
        let largest = ConnectionTable.token(fd: .max, serial: .max)
        #expect(largest != EventLoop.wakeToken && largest != EventLoop.listenerToken)
    }

    @Test func replayHashIsTheSameForTheSameHeadAndDiffersInAnyByte() {
        let head = Array("GET /api/v1/measures HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n".utf8)
        let hash = head.withUnsafeBytes { ReplayCache.hash($0) }
        #expect(hash == head.withUnsafeBytes { ReplayCache.hash($0) })
        // Every byte counts, the ragged last word included.
        for i in head.indices {
            var changed = head
            changed[i] ^= 0x20
            #expect(changed.withUnsafeBytes { ReplayCache.hash($0) } != hash, "byte \(i)")
        }
        // A prefix padded with zeros is not the same head.
        #expect((head.dropLast() + [0]).withUnsafeBytes { ReplayCache.hash($0) } != hash)
    }

    @Test func scanFindsTheHeadEndWhereALineEndsWithTheBlankLine() {
        func scan(_ s: String) -> Int? { Array(s.utf8).withUnsafeBytes { ReplayCache.scan($0)?.length } }
        #expect(scan("GET / HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\n\r\n") == 27)
        #expect(scan("GET / HTTP/1.1\nHost: x\n\n") == nil)
        // A bare LF then CR LF is not yet the blank line: the head ends at the CR LF CR LF after it.
        #expect(scan("GET / HTTP/1.1\r\nA: \n\r\n\r\n") == 24)
        #expect(scan("GET\r\n\r\n") == 7)
        let hashOfHead = Array("GET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8).withUnsafeBytes { ReplayCache.hash($0) }
        #expect(Array("GET / HTTP/1.1\r\nHost: x\r\n\r\nrest".utf8).withUnsafeBytes { ReplayCache.scan($0)?.hash } == hashOfHead)
    }

    @Test func generatedRequestIDsAppendedAsBytesMatchTheStringForm() {
        let ids = RequestIDGenerator()
        var bytes: [UInt8] = []
        ids.appendNew(to: &bytes)
        let first = String(decoding: bytes, as: UTF8.self)
        let prefix = String(first.split(separator: "-")[0])
        #expect(first == prefix + "-1")
        for expected in 2...17 {
            bytes.removeAll()
            ids.appendNew(to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == prefix + "-" + String(expected, radix: 16))
        }
        #expect(ids.id(for: HTTPHeaders()) == prefix + "-12")
    }

    @Test func acceptedSocketsHaveNagleOffThroughTheListener() throws {
        let listener = try ListeningSocket(host: "127.0.0.1", port: 0)
        #expect(listener.acceptedSocketsHaveNoDelay)
        let client = try RawClient(port: listener.port)
        var accepted: Int32 = -1
        for _ in 0..<1000 where accepted < 0 {
            accepted = (try? SocketCalls.accept(listener.fd)) ?? -1
            if accepted < 0 { usleep(1000) }
        }
        try #require(accepted >= 0)
        defer { Glibc.close(accepted) }
        var value: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        #expect(getsockopt(accepted, Int32(IPPROTO_TCP), TCP_NODELAY, &value, &length) == 0)
        #expect(value == 1)
        _ = client
    }

    @Test func connectionCloseIsAnsweredWholeAndClosedWithoutWaitingForTheClientsClose() throws {
        try withTestServer { server in
            let client = try server.connect()
            try client.write("GET /big HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            let response = try #require(try client.readResponse())
            #expect(response.status == 200)
            #expect(response.body == TestRoutes.bigJSON)
            #expect(client.waitForClose())
            // The client keeps its side open: the server's connection is gone all the same
            // (before, it half-closed and held the connection until the client's FIN).
            var open = server.server.connectionCount
            for _ in 0..<1000 where open != 0 {
                usleep(1000)
                open = server.server.connectionCount
            }
            #expect(open == 0)
        }
    }

    @Test func aClientThatKeepsSendingAfterConnectionCloseStillGetsItsAnswer() throws {
        try withTestServer { server in
            let client = try server.connect()
            // Against RFC 9112 §9.6, but clients do it: the extra bytes must not reset the answer.
            try client.write("GET /big HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
            let response = try #require(try client.readResponse())
            #expect(response.body == TestRoutes.bigJSON)
            #expect(client.waitForClose())
        }
    }
}

import DXServer
import Foundation
import Testing

/// Deadlines are absolute: trickling bytes does not extend them.
@Suite struct ServerTimeoutTests {
    @Test func incompleteHeaderSectionGets408AndIsClosed() throws {
        try withTestServer(configure: { $0.headerTimeout = 0.5 }) { server in
            let client = try server.connect()
            try client.write("GET /healthz HTTP/1.1\r\nHost: x\r\n")
            let started = Date()
            let response = try #require(try client.readResponse(timeout: 3))
            #expect(response.status == 408)
            #expect(client.waitForClose())
            #expect(Date().timeIntervalSince(started) < 2.5)
        }
    }

    @Test func aByteEveryFewTenthsDoesNotKeepAHeaderAlive() throws {
        try withTestServer(configure: { $0.headerTimeout = 1 }) { server in
            let client = try server.connect()
            let started = Date()
            var answer: RawResponse?
            for byte in "GET /healthz HTTP/1.1\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".utf8 {
                do { try client.write([byte]) } catch { break }
                if let response = try client.readResponse(timeout: 0.1) {
                    answer = response
                    break
                }
                if Date().timeIntervalSince(started) > 4 { break }
            }
            #expect(answer?.status == 408)
            #expect(Date().timeIntervalSince(started) < 2.5)
            #expect(client.waitForClose(timeout: 3))
        }
    }

    @Test func bareLineBreaksDoNotRestartTheHeaderDeadline() throws {
        try withTestServer(configure: { $0.headerTimeout = 1 }) { server in
            let client = try server.connect()
            let started = Date()
            var closed = false
            while !closed && Date().timeIntervalSince(started) < 4 {
                do { try client.write("\r\n") } catch { closed = true }
                if client.waitForClose(timeout: 0.2) { closed = true }
            }
            #expect(closed)
            #expect(Date().timeIntervalSince(started) < 2.5)
        }
    }

    @Test func silentNewConnectionIsClosedAfterTheHeaderTimeout() throws {
        try withTestServer(configure: { $0.headerTimeout = 0.5 }) { server in
            let client = try server.connect()
            #expect(client.waitForClose(timeout: 2.5))
        }
    }

    @Test func stalledBodyIsClosed() throws {
        try withTestServer(configure: { $0.bodyTimeout = 0.5 }) { server in
            let client = try server.connect()
            try client.write("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc")
            let response = try client.readResponse(timeout: 2.5)
            #expect(response?.status == 408)
            #expect(client.waitForClose(timeout: 2.5))
        }
    }

    @Test func idleKeepAliveConnectionIsClosed() throws {
        try withTestServer(configure: { $0.idleTimeout = 0.5 }) { server in
            let client = try server.connect()
            try client.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse()?.status == 200)
            let started = Date()
            #expect(client.waitForClose(timeout: 3))
            #expect(Date().timeIntervalSince(started) >= 0.3)
        }
    }
}

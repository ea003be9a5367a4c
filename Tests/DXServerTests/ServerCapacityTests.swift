import DXServer
import Foundation
import Glibc
import Testing

/// Limits that protect the process: connection cap, back-pressure, graceful drain.
@Suite struct ServerCapacityTests {
    @Test func serverStillAnswersANewClientAfterManyMoreConnectionsThanTheLimitClose() throws {
        try withTestServer(configure: { $0.maxConnections = 8 }) { server in
            var crowd: [RawClient] = []
            for _ in 0..<40 { crowd.append(try server.connect()) }
            // The first few hold every slot; the rest wait in the kernel's backlog.
            usleep(200_000)
            #expect(server.server.connectionCount <= 8)
            crowd.removeAll()  // closes them all
            var answered = false
            let deadline = Date().addingTimeInterval(5)
            while !answered && Date() < deadline {
                if let response = try? server.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n", timeout: 1), response.status == 200 {
                    answered = true
                }
            }
            #expect(answered)
        }
    }

    @Test func aClientThatDoesNotReadStillGetsEveryResponseInOrderLater() throws {
        try withTestServer { server in
            let client = try server.connect()
            let count = 200
            var batch = ""
            for i in 1...count { batch += "GET /items/\(i) HTTP/1.1\r\nHost: x\r\n\r\nGET /big HTTP/1.1\r\nHost: x\r\n\r\n" }
            try client.write(batch)
            usleep(300_000)  // the server fills the socket and stops reading meanwhile
            for i in 1...count {
                #expect(try client.readResponse(timeout: 5)?.text == "{\"id\":\(i)}")
                #expect(try client.readResponse(timeout: 5)?.body.count == TestRoutes.bigJSON.count)
            }
        }
    }

    @Test func shutdownFinishesTheRequestInFlightThenRefusesNewConnections() throws {
        var config = ServerConfiguration()
        config.port = 0
        var router = Router()
        // The handler holds its request until the test has seen shutdown begin, so the
        // request is in flight during the drain whatever the machine's load.
        let gate = DispatchSemaphore(value: 0)
        let entered = DispatchSemaphore(value: 0)
        router.get("/held", options: RouteOptions()) { _ in
            entered.signal()
            gate.wait()
            return HTTPResponse(status: 200, contentType: "text/plain", body: Array("held".utf8))
        }
        let server = HTTPServer(configuration: config, responder: HTTPService(router: router))
        try server.start()
        let port = server.port
        let client = try RawClient(port: port)
        try client.write("GET /held HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(entered.wait(timeout: .now() + 5) == .success)
        let done = DispatchSemaphore(value: 0)
        let shutdown = Thread {
            server.shutdown()
            done.signal()
        }
        shutdown.start()
        while !server.isDraining { usleep(1000) }
        gate.signal()
        let response = try #require(try client.readResponse(timeout: 3))
        #expect(response.status == 200)
        #expect(response.text == "held")
        #expect(response.closesConnection)
        #expect(done.wait(timeout: .now() + 5) == .success)
        #expect(throws: (any Error).self) { _ = try RawClient(port: port) }
    }
}

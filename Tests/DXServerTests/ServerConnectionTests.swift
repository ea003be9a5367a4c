import DXServer
import Foundation
import Testing

/// Connection management against a live server: persistence, pipelining, HEAD, 100-continue.
@Suite struct ServerConnectionTests {
    @Test func keepAliveServesSeveralRequestsOnOneConnection() throws {
        try withTestServer { server in
            let client = try server.connect()
            for _ in 0..<3 {
                try client.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
                let response = try #require(try client.readResponse())
                #expect(response.status == 200)
                #expect(response.text == #"{"status":"ok"}"#)
                #expect(!response.closesConnection)
            }
        }
    }

    @Test func pipelinedRequestsInOneWriteAreAnsweredInOrder() throws {
        try withTestServer { server in
            let client = try server.connect()
            try client.write("GET /slow HTTP/1.1\r\nHost: x\r\n\r\nGET /items/2 HTTP/1.1\r\nHost: x\r\n\r\nGET /items/3 HTTP/1.1\r\nHost: x\r\n\r\n")
            let first = try #require(try client.readResponse())
            let second = try #require(try client.readResponse())
            let third = try #require(try client.readResponse())
            #expect(first.text == "slow")
            #expect(second.text == #"{"id":2}"#)
            #expect(third.text == #"{"id":3}"#)
        }
    }

    @Test func connectionCloseIsHonoured() throws {
        try withTestServer { server in
            let client = try server.connect()
            try client.write("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            let response = try #require(try client.readResponse())
            #expect(response.status == 200)
            #expect(response.closesConnection)
            #expect(client.waitForClose())
        }
    }

    @Test func http10ClosesUnlessKeepAliveIsAsked() throws {
        try withTestServer { server in
            let plain = try server.connect()
            try plain.write("GET /healthz HTTP/1.0\r\n\r\n")
            #expect(try plain.readResponse()?.status == 200)
            #expect(plain.waitForClose())

            let kept = try server.connect()
            try kept.write("GET /healthz HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            let first = try #require(try kept.readResponse())
            #expect(first.header("Connection")?.lowercased() == "keep-alive")
            try kept.write("GET /healthz HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            #expect(try kept.readResponse()?.status == 200)
        }
    }

    @Test func headAnswersWithHeadersAndNoBody() throws {
        try withTestServer { server in
            let client = try server.connect()
            try client.write("GET /big HTTP/1.1\r\nHost: x\r\n\r\n")
            let get = try #require(try client.readResponse())
            try client.write("HEAD /big HTTP/1.1\r\nHost: x\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
            let head = try #require(try client.readResponse(headRequest: true))
            #expect(head.status == 200)
            #expect(head.header("Content-Length") == String(get.body.count))
            #expect(head.header("ETag") == get.header("ETag"))
            // Had the HEAD response carried a body, this would read it as garbage.
            let next = try #require(try client.readResponse())
            #expect(next.text == #"{"status":"ok"}"#)
        }
    }

    @Test func expectContinueGetsAnInterimResponseBeforeTheBody() throws {
        try withTestServer { server in
            let client = try server.connect()
            try client.write("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n")
            let interim = try #require(try client.readResponse())
            #expect(interim.status == 100)
            try client.write("hello")
            let final = try #require(try client.readResponse())
            #expect(final.status == 200)
            #expect(final.text == "hello")
        }
    }

    @Test func chunkedUploadIsReassembled() throws {
        try withTestServer { server in
            let response = try server.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\nX-Trailer: yes\r\n\r\n")
            #expect(response.status == 200)
            #expect(response.text == "hello, world")
        }
    }

    @Test func absoluteFormTargetIsRouted() throws {
        try withTestServer { server in
            let response = try server.send("GET http://localhost/items/7 HTTP/1.1\r\nHost: localhost\r\n\r\n")
            #expect(response.text == #"{"id":7}"#)
        }
    }

    @Test func pathSegmentsAndQueryArePercentDecoded() throws {
        try withTestServer { server in
            // `/qu%65ry` routes to /query (segments are decoded); `path` stays as sent.
            let response = try server.send("GET /qu%65ry?q=%E8%BE%B2%E6%A5%AD+x HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(response.text == "path=/qu%65ry q=農業 x")
        }
    }

    @Test func halfClosedClientStillGetsItsPipelinedAnswers() throws {
        try withTestServer { server in
            let client = try server.connect()
            try client.write("GET /items/1 HTTP/1.1\r\nHost: x\r\n\r\nGET /items/2 HTTP/1.1\r\nHost: x\r\n\r\n")
            client.shutdownWrite()
            #expect(try client.readResponse()?.text == #"{"id":1}"#)
            #expect(try client.readResponse()?.text == #"{"id":2}"#)
            #expect(client.waitForClose())
        }
    }
}

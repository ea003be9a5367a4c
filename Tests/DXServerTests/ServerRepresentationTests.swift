import DXServer
import Foundation
import Testing

/// What every response shares: gzip, ETag/304, CORS, request ids; in-process, but for the 304
/// that must leave its connection usable.
@Suite struct ServerRepresentationTests {
    @Test func gzipIsUsedWhenAcceptedAndRoundTripsThroughZlib() throws {
        try withTestService { server in
            let response = try server.send("GET /big HTTP/1.1\r\nHost: x\r\nAccept-Encoding: br, gzip\r\n\r\n")
            #expect(response.header("Content-Encoding") == "gzip")
            #expect(response.header("Vary") == "Accept-Encoding")
            #expect(response.body.count < TestRoutes.bigJSON.count / 4)
            #expect(try Gzip.decompress(response.body) == TestRoutes.bigJSON)
        }
    }

    @Test func gzipIsNotUsedWhenRefused() throws {
        try withTestService { server in
            let plain = try server.send("GET /big HTTP/1.1\r\nHost: x\r\n\r\n")
            let refused = try server.send("GET /big HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip;q=0\r\n\r\n")
            #expect(plain.header("Content-Encoding") == nil)
            #expect(refused.header("Content-Encoding") == nil)
            #expect(plain.body == TestRoutes.bigJSON)
            #expect(plain.header("Vary") == "Accept-Encoding")
        }
    }

    @Test func gzipAndIdentityHaveDifferentStrongETags() throws {
        try withTestService { server in
            let plain = try server.send("GET /big HTTP/1.1\r\nHost: x\r\n\r\n")
            let zipped = try server.send("GET /big HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\n\r\n")
            let a = try #require(plain.header("ETag"))
            let b = try #require(zipped.header("ETag"))
            #expect(a != b)
            #expect(!a.hasPrefix("W/"))
        }
    }

    @Test func ifNoneMatchGets304WithoutBody() throws {
        try withTestServer { server in
            let first = try server.send("GET /items/5 HTTP/1.1\r\nHost: x\r\n\r\n")
            let etag = try #require(first.header("ETag"))
            let client = try server.connect()
            try client.write("GET /items/5 HTTP/1.1\r\nHost: x\r\nIf-None-Match: \"nope\", \(etag)\r\n\r\n")
            let second = try #require(try client.readResponse())
            #expect(second.status == 304)
            #expect(second.body.isEmpty)
            #expect(second.header("ETag") == etag)
            // The connection stays usable: no body bytes were sent after the 304.
            try client.write("GET /items/6 HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse()?.text == #"{"id":6}"#)
        }
    }

    @Test func staleIfNoneMatchGetsTheFullResponse() throws {
        try withTestService { server in
            let response = try server.send("GET /items/5 HTTP/1.1\r\nHost: x\r\nIf-None-Match: \"0000000000000000\"\r\n\r\n")
            #expect(response.status == 200)
        }
    }

    @Test func cachedResponseIsRecomputedWhenTheDataVersionChanges() throws {
        let version = VersionBox()
        try withTestService(dataVersion: { version.value }) { server in
            let a = try server.send("GET /items/9 HTTP/1.1\r\nHost: x\r\n\r\n")
            let b = try server.send("GET /items/9 HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(a.header("ETag") == b.header("ETag"))
            let hitsBefore = server.service.metrics.exposition()
            #expect(hitsBefore.contains("dxserve_response_cache_hits_total 1"))
            version.bump()
            _ = try server.send("GET /items/9 HTTP/1.1\r\nHost: x\r\n\r\n")
            let exposition = server.service.metrics.exposition()
            #expect(exposition.contains("dxserve_response_cache_misses_total 2"))
            #expect(exposition.contains("dxserve_http_requests_total{route=\"/items/{id}\",status=\"200\"} 3\n"))
        }
    }

    @Test func everyResponseAllowsAnyOriginAndCarriesARequestID() throws {
        try withTestService { server in
            let ok = try server.send("GET /healthz HTTP/1.1\r\nHost: x\r\nOrigin: https://portal.example\r\n\r\n")
            let missing = try server.send("GET /nowhere HTTP/1.1\r\nHost: x\r\n\r\n")
            for response in [ok, missing] {
                #expect(response.header("Access-Control-Allow-Origin") == "*")
                #expect(response.header("X-Request-Id")?.isEmpty == false)
            }
        }
    }

    @Test func saneClientRequestIDIsEchoedAndInsaneOneReplaced() throws {
        try withTestService { server in
            let sane = try server.send("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Request-Id: portal-42.a\r\n\r\n")
            #expect(sane.header("X-Request-Id") == "portal-42.a")
            let insane = try server.send("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Request-Id: a b<script>\r\n\r\n")
            #expect(insane.header("X-Request-Id") != "a b<script>")
        }
    }

    @Test func preflightIsAnswered() throws {
        try withTestService { server in
            let response = try server.send("OPTIONS /echo HTTP/1.1\r\nHost: x\r\nOrigin: https://portal.example\r\nAccess-Control-Request-Method: POST\r\nAccess-Control-Request-Headers: authorization, content-type\r\n\r\n")
            #expect(response.status == 204)
            #expect(response.header("Access-Control-Allow-Methods")?.contains("POST") == true)
            #expect(response.header("Access-Control-Allow-Headers")?.contains("Authorization") == true)
            #expect(response.header("Access-Control-Allow-Origin") == "*")
        }
    }

    @Test func optionsOnUnknownPathIs404() throws {
        try withTestService { server in
            let response = try server.send("OPTIONS /nowhere HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(response.status == 404)
        }
    }
}

final class VersionBox: @unchecked Sendable {
    private let lock = NSLock()
    private var v: UInt64 = 0
    var value: UInt64 { lock.withLock { v } }
    func bump() { lock.withLock { v += 1 } }
}

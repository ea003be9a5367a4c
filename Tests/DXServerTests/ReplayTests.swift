@testable import DXServer
import Foundation
import Testing

/// A byte-identical request head on a cacheable route is answered from ready bytes
/// (`ReplayCache`): the answer must be exactly what the full pipeline would send, with its own
/// `Date` and request id, and never outlive the data version it was made for.
@Suite("Replay of repeated request heads")
struct ReplayTests {
    static let head = "GET /items/7 HTTP/1.1\r\nHost: x\r\n\r\n"

    private func withoutPerResponseFields(_ r: RawResponse) -> [String] {
        r.headers.filter { !["date", "x-request-id"].contains($0.0.lowercased()) }.map { "\($0.0): \($0.1)" }
    }

    @Test func aRepeatedHeadGetsTheSameAnswerWithAFreshRequestID() throws {
        try withTestServer { server in
            let client = try server.connect()
            var answers: [RawResponse] = []
            for _ in 0..<3 {
                try client.write(Self.head)
                answers.append(try #require(try client.readResponse()))
            }
            #expect(answers.allSatisfy { $0.status == 200 && $0.text == #"{"id":7}"# })
            #expect(withoutPerResponseFields(answers[1]) == withoutPerResponseFields(answers[0]))
            #expect(withoutPerResponseFields(answers[2]) == withoutPerResponseFields(answers[0]))
            let ids = answers.compactMap { $0.header("X-Request-Id") }
            #expect(Set(ids).count == 3)
            #expect(answers.allSatisfy { $0.header("Date") != nil })
            let exposition = server.service.metrics.exposition()
            #expect(exposition.contains("dxserve_http_requests_total{route=\"/items/{id}\",status=\"200\"} 3\n"))
        }
    }

    @Test func aClientsOwnRequestIDIsEchoedOnEveryReplay() throws {
        try withTestServer { server in
            let client = try server.connect()
            for _ in 0..<3 {
                try client.write("GET /items/7 HTTP/1.1\r\nHost: x\r\nX-Request-Id: portal-42\r\n\r\n")
                let r = try #require(try client.readResponse())
                #expect(r.headers.filter { $0.0.lowercased() == "x-request-id" }.map(\.1) == ["portal-42"])
            }
        }
    }

    @Test func aNewDataVersionIsNeverAnsweredFromAnOlderReplay() throws {
        let version = VersionBox()
        let counter = HandlerCounter()
        try withTestServer(routes: { router in
            router.get("/count", options: .publicRead) { _ in
                let n = counter.next()
                return HTTPResponse(status: 200, contentType: "application/json; charset=utf-8", body: Array("{\"n\":\(n)}".utf8))
            }
        }, dataVersion: { version.value }) { server in
            let client = try server.connect()
            try client.write("GET /count HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse()?.text == #"{"n":1}"#)
            try client.write("GET /count HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse()?.text == #"{"n":1}"#)
            version.bump()
            try client.write("GET /count HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse()?.text == #"{"n":2}"#)
        }
    }

    @Test func oneByteOfDifferenceIsAnotherRequest() throws {
        try withTestServer { server in
            let client = try server.connect()
            try client.write("GET /big HTTP/1.1\r\nHost: x\r\n\r\n")
            let plain = try #require(try client.readResponse())
            try client.write("GET /big HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\n\r\n")
            let gzipped = try #require(try client.readResponse())
            try client.write("GET /big HTTP/1.1\r\nHost: x\r\n\r\n")
            let plainAgain = try #require(try client.readResponse())
            #expect(plain.header("Content-Encoding") == nil)
            #expect(gzipped.header("Content-Encoding") == "gzip")
            #expect(plainAgain.header("Content-Encoding") == nil)
            #expect(plainAgain.body == plain.body)
        }
    }

    @Test func pipelinedRepeatsAreAnsweredInOrder() throws {
        try withTestServer { server in
            let client = try server.connect()
            let mixed = Self.head + "GET /items/8 HTTP/1.1\r\nHost: x\r\n\r\n" + Self.head
            try client.write(Self.head)
            _ = try client.readResponse()
            try client.write(String(repeating: mixed, count: 50))
            for i in 0..<150 {
                let r = try #require(try client.readResponse())
                #expect(r.text == (i % 3 == 1 ? #"{"id":8}"# : #"{"id":7}"#))
            }
        }
    }

    @Test func aReplayedHeadRequestHasNoBody() throws {
        try withTestServer { server in
            let client = try server.connect()
            for _ in 0..<3 {
                try client.write("HEAD /items/7 HTTP/1.1\r\nHost: x\r\n\r\n")
                let r = try #require(try client.readResponse(headRequest: true))
                #expect(r.status == 200)
                #expect(r.body.isEmpty)
                #expect(r.header("Content-Length") == "8")
            }
            // Nothing stray follows the HEAD answers on the connection.
            try client.write(Self.head)
            #expect(try client.readResponse()?.text == #"{"id":7}"#)
        }
    }

    @Test func connectionCloseIsHonouredOnARepeatedHead() throws {
        try withTestServer { server in
            let client = try server.connect()
            try client.write(Self.head)
            _ = try client.readResponse()
            try client.write("GET /items/7 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            let first = try #require(try client.readResponse())
            #expect(first.closesConnection)
            let again = try server.connect()
            try again.write("GET /items/7 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            let second = try #require(try again.readResponse())
            #expect(second.closesConnection)
            #expect(second.text == #"{"id":7}"#)
        }
    }

    @Test func headLengthNeedsAWholeHeadThatStartsWithAMethod() {
        func length(_ s: String) -> Int? { Array(s.utf8).withUnsafeBytes { ReplayCache.headLength($0) } }
        #expect(length("GET / HTTP/1.1\r\nHost: x\r\n\r\nrest") == 27)
        #expect(length("GET / HTTP/1.1\r\nHost: x\r\n") == nil)
        #expect(length("\r\nGET / HTTP/1.1\r\n\r\n") == nil)
        #expect(length("get / HTTP/1.1\r\n\r\n") == nil)
        #expect(length("GET /" + String(repeating: "a", count: ReplayCache.maxHeadBytes) + " HTTP/1.1\r\n\r\n") == nil)
    }

    @Test func decimalsAreWrittenWithoutAString() {
        for value in [0, 7, 10, 5836, Int.max, -42] {
            var bytes: [UInt8] = []
            HTTPResponseEncoder.appendDecimal(value, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == String(value))
        }
    }
}

final class HandlerCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func next() -> Int { lock.withLock { n += 1; return n } }
}

/// A reused deflate stream must start clean every time: the same input compresses to the same
/// bytes, and each result decompresses to its own input.
@Suite("Reused gzip streams")
struct GzipReuseTests {
    @Test func aReusedStreamCompressesEachInputAsAFreshOneWould() throws {
        let inputs: [[UInt8]] = [Array(String(repeating: "都城市DX推進計画 ", count: 300).utf8), Array("small".utf8), [], Array(repeating: 7, count: 100_000)]
        for _ in 0..<3 {
            for input in inputs {
                let compressed = try Gzip.compress(input)
                #expect(try Gzip.decompress(compressed) == input)
            }
        }
        #expect(try Gzip.compress(inputs[0]) == Gzip.compress(inputs[0]))
    }
}

import Testing
@testable import DXServer

/// Requests the parser must accept, and what it must make of them.
/// Every fixture is parsed whole, byte by byte and split at every offset (see `parse`).
@Suite struct HTTPParserAcceptanceTests {
    @Test func simpleGetHasMethodTargetPathVersionAndNoBody() throws {
        let request = try #require(expectSingleRequest("GET /hello HTTP/1.1\r\nHost: example.com\r\n\r\n"))
        #expect(request.head.method == "GET")
        #expect(request.head.target == "/hello")
        #expect(request.head.path == "/hello")
        #expect(request.head.query == nil)
        #expect(request.head.version == .http11)
        #expect(request.head.framing == .none)
        #expect(request.body.isEmpty)
    }

    @Test func headBeforeMessageForEveryRequest() {
        let outcome = parse("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(outcome.events.count == 2)
        guard case .head(let head) = outcome.events.first, case .message(let message) = outcome.events.last else {
            Issue.record("expected head then message, got \(outcome)")
            return
        }
        #expect(message.head == head)
    }

    @Test func headerFieldsKeepOrderAndCaseAndTrimOptionalWhitespace() throws {
        let request = try #require(expectSingleRequest(
            "GET / HTTP/1.1\r\nHost: a\r\nX-One:\t first value \t\r\nx-two:second\r\nX-Empty:\r\nX-One: again\r\n\r\n"))
        let fields = request.head.headers.fields
        #expect(fields.map(\.name) == ["Host", "X-One", "x-two", "X-Empty", "X-One"])
        #expect(fields.map(\.value) == ["a", "first value", "second", "", "again"])
        #expect(request.head.headers.values("x-one") == ["first value", "again"])
    }

    @Test func fieldValuesAllowObsTextDecodedAsLossyUTF8() throws {
        let bytes = Array("GET / HTTP/1.1\r\nHost: a\r\nCity: D\u{FC}sseldorf\r\nLatin1: ".utf8) + [0xFC] + Array("\r\n\r\n".utf8)
        let outcome = parse(bytes)
        let request = try #require(outcome.messages.first)
        #expect(request.head.headers["City"] == "D\u{FC}sseldorf")
        #expect(request.head.headers["Latin1"] == "\u{FFFD}")
    }

    @Test func http11IsKeepAliveByDefault() throws {
        let request = try #require(expectSingleRequest("GET / HTTP/1.1\r\nHost: a\r\n\r\n"))
        #expect(request.head.keepAlive)
    }

    @Test func connectionCloseEndsKeepAlive() throws {
        let request = try #require(expectSingleRequest("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"))
        #expect(!request.head.keepAlive)
    }

    @Test func http10IsCloseUnlessKeepAlive() throws {
        let plain = try #require(expectSingleRequest("GET / HTTP/1.0\r\n\r\n"))
        #expect(plain.head.version == .http10)
        #expect(!plain.head.keepAlive)
        let outcome = parse("GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\nGET /b HTTP/1.0\r\n\r\n")
        #expect(outcome.error == nil)
        #expect(outcome.messages.map(\.head.path) == ["/a", "/b"])
        #expect(outcome.messages.map(\.head.keepAlive) == [true, false])
    }

    @Test func pipelinedRequestsInOneBufferComeOutInOrder() {
        let outcome = parse(
            "GET /one HTTP/1.1\r\nHost: a\r\n\r\n"
                + "POST /two HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc"
                + "PUT /three HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nxy\r\n0\r\n\r\n")
        #expect(outcome.error == nil)
        #expect(outcome.events.count == 6)
        #expect(outcome.messages.map(\.head.path) == ["/one", "/two", "/three"])
        #expect(outcome.messages.map { String(decoding: $0.body, as: UTF8.self) } == ["", "abc", "xy"])
    }

    @Test func parserIsIdleOnlyBetweenMessages() throws {
        var parser = HTTPParser()
        #expect(parser.isIdle)
        parser.append(Array("GET / HTTP/1.1\r\nHo".utf8))
        #expect(try parser.next() == nil)
        #expect(!parser.isIdle)
        #expect(!parser.isReadingBody)
        parser.append(Array("st: a\r\n\r\n".utf8))
        guard case .head = try parser.next() else { Issue.record("expected head"); return }
        #expect(parser.isReadingBody)
        guard case .message = try parser.next() else { Issue.record("expected message"); return }
        #expect(parser.isIdle)
        #expect(!parser.isReadingBody)
        #expect(try parser.next() == nil)
    }

    @Test func contentLengthBodyIsDeliveredWhole() throws {
        let request = try #require(expectSingleRequest(
            "POST /items HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\nhello world"))
        #expect(request.head.framing == .length(11))
        #expect(String(decoding: request.body, as: UTF8.self) == "hello world")
    }

    @Test func contentLengthListOfIdenticalValuesIsOneLength() throws {
        let request = try #require(expectSingleRequest(
            "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 2, 2\r\nContent-Length: 2\r\n\r\nok"))
        #expect(request.head.framing == .length(2))
    }

    @Test func contentLengthZeroIsAnEmptyBody() throws {
        let request = try #require(expectSingleRequest("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n"))
        #expect(request.head.framing == .length(0))
        #expect(request.body.isEmpty)
    }

    @Test func chunkedBodyWithExtensionsAndTrailers() throws {
        let request = try #require(expectSingleRequest(
            "POST /upload HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;name=value;flag\r\nhello\r\n"
                + "6;q=\"quoted \\\"string\\\"\"\r\n world\r\n"
                + "A\r\n0123456789\r\n"
                + "000;last\r\nChecksum: abc\r\nX-Trailer:  two \r\n\r\n"))
        #expect(request.head.framing == .chunked)
        #expect(String(decoding: request.body, as: UTF8.self) == "hello world0123456789")
        #expect(request.trailers.fields.map(\.name) == ["Checksum", "X-Trailer"])
        #expect(request.trailers.fields.map(\.value) == ["abc", "two"])
        #expect(request.head.headers["Checksum"] == nil)
    }

    @Test func chunkedIsRecognisedCaseInsensitivelyAcrossLists() throws {
        let request = try #require(expectSingleRequest(
            "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: ,\r\ntransfer-encoding: CHUNKED\r\n\r\n0\r\n\r\n"))
        #expect(request.head.framing == .chunked)
    }

    @Test func absoluteFormTakesPathAndQueryFromTheURI() throws {
        let request = try #require(expectSingleRequest(
            "GET http://example.com:8080/a%20b?x=1 HTTP/1.1\r\nHost: example.com:8080\r\n\r\n"))
        #expect(request.head.target == "http://example.com:8080/a%20b?x=1")
        #expect(request.head.path == "/a%20b")
        #expect(request.head.pathSegments == ["a b"])
        #expect(request.head.query == "x=1")
        #expect(request.head.authority == HTTPAuthority(host: "example.com", port: 8080))
        #expect(request.head.targetScheme == "http")
    }

    @Test func absoluteFormWithoutPathHasRootPath() throws {
        let bare = try #require(expectSingleRequest("GET HTTPS://example.com HTTP/1.1\r\nHost: example.com\r\n\r\n"))
        #expect(bare.head.path == "/")
        #expect(bare.head.query == nil)
        let withQuery = try #require(expectSingleRequest("GET http://example.com?q HTTP/1.1\r\nHost: example.com\r\n\r\n"))
        #expect(withQuery.head.path == "/")
        #expect(withQuery.head.query == "q")
    }

    @Test func asteriskFormForOptions() throws {
        let request = try #require(expectSingleRequest("OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n"))
        #expect(request.head.path == "*")
        #expect(request.head.query == nil)
    }

    @Test func pathIsKeptRawAndItsSegmentsDecodedAsUTF8AfterSplitting() throws {
        let request = try #require(expectSingleRequest("GET /caf%C3%A9/a%2fb%20c HTTP/1.1\r\nHost: a\r\n\r\n"))
        #expect(request.head.path == "/caf%C3%A9/a%2fb%20c")
        #expect(request.head.pathSegments == ["caf\u{E9}", "a/b c"])
        #expect(request.head.target == "/caf%C3%A9/a%2fb%20c")
    }

    @Test func queryIsKeptRawAfterTheFirstQuestionMark() throws {
        let request = try #require(expectSingleRequest("GET /search?q=a%20b&x=?y&bad=%zz HTTP/1.1\r\nHost: a\r\n\r\n"))
        #expect(request.head.path == "/search")
        #expect(request.head.query == "q=a%20b&x=?y&bad=%zz")
        let empty = try #require(expectSingleRequest("GET /search? HTTP/1.1\r\nHost: a\r\n\r\n"))
        #expect(empty.head.query == "")
    }

    @Test func leadingEmptyLinesBeforeRequestLineAreIgnored() throws {
        let outcome = parse("\r\n\r\nGET /a HTTP/1.1\r\nHost: a\r\n\r\n\r\nGET /b HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(outcome.error == nil)
        #expect(outcome.messages.map(\.head.path) == ["/a", "/b"])
    }

    @Test func expectContinueIsVisibleOnTheHeadBeforeAnyBodyByte() throws {
        var parser = HTTPParser()
        parser.append(Array("PUT /file HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n".utf8))
        guard case .head(let head) = try parser.next() else { Issue.record("expected the head"); return }
        #expect(head.expectsContinue)
        #expect(parser.isReadingBody)
        #expect(try parser.next() == nil)
        parser.append(Array("data".utf8))
        guard case .message(let message) = try parser.next() else { Issue.record("expected the message"); return }
        #expect(message.body == Array("data".utf8))
        #expect(parser.isIdle)
    }

    @Test func anyTokenIsAMethod() throws {
        let request = try #require(expectSingleRequest("M-SEARCH~1 /x HTTP/1.1\r\nHost: a\r\n\r\n"))
        #expect(request.head.method == "M-SEARCH~1")
    }

    @Test func emptyHostIsRefused() throws {
        // RFC 9110 §7.2 sends an empty Host only for a target URI without authority; every
        // http(s) URI has one with a non-empty host (§4.2.1), so here it is invalid.
        expectRejection("GET / HTTP/1.1\r\nHost:\r\n\r\n", .invalidHost)
    }

    @Test func acceptsUnsafeRawBufferPointerAndLargeBodies() throws {
        let payload = [UInt8](repeating: 0x61, count: 300_000)
        let bytes = Array("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 300000\r\n\r\n".utf8) + payload
        var parser = HTTPParser()
        var events: [HTTPParserEvent] = []
        var offset = 0
        while offset < bytes.count {
            let end = min(bytes.count, offset + 1500)
            bytes[offset..<end].withUnsafeBytes { parser.append($0) }
            while let event = try parser.next() { events.append(event) }
            offset = end
        }
        guard case .message(let message) = events.last else { Issue.record("no message"); return }
        #expect(message.body == payload)
        #expect(parser.isIdle)
    }
}

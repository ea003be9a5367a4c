import Testing
@testable import DXServer

/// Malformed requests and the exact error (and so the status) each one gets.
@Suite struct HTTPParserRejectionTests {
    // MARK: Request line (RFC 9112 §3)

    @Test func methodMustBeAToken() {
        expectRejection("G@T / HTTP/1.1\r\nHost: a\r\n\r\n", .invalidMethod)
        expectRejection(" GET / HTTP/1.1\r\nHost: a\r\n\r\n", .invalidMethod)
        expectRejection("GET\t/ HTTP/1.1\r\nHost: a\r\n\r\n", .invalidMethod)
        expectRejection("GET\r\n\r\n", .invalidMethod)
        #expect(HTTPParseError.invalidMethod.status == 400)
    }

    @Test func requestLinePartsAreSeparatedByExactlyOneSpace() {
        expectRejection("GET  / HTTP/1.1\r\nHost: a\r\n\r\n", .invalidRequestTarget)
        expectRejection("GET /  HTTP/1.1\r\nHost: a\r\n\r\n", .invalidVersion)
        expectRejection("GET / HTTP/1.1 \r\nHost: a\r\n\r\n", .invalidVersion)
    }

    @Test func malformedVersionIsInvalid() {
        expectRejection("GET / http/1.1\r\nHost: a\r\n\r\n", .invalidVersion)
        expectRejection("GET / HTTP/1.10\r\nHost: a\r\n\r\n", .invalidVersion)
        expectRejection("GET / HTTP/1\r\nHost: a\r\n\r\n", .invalidVersion)
        expectRejection("GET / RTSP/1.0\r\nHost: a\r\n\r\n", .invalidVersion)
        #expect(HTTPParseError.invalidVersion.status == 400)
    }

    @Test func http09RequestWithoutVersionIsInvalid() {
        expectRejection("GET /\r\n\r\n", .invalidVersion)
    }

    @Test func wellFormedOtherVersionsAreUnsupported() {
        expectRejection("GET / HTTP/2.0\r\nHost: a\r\n\r\n", .unsupportedVersion)
        expectRejection("GET / HTTP/1.2\r\nHost: a\r\n\r\n", .unsupportedVersion)
        expectRejection("GET / HTTP/0.9\r\nHost: a\r\n\r\n", .unsupportedVersion)
        #expect(HTTPParseError.unsupportedVersion.status == 505)
    }

    @Test func http2PrefaceIsRefused() {
        expectRejection("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", .unsupportedVersion)
    }

    // MARK: Line endings (RFC 9112 §2.2)

    @Test func bareLineFeedIsRejectedEverywhere() {
        expectRejection("GET / HTTP/1.1\nHost: a\r\n\r\n", .invalidLineEnding)
        expectRejection("GET / HTTP/1.1\r\nHost: a\n\r\n", .invalidLineEnding)
        expectRejection("GET / HTTP/1.1\r\nHost: a\r\n\n", .invalidLineEnding)
        expectRejection("\nGET / HTTP/1.1\r\nHost: a\r\n\r\n", .invalidLineEnding)
        expectRejection("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n1\nx\r\n0\r\n\r\n", .invalidLineEnding)
    }

    @Test func bareCarriageReturnIsRejectedEverywhere() {
        expectRejection("GET / HTTP/1.1\rHost: a\r\n\r\n", .invalidLineEnding)
        expectRejection("GET / HTTP/1.1\r\nHost: a\rb\r\n\r\n", .invalidLineEnding)
        expectRejection("GET / HTTP/1.1\r\nHost: a\r\n\rX", .invalidLineEnding)
        expectRejection("\rGET / HTTP/1.1\r\nHost: a\r\n\r\n", .invalidLineEnding)
        expectRejection("GET /a\rb HTTP/1.1\r\nHost: a\r\n\r\n", .invalidLineEnding)
    }

    // MARK: Request target (RFC 9112 §3.2)

    @Test func targetRefusesControlAndNonASCIIBytes() {
        expectRejection("GET /a\u{1}b HTTP/1.1\r\nHost: a\r\n\r\n", .invalidRequestTarget)
        expectRejection("GET /a\u{7F} HTTP/1.1\r\nHost: a\r\n\r\n", .invalidRequestTarget)
        expectRejection("GET /caf\u{E9} HTTP/1.1\r\nHost: a\r\n\r\n", .nonASCIIInRequestTarget)
        expectRejection("GET /a\tb HTTP/1.1\r\nHost: a\r\n\r\n", .invalidRequestTarget)
    }

    @Test func spaceInsideTargetIsRejected() {
        expectRejection("GET /foo bar HTTP/1.1\r\nHost: a\r\n\r\n", .invalidVersion)
    }

    @Test func fragmentInTargetIsRejected() {
        expectRejection("GET /page#section HTTP/1.1\r\nHost: a\r\n\r\n", .invalidRequestTarget)
    }

    @Test func targetMustHaveAKnownForm() {
        expectRejection("GET relative/path HTTP/1.1\r\nHost: a\r\n\r\n", .invalidRequestTarget)
        expectRejection("GET ftp://example.com/ HTTP/1.1\r\nHost: a\r\n\r\n", .invalidRequestTarget)
        expectRejection("GET http:///path HTTP/1.1\r\nHost: a\r\n\r\n", .invalidRequestTarget)
    }

    @Test func absoluteFormWithUserinfoIsRejected() {
        expectRejection("GET http://user:pw@example.com/ HTTP/1.1\r\nHost: example.com\r\n\r\n", .invalidRequestTarget)
    }

    @Test func asteriskFormIsOnlyForOptions() {
        expectRejection("GET * HTTP/1.1\r\nHost: a\r\n\r\n", .invalidRequestTarget)
        expectRejection("M-SEARCH * HTTP/1.1\r\nHost: a\r\n\r\n", .invalidRequestTarget)
    }

    @Test func connectIsNotSupported() {
        expectRejection("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n", .connectNotSupported)
        expectRejection("CONNECT / HTTP/1.1\r\nHost: a\r\n\r\n", .connectNotSupported)
        #expect(HTTPParseError.connectNotSupported.status == 400)
    }

    @Test func malformedPercentEscapeInPathIsRejected() {
        expectRejection("GET /a%2 HTTP/1.1\r\nHost: a\r\n\r\n", .invalidPercentEncoding)
        expectRejection("GET /a%zz HTTP/1.1\r\nHost: a\r\n\r\n", .invalidPercentEncoding)
        expectRejection("GET /a% HTTP/1.1\r\nHost: a\r\n\r\n", .invalidPercentEncoding)
        expectRejection("GET /a%4?q HTTP/1.1\r\nHost: a\r\n\r\n", .invalidPercentEncoding)
    }

    // Routing decodes per segment, so a well-formed encoded control character decodes and is
    // judged by the route: a parameter holding one is a 400 naming it, a literal does not match.
    @Test func wellFormedPercentEncodedControlCharactersDecodeForTheRouteToJudge() {
        #expect(HTTPRequestTarget.segments(of: "/a%00b/%1F/%7F") == ["a\u{0}b", "\u{1F}", "\u{7F}"])
    }

    @Test func rawNonASCIIByteInTheTargetSaysToPercentEncodeIt() {
        expectRejection("GET /api/v1/measures?q=\u{8FB2}\u{696D} HTTP/1.1\r\nHost: a\r\n\r\n", .nonASCIIInRequestTarget)
        #expect(HTTPParseError.nonASCIIInRequestTarget.detail
            == "The request target contains a byte outside ASCII; percent-encode it (RFC 3986 §2.1).")
        #expect(HTTPParseError.nonASCIIInRequestTarget.status == 400)
    }

    @Test func percentDecodedPathMustBeUTF8() {
        expectRejection("GET /%C3 HTTP/1.1\r\nHost: a\r\n\r\n", .invalidPercentEncoding)
        expectRejection("GET /%FF%FE HTTP/1.1\r\nHost: a\r\n\r\n", .invalidPercentEncoding)
    }

    // MARK: Header fields (RFC 9112 §5)

    @Test func fieldNameMustBeAToken() {
        expectRejection("GET / HTTP/1.1\r\nHost: a\r\nFo@: x\r\n\r\n", .invalidHeaderName)
        expectRejection("GET / HTTP/1.1\r\nHost: a\r\n: x\r\n\r\n", .invalidHeaderName)
        expectRejection("GET / HTTP/1.1\r\nHost: a\r\nNoColon\r\n\r\n", .invalidHeaderName)
    }

    @Test func whitespaceBetweenFieldNameAndColonIsRejected() {
        expectRejection("GET / HTTP/1.1\r\nHost: a\r\nContent-Length : 0\r\n\r\n", .whitespaceBeforeColon)
        expectRejection("GET / HTTP/1.1\r\nHost\t: a\r\n\r\n", .whitespaceBeforeColon)
        #expect(HTTPParseError.whitespaceBeforeColon.status == 400)
    }

    @Test func obsoleteLineFoldingIsRejected() {
        expectRejection("GET / HTTP/1.1\r\nHost: a\r\nX-Long: one\r\n two\r\n\r\n", .obsoleteLineFolding)
        expectRejection("GET / HTTP/1.1\r\nHost: a\r\nX-Long: one\r\n\ttwo\r\n\r\n", .obsoleteLineFolding)
    }

    @Test func whitespaceBeforeTheFirstFieldLineIsRejected() {
        expectRejection("GET / HTTP/1.1\r\n Host: a\r\n\r\n", .invalidHeaderName)
    }

    @Test func controlCharactersInFieldValueAreRejected() {
        expectRejection("GET / HTTP/1.1\r\nHost: a\r\nX: a\u{0}b\r\n\r\n", .invalidHeaderValue)
        expectRejection("GET / HTTP/1.1\r\nHost: a\r\nX: a\u{C}b\r\n\r\n", .invalidHeaderValue)
        expectRejection("GET / HTTP/1.1\r\nHost: a\r\nX: a\u{7F}\r\n\r\n", .invalidHeaderValue)
    }

    @Test func tabInsideFieldValueIsAllowed() throws {
        let request = try #require(expectSingleRequest("GET / HTTP/1.1\r\nHost: a\r\nX: a\tb\r\n\r\n"))
        #expect(request.head.headers["X"] == "a\tb")
    }

    // MARK: Host (RFC 9112 §3.2)

    @Test func http11RequestWithoutHostIsRejected() {
        expectRejection("GET / HTTP/1.1\r\nAccept: */*\r\n\r\n", .missingHost)
        #expect(HTTPParseError.missingHost.status == 400)
    }

    @Test func http10RequestWithoutHostIsAccepted() {
        #expect(expectSingleRequest("GET / HTTP/1.0\r\n\r\n") != nil)
    }

    @Test func moreThanOneHostIsRejected() {
        expectRejection("GET / HTTP/1.1\r\nHost: a\r\nhost: a\r\n\r\n", .multipleHost)
        expectRejection("GET / HTTP/1.0\r\nHost: a\r\nHost: b\r\n\r\n", .multipleHost)
        #expect(HTTPParseError.multipleHost.status == 400)
    }

    @Test func malformedHostValueIsRejected() {
        expectRejection("GET / HTTP/1.1\r\nHost: a b\r\n\r\n", .invalidHost)
        expectRejection("GET / HTTP/1.1\r\nHost: user@a\r\n\r\n", .invalidHost)
    }

    // MARK: Body framing (RFC 9112 §6)

    @Test func contentLengthWithTransferEncodingIsRejected() {
        expectRejection(
            "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
            .contentLengthWithTransferEncoding)
        expectRejection(
            "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n",
            .contentLengthWithTransferEncoding)
    }

    @Test func chunkedMustBeTheFinalTransferCoding() {
        expectRejection("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, gzip\r\n\r\n", .chunkedNotFinal)
        expectRejection("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: identity\r\n\r\n", .chunkedNotFinal)
        expectRejection("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: gzip\r\n\r\n", .chunkedNotFinal)
        expectRejection("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunkedchunked\r\n\r\n", .chunkedNotFinal)
        #expect(HTTPParseError.chunkedNotFinal.status == 400)
    }

    @Test func chunkedTwiceIsRejected() {
        expectRejection("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, chunked\r\n\r\n", .invalidTransferEncoding)
        #expect(HTTPParseError.invalidTransferEncoding.status == 400)
    }

    @Test func emptyTransferEncodingIsRejected() {
        expectRejection("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding:\r\n\r\n", .invalidTransferEncoding)
    }

    @Test func otherTransferCodingsAreNotImplemented() {
        expectRejection("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", .unsupportedTransferCoding)
        expectRejection("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: deflate\r\nTransfer-Encoding: chunked\r\n\r\n", .unsupportedTransferCoding)
        #expect(HTTPParseError.unsupportedTransferCoding.status == 501)
    }

    @Test func transferEncodingInHTTP10IsRejected() {
        expectRejection("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", .invalidTransferEncoding)
    }

    @Test func contentLengthMustBeDigitsOnly() {
        for value in ["", "-1", "+1", "1 2", "0x10", "1.0", "12a", "1,", ",1", "1,,1"] {
            expectRejection("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: \(value)\r\n\r\n", .invalidContentLength)
        }
        #expect(HTTPParseError.invalidContentLength.status == 400)
    }

    @Test func contentLengthOverflowIsInvalid() {
        expectRejection("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999999\r\n\r\n", .invalidContentLength)
    }

    @Test func differingContentLengthsConflict() {
        expectRejection("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nxx", .conflictingContentLength)
        expectRejection("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1, 2\r\n\r\nxx", .conflictingContentLength)
    }

    // MARK: Chunked body (RFC 9112 §7.1)

    private func chunked(_ body: String) -> String {
        "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n" + body
    }

    @Test func chunkSizeMustBeHexDigits() {
        expectRejection(chunked("g\r\n"), .invalidChunkSize)
        expectRejection(chunked("\r\n"), .invalidChunkSize)
        expectRejection(chunked("-1\r\n"), .invalidChunkSize)
        expectRejection(chunked("3\r\nfoo\r\n\r\n"), .invalidChunkSize)
    }

    @Test func whitespaceInChunkLineIsRejected() {
        expectRejection(chunked("a \r\n0123456789\r\n0\r\n\r\n"), .invalidChunkSize)
        expectRejection(chunked("2 ext\r\n"), .invalidChunkSize)
        expectRejection(chunked("2; a=b\r\n"), .invalidChunkExtension)
        expectRejection(chunked("2;a =b\r\n"), .invalidChunkExtension)
    }

    @Test func chunkSizeWithTooManyDigitsIsRejected() {
        expectRejection(chunked("1000000000000000\r\n"), .invalidChunkSize)
        // Leading zeros carry no value and do not count.
        #expect(expectSingleRequest(chunked("00000000000000000001\r\nx\r\n0\r\n\r\n")) != nil)
    }

    @Test func chunkExtensionsMustBeWellFormed() {
        expectRejection(chunked("2;\r\naa\r\n0\r\n\r\n"), .invalidChunkExtension)
        expectRejection(chunked("2;=v\r\n"), .invalidChunkExtension)
        expectRejection(chunked("2;n=\r\n"), .invalidChunkExtension)
        expectRejection(chunked("2;n=\"open\r\n"), .invalidChunkExtension)
        expectRejection(chunked("2;n=\"a\"b\r\n"), .invalidChunkExtension)
        expectRejection(chunked("2;n=\"a\u{1}\"\r\n"), .invalidChunkExtension)
    }

    @Test func chunkDataMustEndWithCRLF() {
        expectRejection(chunked("5\r\nABCDE0\r\n\r\n"), .invalidChunkTerminator)
        expectRejection(chunked("1\r\nAB\r\n"), .invalidChunkTerminator)
        expectRejection(chunked("1\r\nA\rX"), .invalidChunkTerminator)
    }

    @Test func trailerFieldsAreValidatedLikeHeaderFields() {
        expectRejection(chunked("0\r\nBad Name: x\r\n\r\n"), .invalidTrailer)
        expectRejection(chunked("0\r\nX: a\u{1}\r\n\r\n"), .invalidTrailer)
        expectRejection(chunked("0\r\nX : a\r\n\r\n"), .invalidTrailer)
        expectRejection(chunked("0\r\nX: a\r\n b\r\n\r\n"), .invalidTrailer)
        expectRejection(chunked("0\r\nX: a\n\r\n"), .invalidLineEnding)
    }

    // MARK: Connection end (RFC 9112 §9.6)

    @Test func bytesAfterAClosingRequestAreRefused() {
        expectRejection("GET /a HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\nGET /b HTTP/1.1\r\nHost: a\r\n\r\n",
                        .dataAfterClose, afterMessages: 1)
        expectRejection("GET /a HTTP/1.0\r\n\r\n\r\n", .dataAfterClose, afterMessages: 1)
    }

    // MARK: Failure is final

    @Test func failedParserKeepsThrowingTheSameError() throws {
        var parser = HTTPParser()
        parser.append(Array("GET / HTTP/9.9\r\n\r\n".utf8))
        #expect(throws: HTTPParseError.unsupportedVersion) { try parser.next() }
        parser.append(Array("GET / HTTP/1.1\r\nHost: a\r\n\r\n".utf8))
        #expect(throws: HTTPParseError.unsupportedVersion) { try parser.next() }
        #expect(!parser.isIdle)
    }

    @Test func everyErrorHasAStatusAndDetail() {
        let all: [HTTPParseError] = [
            .invalidMethod, .invalidRequestTarget, .invalidVersion, .unsupportedVersion, .requestLineTooLong,
            .headerSectionTooLarge, .tooManyHeaderFields, .invalidHeaderName, .whitespaceBeforeColon,
            .obsoleteLineFolding, .invalidHeaderValue, .invalidLineEnding, .missingHost, .multipleHost,
            .invalidContentLength, .conflictingContentLength, .contentLengthWithTransferEncoding,
            .chunkedNotFinal, .unsupportedTransferCoding, .invalidChunkSize, .invalidChunkExtension,
            .invalidChunkTerminator, .invalidTrailer, .bodyTooLarge, .invalidPercentEncoding,
            .invalidHost, .invalidTransferEncoding, .connectNotSupported, .dataAfterClose, .nonASCIIInRequestTarget,
        ]
        for error in all {
            #expect([400, 413, 414, 431, 501, 505].contains(error.status))
            #expect(!error.detail.isEmpty)
        }
    }
}

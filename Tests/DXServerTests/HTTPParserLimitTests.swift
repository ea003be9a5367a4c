import Testing
@testable import DXServer

/// The size limits, each tested at its boundary with small configured Limits, and each
/// checked to fire before the offending part is complete (a never-ending line or header
/// section must not be buffered until it ends).
@Suite struct HTTPParserLimitTests {
    private let small = HTTPParser.Limits(maxRequestLine: 20, maxHeaderSection: 40, maxHeaderFields: 3, maxBody: 10)

    @Test func requestLineAtTheLimitIsAccepted() {
        let line = "GET /" + String(repeating: "a", count: 6) + " HTTP/1.1"  // 20 bytes
        #expect(line.utf8.count == 20)
        #expect(expectSingleRequest(line + "\r\nHost: a\r\n\r\n", limits: small) != nil)
    }

    @Test func requestLineOverTheLimitIs414() {
        let line = "GET /" + String(repeating: "a", count: 7) + " HTTP/1.1"  // 21 bytes
        expectRejection(line + "\r\nHost: a\r\n\r\n", .requestLineTooLong, limits: small)
        #expect(HTTPParseError.requestLineTooLong.status == 414)
    }

    @Test func requestLineOverTheLimitIs414BeforeItsEndArrives() throws {
        var parser = HTTPParser(limits: small)
        parser.append(Array(("GET /" + String(repeating: "a", count: 15)).utf8))  // 20 bytes, no CRLF
        #expect(try parser.next() == nil)
        parser.append(Array("a".utf8))
        #expect(throws: HTTPParseError.requestLineTooLong) { try parser.next() }
    }

    @Test func headerSectionAtTheLimitIsAccepted() {
        // 19 + 19 bytes of field lines (CRLF included) + the final CRLF = 40.
        let request = "GET / HTTP/1.1\r\nHost: example.com\r\nX: 12345678901234\r\n\r\n"
        #expect(expectSingleRequest(request, limits: small) != nil)
    }

    @Test func headerSectionOverTheLimitIs431() {
        let request = "GET / HTTP/1.1\r\nHost: example.com\r\nX: 123456789012345\r\n\r\n"
        expectRejection(request, .headerSectionTooLarge, limits: small)
        #expect(HTTPParseError.headerSectionTooLarge.status == 431)
    }

    @Test func neverEndingHeaderLineIs431AsSoonAsItCrossesTheLimit() throws {
        var parser = HTTPParser(limits: small)
        parser.append(Array("GET / HTTP/1.1\r\nX-Endless: ".utf8))
        #expect(try parser.next() == nil)
        parser.append([UInt8](repeating: 0x61, count: 27))  // 38 bytes: the line's CRLF could still fit
        #expect(try parser.next() == nil)
        parser.append([0x61])
        #expect(throws: HTTPParseError.headerSectionTooLarge) { try parser.next() }
    }

    @Test func manyShortFieldLinesAre431BeforeTheSectionEnds() {
        let limits = HTTPParser.Limits(maxHeaderSection: 64, maxHeaderFields: 100)
        let fields = String(repeating: "A: b\r\n", count: 20)  // no final CRLF ever sent
        expectRejection("GET / HTTP/1.1\r\n" + fields, .headerSectionTooLarge, limits: limits)
    }

    @Test func fieldCountAtTheLimitIsAccepted() {
        #expect(expectSingleRequest("GET / HTTP/1.1\r\nHost: a\r\nA: 1\r\nB: 2\r\n\r\n", limits: small) != nil)
    }

    @Test func fieldCountOverTheLimitIs431() {
        expectRejection("GET / HTTP/1.1\r\nHost: a\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n", .tooManyHeaderFields, limits: small)
        #expect(HTTPParseError.tooManyHeaderFields.status == 431)
    }

    @Test func contentLengthOverTheBodyLimitIs413FromTheHeadAlone() throws {
        var parser = HTTPParser(limits: small)
        parser.append(Array("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\n".utf8))
        #expect(throws: HTTPParseError.bodyTooLarge) { try parser.next() }
        #expect(HTTPParseError.bodyTooLarge.status == 413)
    }

    @Test func contentLengthAtTheBodyLimitIsAccepted() {
        #expect(expectSingleRequest("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\n0123456789", limits: small) != nil)
    }

    @Test func chunkedBodyGrowingOverTheLimitIs413() {
        let limits = HTTPParser.Limits(maxBody: 10)
        let head = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
        #expect(expectSingleRequest(head + "5\r\n01234\r\n5\r\n56789\r\n0\r\n\r\n", limits: limits) != nil)
        let outcome = parse(head + "5\r\n01234\r\n6\r\n", limits: limits)
        #expect(outcome.error == .bodyTooLarge)
        #expect(outcome.heads.count == 1)
    }

    @Test func trailerSectionHasItsOwnLimits() {
        let head = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n"
        expectRejection(head + "A: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n\r\n", .tooManyHeaderFields, limits: small)
        expectRejection(head + "A: " + String(repeating: "x", count: 40) + "\r\n\r\n", .headerSectionTooLarge, limits: small)
    }

    @Test func overlongChunkLineIsRejected() {
        let head = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
        let extensions = String(repeating: ";a", count: HTTPChunkLine.maxLength)
        expectRejection(head + "1" + extensions + "\r\n", .invalidChunkExtension)
        expectRejection(head + String(repeating: "0", count: HTTPChunkLine.maxLength + 5), .invalidChunkExtension)
    }
}

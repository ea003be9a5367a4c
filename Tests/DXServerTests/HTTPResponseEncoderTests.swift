@testable import DXServer
import Testing

/// The response head as bytes (RFC 9112 §4 status line, §5 fields, §9.3 persistence).
@Suite("HTTP response encoder")
struct HTTPResponseEncoderTests {
    static let date = "Mon, 30 Nov 2026 12:00:00 GMT"

    func head(_ response: HTTPResponse, keepAlive: Bool = true, version: HTTPVersion = .http11) -> String {
        String(decoding: HTTPResponseEncoder.head(of: response, date: Self.date, keepAlive: keepAlive, version: version), as: UTF8.self)
    }

    @Test func theHeadIsStatusLineServerFieldsLengthDateAndABlankLine() {
        let response = HTTPResponse(status: 200, contentType: "text/plain", body: Array("hello".utf8))
        #expect(head(response) == "HTTP/1.1 200 OK\r\nServer: dxserve\r\nContent-Type: text/plain\r\nContent-Length: 5\r\nDate: \(Self.date)\r\n\r\n")
    }

    @Test func theStatusLineCarriesTheReasonPhrase() {
        #expect(head(HTTPResponse(status: 422)).hasPrefix("HTTP/1.1 422 Unprocessable Content\r\n"))
        #expect(head(HTTPResponse(status: 413)).hasPrefix("HTTP/1.1 413 Content Too Large\r\n"))
    }

    @Test func anUnlistedStatusStillHasAReasonPhrase() {
        #expect(head(HTTPResponse(status: 299)).hasPrefix("HTTP/1.1 299 Unknown\r\n"))
    }

    @Test func fieldsAreWrittenInOrderRepeatsIncluded() {
        let response = HTTPResponse(status: 200, headers: HTTPHeaders([("Vary", "Accept"), ("Link", "<a>"), ("Vary", "Origin")]))
        #expect(head(response).contains("Vary: Accept\r\nLink: <a>\r\nVary: Origin\r\n"))
    }

    @Test func anEmptyBodyStillSaysContentLengthZero() {
        #expect(head(HTTPResponse(status: 200)).contains("\r\nContent-Length: 0\r\n"))
    }

    @Test(arguments: [100, 204, 304])
    func aStatusWithoutContentHasNoContentLength(status: Int) {
        #expect(!head(HTTPResponse(status: status, body: Array("x".utf8))).contains("Content-Length"))
    }

    @Test func aResponderSetContentLengthIsNotWrittenTwice() {
        let response = HTTPResponse(status: 200, headers: HTTPHeaders([("Content-Length", "42")]))
        let text = head(response)
        #expect(text.components(separatedBy: "Content-Length").count == 2)
        #expect(text.contains("Content-Length: 42\r\n"))
    }

    @Test func aPersistentHTTP11ConnectionSaysNothing() {
        #expect(!head(HTTPResponse(status: 200)).contains("Connection"))
    }

    @Test func theLastResponseOfAConnectionSaysClose() {
        #expect(head(HTTPResponse(status: 200), keepAlive: false).contains("\r\nConnection: close\r\n"))
        #expect(head(HTTPResponse(status: 200), keepAlive: false, version: .http10).contains("\r\nConnection: close\r\n"))
    }

    @Test func aPersistentHTTP10ConnectionSaysKeepAlive() {
        #expect(head(HTTPResponse(status: 200), version: .http10).contains("\r\nConnection: keep-alive\r\n"))
    }

    @Test func theStatusLineIsHTTP11EvenToAnHTTP10Client() {
        #expect(head(HTTPResponse(status: 200), version: .http10).hasPrefix("HTTP/1.1 200 OK\r\n"))
    }

    @Test func statusAndFieldsCanOmitOneFieldByNameCaseInsensitively() {
        var bytes: [UInt8] = []
        let response = HTTPResponse(status: 200, headers: HTTPHeaders([("X-Request-Id", "r1"), ("ETag", "\"e\"")]))
        HTTPResponseEncoder.appendStatusAndFields(of: response, omitting: "x-request-id", to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "HTTP/1.1 200 OK\r\nServer: dxserve\r\nETag: \"e\"\r\nContent-Length: 0\r\n")
    }

    @Test(arguments: [(0, "0"), (7, "7"), (10, "10"), (1_234_567, "1234567"), (-42, "-42"), (Int.max, "9223372036854775807"), (Int.min, "-9223372036854775808")])
    func decimalsAreWrittenWithoutAString(value: Int, text: String) {
        var bytes: [UInt8] = []
        HTTPResponseEncoder.appendDecimal(value, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == text)
    }
}

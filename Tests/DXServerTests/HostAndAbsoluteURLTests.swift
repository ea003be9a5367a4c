@testable import DXServer
import Foundation
import Testing

/// Issue 8 item 19: Host is validated (RFC 9112 §3.2, RFC 9110 §7.2, RFC 3986 §3.2.2), an
/// absolute-form target's authority replaces it (RFC 9112 §3.2.2), and absolute URLs come
/// from `--public-url` when set.
@Suite("Host and absolute URLs")
struct HostAndAbsoluteURLTests {
    static let invalidHosts = [
        "a:b:c", "[::1", "example.org:80a", "", "example.org:65536", "example.org:99999999999999999999",
        "example.org:-1", "a b", "user@example.org", "exa<mple.org", "exa\"mple.org", "exa%zzmple.org", "[::1]x",
        "[1:2:3:4:5:6:7:8:9]", "[1.2.3.4]", "[::1%25eth0]", "[:::1]", "[1::2::3]", "[1.2.3.4::]",
        "[::ffff:1.2.3.256]", "[::ffff:01.2.3.4]", "[v.x]", "[vz.x]", ":80", "example.org:80:80",
    ]

    static let validHosts: [(String, HTTPAuthority)] = [
        ("example.org", HTTPAuthority(host: "example.org")),
        ("EXAMPLE.Org:8080", HTTPAuthority(host: "example.org", port: 8080)),
        ("example.org:", HTTPAuthority(host: "example.org")),
        ("example.org:065535", HTTPAuthority(host: "example.org", port: 65535)),
        ("127.0.0.1:0", HTTPAuthority(host: "127.0.0.1", port: 0)),
        ("[::1]", HTTPAuthority(host: "[::1]")),
        ("[::1]:8080", HTTPAuthority(host: "[::1]", port: 8080)),
        ("[2001:DB8::FF00:42:8329]", HTTPAuthority(host: "[2001:db8::ff00:42:8329]")),
        ("[1:2:3:4:5:6:7:8]", HTTPAuthority(host: "[1:2:3:4:5:6:7:8]")),
        ("[::ffff:192.0.2.1]", HTTPAuthority(host: "[::ffff:192.0.2.1]")),
        ("[v1.fe80::a+en1]", HTTPAuthority(host: "[v1.fe80::a+en1]")),
        ("xn--eckwd4c7c.example", HTTPAuthority(host: "xn--eckwd4c7c.example")),
        ("%E9%83%BD.example", HTTPAuthority(host: "%e9%83%bd.example")),
        ("localhost", HTTPAuthority(host: "localhost")),
    ]

    // MARK: The grammar

    @Test func invalidHostValuesAreRefusedByTheParser() {
        for host in Self.invalidHosts {
            expectRejection("GET / HTTP/1.1\r\nHost: \(host)\r\n\r\n", .invalidHost)
            #expect(HTTPAuthority.parse(host) == nil, "\(host)")
        }
        // Also on HTTP/1.0, where Host is optional but, when sent, must be valid.
        expectRejection("GET / HTTP/1.0\r\nHost: a:b:c\r\n\r\n", .invalidHost)
    }

    @Test func validHostValuesBecomeTheNormalisedAuthority() throws {
        for (host, authority) in Self.validHosts {
            #expect(HTTPAuthority.parse(host) == authority, "\(host)")
            let request = try #require(expectSingleRequest("GET / HTTP/1.1\r\nHost: \(host)\r\n\r\n"))
            #expect(request.head.authority == authority, "\(host)")
            #expect(request.head.headers["Host"] == host)
        }
        #expect(HTTPAuthority(host: "[::1]", port: 80).description == "[::1]:80")
    }

    @Test func absoluteFormAuthorityReplacesHost() throws {
        let request = try #require(expectSingleRequest("GET http://A.example:8080/x HTTP/1.1\r\nHost: b.example\r\n\r\n"))
        #expect(request.head.authority == HTTPAuthority(host: "a.example", port: 8080))
        #expect(request.head.targetScheme == "http")
        // Host is still checked (RFC 9112 §3.2: any invalid Host is 400).
        expectRejection("GET http://a.example/x HTTP/1.1\r\nHost: a:b:c\r\n\r\n", .invalidHost)
        // The target's authority has the same grammar as Host.
        for authority in ["a:b:c", "[::1", "example.org:80a", "example.org:70000", "user@a"] {
            expectRejection("GET http://\(authority)/x HTTP/1.1\r\nHost: a\r\n\r\n", .invalidRequestTarget)
        }
    }

    @Test func http10WithoutHostHasNoAuthority() throws {
        let request = try #require(expectSingleRequest("GET /x HTTP/1.0\r\n\r\n"))
        #expect(request.head.authority == nil)
    }

    // MARK: Through the service

    @Test func eachInvalidHostIs400ProblemJSON() throws {
        try withAPIService { api throws in
            for host in Self.invalidHosts {
                let response = try api.get("/api/v1/measures", headers: [("Host", host)])
                #expect(response.status == 400, "\(host)")
                #expect(response.header("Content-Type") == "application/problem+json; charset=utf-8")
                let problem = try #require(try response.json() as? [String: Any])
                #expect(problem["status"] as? Int == 400)
                #expect(problem["detail"] as? String == HTTPParseError.invalidHost.detail)
            }
        }
    }

    @Test func missingOrRepeatedHostIs400() throws {
        try withAPIService { api throws in
            let missing = try api.send(Array("GET /api/v1/measures HTTP/1.1\r\n\r\n".utf8))
            #expect(missing.status == 400)
            let twice = try api.get("/api/v1/measures", headers: [("Host", "a.example"), ("Host", "a.example")])
            #expect(twice.status == 400)
        }
    }

    static func nextLink(_ response: HTTPResponse) throws -> String {
        let link = try #require(response.header("Link"))
        #expect(link.hasPrefix("<") && link.hasSuffix(">; rel=\"next\""))
        return String(link.dropFirst().prefix { $0 != ">" })
    }

    @Test func linkUsesTheValidatedHost() throws {
        try withAPIService { api throws in
            let response = try api.get("/api/v1/measures?limit=5", headers: [("Host", "EXAMPLE.org:8080")])
            #expect(try Self.nextLink(response).hasPrefix("http://example.org:8080/api/v1/measures?limit=5&cursor="))
        }
    }

    @Test func absoluteFormTargetWithAnotherHostLinksToTheTargetsAuthority() throws {
        try withAPIService { api throws in
            let response = try api.get("http://a.example/api/v1/measures?limit=5", headers: [("Host", "b.example")])
            #expect(response.status == 200)
            let link = try Self.nextLink(response)
            #expect(link.hasPrefix("http://a.example/api/v1/measures?limit=5&cursor="))
            #expect(!link.contains("b.example"))
            let https = try api.get("https://a.example/api/v1/measures?limit=5", headers: [("Host", "b.example")])
            #expect(try Self.nextLink(https).hasPrefix("https://a.example/api/v1/measures?"))
        }
    }

    @Test func theLinkFollowsTheRawPathAsSent() throws {
        try withAPIService { api throws in
            let response = try api.get("/api/v1/%6Deasures?limit=5", headers: [("Host", "example.org")])
            #expect(try Self.nextLink(response).hasPrefix("http://example.org/api/v1/%6Deasures?limit=5&cursor="))
        }
    }

    @Test func withoutAnyAuthorityTheLinkIsRelative() throws {
        try withAPIService { api throws in
            let response = try api.send(Array("GET /api/v1/measures?limit=5 HTTP/1.0\r\n\r\n".utf8))
            #expect(try Self.nextLink(response).hasPrefix("/api/v1/measures?limit=5&cursor="))
        }
    }

    @Test func withPublicURLAForgedHostNeverAppearsInLink() throws {
        let publicURL = try PublicURL(parsing: "https://dx.example.jp")
        try withAPIService(publicURL: publicURL) { api throws in
            let forged = try api.get("/api/v1/measures?limit=5", headers: [("Host", "evil.example"), ("X-Forwarded-Proto", "http")])
            let link = try Self.nextLink(forged)
            #expect(link.hasPrefix("https://dx.example.jp/api/v1/measures?limit=5&cursor="))
            #expect(!link.contains("evil"))
            let absolute = try api.get("http://evil.example/api/v1/measures?limit=5", headers: [("Host", "evil.example")])
            #expect(try Self.nextLink(absolute).hasPrefix("https://dx.example.jp/api/v1/measures?"))
        }
    }

    @Test func cachedLinksNeverCrossHosts() throws {
        try withAPIService { api throws in
            let first = try api.get("/api/v1/measures?limit=5", headers: [("Host", "a.example")])
            let second = try api.get("/api/v1/measures?limit=5", headers: [("Host", "b.example")])
            #expect(try Self.nextLink(first).hasPrefix("http://a.example/"))
            #expect(try Self.nextLink(second).hasPrefix("http://b.example/"))
            let againA = try api.get("/api/v1/measures?limit=5", headers: [("Host", "A.EXAMPLE")])
            #expect(try Self.nextLink(againA).hasPrefix("http://a.example/"))
            #expect(api.service.cache.hitCount == 1)
        }
    }

    @Test func withPublicURLEveryHostSharesOneCacheEntry() throws {
        try withAPIService(publicURL: try PublicURL(parsing: "https://dx.example.jp")) { api throws in
            _ = try api.get("/api/v1/measures?limit=5", headers: [("Host", "a.example")])
            let second = try api.get("/api/v1/measures?limit=5", headers: [("Host", "b.example")])
            #expect(api.service.cache.hitCount == 1)
            #expect(try Self.nextLink(second).hasPrefix("https://dx.example.jp/"))
        }
    }

    // MARK: --public-url

    @Test func publicURLAcceptsSchemeHostAndPort() throws {
        #expect(try PublicURL(parsing: "https://dx.example.jp").description == "https://dx.example.jp")
        #expect(try PublicURL(parsing: "HTTP://DX.Example.jp:8080/").description == "http://dx.example.jp:8080")
        #expect(try PublicURL(parsing: "http://[::1]:8080").description == "http://[::1]:8080")
    }

    @Test func publicURLRefusesEverythingElse() {
        let cases: [(String, PublicURL.ParseError)] = [
            ("ftp://dx.example.jp", .scheme("ftp://dx.example.jp")),
            ("dx.example.jp", .scheme("dx.example.jp")),
            ("https://", .authority("https://")),
            ("https://dx.example.jp:99999", .authority("https://dx.example.jp:99999")),
            ("https://a:b:c", .authority("https://a:b:c")),
            ("https://user@dx.example.jp", .userinfo("https://user@dx.example.jp")),
            ("https://dx.example.jp/api", .path("https://dx.example.jp/api")),
            ("https://dx.example.jp/?x=1", .queryOrFragment("https://dx.example.jp/?x=1")),
            ("https://dx.example.jp#top", .queryOrFragment("https://dx.example.jp#top")),
        ]
        for (text, expected) in cases {
            #expect(throws: expected, "\(text)") { try PublicURL(parsing: text) }
        }
    }

    @Test func servePublicURLFlagIsValidatedAtStart() throws {
        let process = Process()
        process.executableURL = ServerProcess.binary
        process.arguments = ["serve", "--port", "0", "--db", tempDatabasePath(), "--public-url", "ftp://dx.example.jp"]
        let stderr = Pipe()
        process.standardError = stderr
        process.standardOutput = Pipe()
        try process.run()
        let message = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus != 0)
        #expect(message.contains("--public-url"))
        #expect(message.contains("http:// or https://"))
    }

    @Test func servePublicURLFromTheEnvironmentBuildsTheLink() throws {
        let server = try ServerProcess(arguments: ["--db", tempDatabasePath()], environment: ["DX_PUBLIC_URL": "https://dx.example.jp"])
        let client = try RawClient(port: server.port)
        try client.write("GET /api/v1/measures?limit=5 HTTP/1.1\r\nHost: evil.example\r\n\r\n")
        let response = try #require(try client.readResponse())
        let link = try #require(response.header("Link"))
        #expect(link.hasPrefix("<https://dx.example.jp/api/v1/measures?limit=5&cursor="))
        #expect(!link.contains("evil"))
    }
}

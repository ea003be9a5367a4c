@testable import DXServer
import Testing

/// Who a request is from: the peer, or behind a `--trusted-proxy` the last X-Forwarded-For hop;
/// and the forwarding headers (`X-Forwarded-*`) believed only from such a proxy.
struct ClientIdentityTests {
    static func head(peer: String?, _ fields: [(String, String)] = []) -> HTTPRequestHead {
        var head = HTTPRequestHead(method: "GET", target: "/", path: "/", query: nil, version: .http11,
                                   headers: HTTPHeaders(fields), framing: .none)
        head.peer = peer.flatMap { IPAddress(parsing: $0) }
        return head
    }

    /// The one request in `raw`, as the engine's parser reads it.
    static func parse(_ raw: String) throws -> HTTPRequest? {
        var parser = HTTPParser()
        parser.append(Array(raw.utf8))
        while let event = try parser.next() {
            if case let .message(request) = event { return request }
        }
        return nil
    }

    static func proxies(_ blocks: String...) throws -> TrustedProxies {
        TrustedProxies(try blocks.map { try CIDRBlock(parsing: $0) })
    }

    @Test func ipv4MappedPeerIsTheSameClientAsIPv4() throws {
        let mapped = try #require(IPAddress(parsing: "::ffff:192.0.2.7"))
        #expect(mapped == IPAddress(parsing: "192.0.2.7"))
        #expect(mapped.description == "192.0.2.7")
        #expect(IPAddress(parsing: "2001:DB8:0:0::1")?.description == "2001:db8::1")
        #expect(IPAddress(parsing: "[2001:db8::1]")?.description == "2001:db8::1")
    }

    @Test(arguments: ["", "localhost", "192.0.2", "192.0.2.1:80", "1.2.3.4.5", "2001:db8::1%eth0", "::g", String(repeating: "1", count: 60)])
    func textThatIsNotAnAddressIsRefused(text: String) {
        #expect(IPAddress(parsing: text) == nil)
    }

    @Test func cidrContainsOnlyItsOwnRangeAndFamily() throws {
        let v4 = try CIDRBlock(parsing: "10.1.2.3/8")
        #expect(v4.description == "10.0.0.0/8")
        #expect(v4.contains(try #require(IPAddress(parsing: "10.255.0.1"))))
        #expect(!v4.contains(try #require(IPAddress(parsing: "11.0.0.1"))))
        #expect(!v4.contains(try #require(IPAddress(parsing: "::a01:203"))))
        let v6 = try CIDRBlock(parsing: "2001:db8::/32")
        #expect(v6.contains(try #require(IPAddress(parsing: "2001:db8:ffff::1"))))
        #expect(!v6.contains(try #require(IPAddress(parsing: "2001:db9::1"))))
        let single = try CIDRBlock(parsing: "192.0.2.7")
        #expect(single.prefix == 32)
        #expect(single.contains(try #require(IPAddress(parsing: "192.0.2.7"))))
        #expect(try CIDRBlock(parsing: "0.0.0.0/0").contains(try #require(IPAddress(parsing: "203.0.113.9"))))
    }

    @Test(arguments: ["10.0.0.0/33", "2001:db8::/129", "10.0.0.0/-1", "10.0.0.0/+8", "10.0.0.0/", "10.0.0.0/0008", "host/8", "10.0.0.0/8/8"])
    func cidrWithABadAddressOrPrefixIsRefused(text: String) {
        #expect(throws: CIDRBlock.ParseError.self) { try CIDRBlock(parsing: text) }
    }

    @Test func maskingKeepsTheNetworkPart() throws {
        #expect(IPAddress(parsing: "192.0.2.77")?.masked(to: 24).description == "192.0.2.0")
        #expect(IPAddress(parsing: "2001:db8:abcd:1234::9")?.masked(to: 48).description == "2001:db8:abcd::")
        #expect(IPAddress(parsing: "2001:db8:abcd:1234::9")?.masked(to: 72).description == "2001:db8:abcd:1234::")
    }

    @Test func xForwardedForFromAnUntrustedPeerIsIgnored() throws {
        let trusted = try Self.proxies("10.0.0.0/8")
        let head = Self.head(peer: "198.51.100.4", [("X-Forwarded-For", "203.0.113.9")])
        #expect(trusted.client(of: head)?.description == "198.51.100.4")
        #expect(TrustedProxies().client(of: head)?.description == "198.51.100.4")
    }

    @Test func lastHopOfXForwardedForIsTheClientBehindATrustedProxy() throws {
        let trusted = try Self.proxies("10.0.0.0/8", "2001:db8:1::/48")
        let head = Self.head(peer: "10.0.0.2", [("X-Forwarded-For", "192.0.2.1, 203.0.113.9")])
        #expect(trusted.client(of: head)?.description == "203.0.113.9")
        let v6 = Self.head(peer: "2001:db8:1::5", [("X-Forwarded-For", "2001:db8:ff::7")])
        #expect(trusted.client(of: v6)?.description == "2001:db8:ff::7")
        // Several field lines are one list (RFC 9110 §5.3); a port after the address is allowed.
        let lines = Self.head(peer: "10.0.0.2", [("X-Forwarded-For", "192.0.2.1"), ("X-Forwarded-For", "203.0.113.9:4711")])
        #expect(trusted.client(of: lines)?.description == "203.0.113.9")
    }

    @Test func trustedHopsAreSkippedFromTheRight() throws {
        let trusted = try Self.proxies("10.0.0.0/8")
        let head = Self.head(peer: "10.0.0.2", [("X-Forwarded-For", "192.0.2.1, 203.0.113.9, 10.0.0.3")])
        #expect(trusted.client(of: head)?.description == "203.0.113.9")
    }

    @Test func aHopThatIsNotAnAddressLeavesTheProxyAsTheClient() throws {
        let trusted = try Self.proxies("10.0.0.0/8")
        #expect(trusted.client(of: Self.head(peer: "10.0.0.2", [("X-Forwarded-For", "unknown")]))?.description == "10.0.0.2")
        #expect(trusted.client(of: Self.head(peer: "10.0.0.2"))?.description == "10.0.0.2")
    }

    @Test func forwardedProtoAndHostFromAnUntrustedPeerDoNotReachLinks() throws {
        let abuse = AbuseControl(trustedProxies: try Self.proxies("10.0.0.0/8"))
        try withAPIService(abuse: abuse, peer: IPAddress(parsing: "198.51.100.4")) { api in
            let response = try api.get("/api/v1/measures?limit=5",
                                        headers: [("Host", "example.org"), ("X-Forwarded-Proto", "https"), ("X-Forwarded-Host", "evil.example")])
            #expect(try HostAndAbsoluteURLTests.nextLink(response).hasPrefix("http://example.org/api/v1/measures?limit=5&cursor="))
        }
        // No trusted proxy configured at all: nobody's forwarding headers count.
        try withAPIService(peer: IPAddress(parsing: "10.0.0.2")) { api in
            let response = try api.get("/api/v1/measures?limit=5", headers: [("Host", "example.org"), ("X-Forwarded-Proto", "https")])
            #expect(try HostAndAbsoluteURLTests.nextLink(response).hasPrefix("http://example.org/"))
        }
    }

    @Test func forwardedProtoAndHostFromATrustedProxyBuildLinks() throws {
        let abuse = AbuseControl(trustedProxies: try Self.proxies("10.0.0.0/8"))
        try withAPIService(abuse: abuse, peer: IPAddress(parsing: "10.0.0.2")) { api in
            let response = try api.get("/api/v1/measures?limit=5",
                                        headers: [("Host", "backend:8080"), ("X-Forwarded-Proto", "https"), ("X-Forwarded-Host", "dx.example.jp")])
            #expect(try HostAndAbsoluteURLTests.nextLink(response).hasPrefix("https://dx.example.jp/api/v1/measures?limit=5&cursor="))
            // The same request from an untrusted peer, after the trusted one filled the cache.
            let direct = try api.from("198.51.100.4").get("/api/v1/measures?limit=5",
                                        headers: [("Host", "backend:8080"), ("X-Forwarded-Proto", "https"), ("X-Forwarded-Host", "dx.example.jp")])
            #expect(try HostAndAbsoluteURLTests.nextLink(direct).hasPrefix("http://backend:8080/"))
            // An invalid forwarded host or scheme is ignored, not believed.
            let bad = try api.get("/api/v1/measures?limit=5",
                                  headers: [("Host", "backend:8080"), ("X-Forwarded-Proto", "gopher"), ("X-Forwarded-Host", "a b")])
            #expect(try HostAndAbsoluteURLTests.nextLink(bad).hasPrefix("http://backend:8080/"))
        }
    }

    @Test func answersShapedByForwardingHeadersAreNotReplayed() throws {
        let abuse = AbuseControl(trustedProxies: try Self.proxies("10.0.0.0/8"))
        try withAPIService(abuse: abuse, peer: IPAddress(parsing: "10.0.0.2")) { api in
            let raw = "GET /api/v1/measures?limit=5 HTTP/1.1\r\nHost: b\r\nX-Forwarded-Proto: https\r\n\r\n"
            var request = try #require(try ClientIdentityTests.parse(raw))
            request.head.peer = api.peer
            #expect(api.service.respond(to: request).replay == nil)
            request.head.headers = HTTPHeaders([("Host", "b")])
            #expect(api.service.respond(to: request).replay != nil)
        }
    }
}

/// The networks whose forwarding headers are believed (`--trusted-proxy CIDR`, repeatable).
/// Any client can send `X-Forwarded-For`, `X-Forwarded-Proto` or `X-Forwarded-Host`; only a
/// proxy the operator named speaks for the client behind it (RFC 7239 §8.3 on the same risk
/// for `Forwarded`). With no block configured, nobody is trusted and those headers are ignored.
public struct TrustedProxies: Sendable, Equatable {
    public var blocks: [CIDRBlock]

    public init(_ blocks: [CIDRBlock] = []) { self.blocks = blocks }

    public var isEmpty: Bool { blocks.isEmpty }

    public func contains(_ address: IPAddress) -> Bool {
        blocks.contains { $0.contains(address) }
    }

    /// Whether this request came straight from a trusted proxy, so its forwarding headers count.
    public func isTrusted(_ head: HTTPRequestHead) -> Bool {
        guard !blocks.isEmpty, let peer = head.peer else { return false }
        return contains(peer)
    }

    /// Who the request is from, for rate limits and the access log: the peer address, or,
    /// when the peer is a trusted proxy, the hop it says it received the request from: the
    /// last `X-Forwarded-For` element, skipping further trusted proxies from the right (a
    /// chain of our own proxies; `real_ip_recursive` in nginx). An element that is not an
    /// address (`unknown`, an obfuscated id, RFC 7239 §6.3) stops the walk at the proxy that
    /// wrote it. nil only when the engine knew no peer (in-process tests, Unix sockets).
    public func client(of head: HTTPRequestHead) -> IPAddress? {
        guard let peer = head.peer else { return nil }
        guard !blocks.isEmpty, contains(peer) else { return peer }
        var client = peer
        for element in head.headers.list(.xForwardedFor).reversed() {
            guard let hop = Self.address(of: element) else { break }
            client = hop
            if !contains(hop) { break }
        }
        return client
    }

    /// An element of X-Forwarded-For: an address, optionally with a port (`192.0.2.1:4711`,
    /// `[2001:db8::1]:4711`), as some proxies write it.
    static func address(of element: String) -> IPAddress? {
        let text = element.trimmingHTTPWhitespace()
        if let address = IPAddress(parsing: text) { return address }
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            return IPAddress(parsing: text[text.index(after: text.startIndex)..<close])
        }
        let parts = text.split(separator: ":")
        if parts.count == 2 { return IPAddress(parsing: parts[0]) }
        return nil
    }
}

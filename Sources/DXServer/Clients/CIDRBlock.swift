/// A network given as `address/prefix` (RFC 4632 §3.1 for IPv4, RFC 4291 §2.3 for IPv6), such
/// as a `--trusted-proxy` range. A bare address is its own /32 or /128.
public struct CIDRBlock: Hashable, Sendable, CustomStringConvertible {
    public let network: IPAddress
    public let prefix: Int

    /// Why a block was refused; `description` is a sentence for the operator.
    public enum ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        case address(String)
        case prefix(String)

        public var description: String {
            switch self {
            case .address(let text): "'\(text)' is not an IPv4 or IPv6 address or ADDRESS/PREFIX network"
            case .prefix(let text): "'\(text)' has a prefix length that is not 0-32 (IPv4) or 0-128 (IPv6)"
            }
        }
    }

    /// `10.0.0.0/8`, `2001:db8::/32`, `192.0.2.7`. Host bits after the prefix are cleared.
    public init(parsing text: String) throws(ParseError) {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let address = IPAddress(parsing: parts[0]) else { throw .address(text) }
        var prefix = address.bitWidth
        if parts.count == 2 {
            // Digits only, at most three: no sign, no arithmetic on an unbounded number.
            guard (1...3).contains(parts[1].utf8.count), parts[1].utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
                  let value = Int(parts[1]), value <= address.bitWidth
            else { throw .prefix(text) }
            prefix = value
        }
        self.network = address.masked(to: prefix)
        self.prefix = prefix
    }

    /// Whether `address` is inside the block (never across families).
    public func contains(_ address: IPAddress) -> Bool {
        address.family == network.family && address.masked(to: prefix) == network
    }

    public var description: String { "\(network)/\(prefix)" }
}

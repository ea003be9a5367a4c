import Glibc

/// An IPv4 or IPv6 address as 16 bytes in network order. IPv4 addresses (and IPv4-mapped IPv6
/// addresses, `::ffff:a.b.c.d`, which a dual-stack socket reports for IPv4 peers, RFC 4291
/// §2.5.5.2) are kept as IPv4, so one client has one identity however it connected.
public struct IPAddress: Hashable, Sendable, CustomStringConvertible {
    public enum Family: Sendable { case v4, v6 }

    public let family: Family
    /// The high and low 64 bits, network order; an IPv4 address is in the top 32 bits of `high`.
    let high: UInt64
    let low: UInt64

    /// The bit width of the family: 32 or 128.
    public var bitWidth: Int { family == .v4 ? 32 : 128 }

    init(family: Family, high: UInt64, low: UInt64) {
        self.family = family
        self.high = high
        self.low = low
    }

    /// From four bytes in network order.
    public init(v4 bytes: (UInt8, UInt8, UInt8, UInt8)) {
        family = .v4
        high = UInt64(bytes.0) << 56 | UInt64(bytes.1) << 48 | UInt64(bytes.2) << 40 | UInt64(bytes.3) << 32
        low = 0
    }

    /// From sixteen bytes in network order; an IPv4-mapped address becomes IPv4.
    public init(v6 bytes: [UInt8]) {
        var high: UInt64 = 0, low: UInt64 = 0
        for i in 0..<8 { high = high << 8 | UInt64(bytes[i]) }
        for i in 8..<16 { low = low << 8 | UInt64(bytes[i]) }
        if high == 0 && low >> 32 == 0xFFFF {
            self.init(v4: (bytes[12], bytes[13], bytes[14], bytes[15]))
        } else {
            self.init(family: .v6, high: high, low: low)
        }
    }

    /// Dotted IPv4 (`192.0.2.1`) or IPv6 text (`2001:db8::1`), as `inet_pton` reads them; also
    /// an IPv6 address in brackets (`[2001:db8::1]`). nil for anything else (a host name, a
    /// port, a zone id).
    public init?(parsing text: some StringProtocol) {
        var text = String(text)
        if text.hasPrefix("["), text.hasSuffix("]") { text = String(text.dropFirst().dropLast()) }
        // inet_pton's buffers: longer text cannot be an address, and is refused before the call.
        guard !text.isEmpty, text.utf8.count <= 45 else { return nil }
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            self.init(networkOrder: v4)
            return
        }
        var v6 = in6_addr()
        guard text.contains(":"), inet_pton(AF_INET6, text, &v6) == 1 else { return nil }
        self.init(networkOrder: v6)
    }

    init(networkOrder address: in_addr) {
        let value = UInt32(bigEndian: address.s_addr)
        self.init(v4: (UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)))
    }

    init(networkOrder address: in6_addr) {
        let bytes = withUnsafeBytes(of: address) { Array($0) }
        self.init(v6: bytes)
    }

    /// The address of a peer as `accept4`/`getpeername` report it; nil for a family other than
    /// AF_INET/AF_INET6 (a Unix socket has no address to limit or log).
    package init?(_ storage: sockaddr_storage) {
        var storage = storage
        switch Int32(storage.ss_family) {
        case AF_INET:
            let address = withUnsafeBytes(of: &storage) { $0.load(as: sockaddr_in.self) }
            self.init(networkOrder: address.sin_addr)
        case AF_INET6:
            let address = withUnsafeBytes(of: &storage) { $0.load(as: sockaddr_in6.self) }
            self.init(networkOrder: address.sin6_addr)
        default:
            return nil
        }
    }

    /// The address with every bit after the first `prefix` cleared (a /24 or /48 for logs).
    public func masked(to prefix: Int) -> IPAddress {
        let bits = max(0, min(prefix, bitWidth))
        return IPAddress(family: family, high: high & Self.mask(bits), low: low & Self.mask(bits - 64))
    }

    /// The top `bits` bits set, for one 64-bit half (`bits` below 0 is none, above 64 all).
    static func mask(_ bits: Int) -> UInt64 {
        if bits <= 0 { return 0 }
        if bits >= 64 { return .max }
        return ~(UInt64.max >> UInt64(bits))
    }

    /// The canonical text: dotted IPv4, or RFC 5952 IPv6 (as `inet_ntop` writes it).
    public var description: String {
        switch family {
        case .v4:
            let v = high >> 32
            return "\(v >> 24).\(v >> 16 & 0xFF).\(v >> 8 & 0xFF).\(v & 0xFF)"
        case .v6:
            var bytes = [UInt8](repeating: 0, count: 16)
            for i in 0..<8 {
                bytes[i] = UInt8(truncatingIfNeeded: high >> UInt64(56 - 8 * i))
                bytes[8 + i] = UInt8(truncatingIfNeeded: low >> UInt64(56 - 8 * i))
            }
            var address = in6_addr()
            withUnsafeMutableBytes(of: &address) { $0.copyBytes(from: bytes) }
            var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
            guard inet_ntop(AF_INET6, &address, &text, socklen_t(text.count)) != nil else { return "::" }
            return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }
}

extension IPAddress {
    /// The canonical text appended as bytes: IPv4 without allocating (the access log's hot
    /// path); IPv6 through `description`.
    package func append(to out: inout [UInt8]) {
        guard family == .v4 else {
            out.append(contentsOf: description.utf8)
            return
        }
        // At most 15 bytes, written into a scratch block and appended at once (it goes into
        // every access-log line; byte-by-byte appends cost a check each).
        let v = high >> 32
        var scratch: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &scratch) { b in
            var n = 0
            for i in 0..<4 {
                if i > 0 { b[n] = UInt8(ascii: "."); n += 1 }
                let octet = UInt8(truncatingIfNeeded: v >> UInt64(24 - 8 * i))
                if octet >= 100 { b[n] = UInt8(ascii: "0") + octet / 100; n += 1 }
                if octet >= 10 { b[n] = UInt8(ascii: "0") + octet / 10 % 10; n += 1 }
                b[n] = UInt8(ascii: "0") + octet % 10
                n += 1
            }
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: b[0..<n]))
        }
    }
}

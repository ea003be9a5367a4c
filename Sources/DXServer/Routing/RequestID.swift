import Synchronization

/// Request ids: the client's own when it is sane (so a portal can correlate), otherwise a
/// per-process random prefix and a counter, which costs no syscall per request.
final class RequestIDGenerator: Sendable {
    private let prefix: String
    private let counter = Atomic<UInt64>(0)

    init() {
        var rng = SystemRandomNumberGenerator()
        prefix = String(UInt32.random(in: 0...UInt32.max, using: &rng), radix: 16)
    }

    func id(for headers: HTTPHeaders) -> String {
        if let given = (try? headers.singleton(.xRequestID)) ?? nil, Self.isSane(given) { return given }
        return prefix + "-" + String(counter.add(1, ordering: .relaxed).newValue, radix: 16)
    }

    /// Appends a new generated id (`prefix-counter`, hexadecimal) without making a String: the
    /// replayed hot path stamps one on every response.
    func appendNew(to bytes: inout [UInt8]) {
        bytes.append(contentsOf: prefix.utf8)
        bytes.append(UInt8(ascii: "-"))
        var n = counter.add(1, ordering: .relaxed).newValue
        var digits = 1
        while n >> (4 * UInt64(digits)) != 0 && digits < 16 { digits += 1 }
        for i in stride(from: digits - 1, through: 0, by: -1) {
            let nibble = UInt8((n >> (4 * UInt64(i))) & 0xF)
            bytes.append(nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10)
        }
        n = 0
    }

    /// Short, and only characters that cannot break a log line or a header.
    static func isSane(_ id: String) -> Bool { HTTPRequestID.isSane(id) }
}

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

    /// Short, and only characters that cannot break a log line or a header.
    static func isSane(_ id: String) -> Bool {
        guard !id.isEmpty, id.utf8.count <= 128 else { return false }
        return id.utf8.allSatisfy { b in
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
                || b == UInt8(ascii: "-") || b == UInt8(ascii: "_") || b == UInt8(ascii: ".") || b == UInt8(ascii: ":")
        }
    }
}

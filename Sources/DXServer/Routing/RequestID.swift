import Synchronization

/// Request ids: the client's own when it is sane (so a portal can correlate), otherwise a
/// per-process random prefix and a counter, which costs no syscall per request.
final class RequestIDGenerator: Sendable {
    private let prefix: String
    /// `prefix` as bytes, for `appendNew`: appending a String's UTF-8 costs more than the id.
    private let prefixBytes: [UInt8]
    private let counter = Atomic<UInt64>(0)

    init() {
        var rng = SystemRandomNumberGenerator()
        prefix = String(UInt32.random(in: 0...UInt32.max, using: &rng), radix: 16)
        prefixBytes = Array(prefix.utf8)
    }

    func id(for headers: HTTPHeaders) -> String {
        if let given = (try? headers.singleton(.xRequestID)) ?? nil, Self.isSane(given) { return given }
        return prefix + "-" + String(counter.add(1, ordering: .relaxed).newValue, radix: 16)
    }

    /// Appends a new generated id (`prefix-counter`, hexadecimal) without making a String: the
    /// replayed hot path stamps one on every response.
    func appendNew(to bytes: inout [UInt8]) {
        bytes.append(contentsOf: prefixBytes)
        bytes.append(UInt8(ascii: "-"))
        let n = counter.add(1, ordering: .relaxed).newValue
        // Hexadecimal digits without leading zeros: 1 to 16 of them, written right to left into
        // a 16-byte scratch word pair and appended at once.
        let digits = max(1, (64 - n.leadingZeroBitCount + 3) / 4)
        var scratch: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &scratch) { out in
            var rest = n
            for i in stride(from: digits - 1, through: 0, by: -1) {
                let nibble = UInt8(truncatingIfNeeded: rest & 0xF)
                out[i] = nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
                rest >>= 4
            }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: out[0..<digits]))
        }
    }

    /// Short, and only characters that cannot break a log line or a header.
    static func isSane(_ id: String) -> Bool { HTTPRequestID.isSane(id) }
}

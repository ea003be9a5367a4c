/// The bytes a connection has to send that the socket has not taken yet. The first part queued
/// into an empty buffer is kept as is (a cached body is shared, not copied); only a second part
/// behind it is appended. Empty again, it lets its storage go: an idle connection keeps none.
package struct OutputBuffer {
    private var bytes: [UInt8] = []
    private var offset = 0

    /// The sent prefix is dropped once it is at least this large and at least half the buffer,
    /// so that a client that reads steadily but never lets the buffer empty does not make it
    /// keep every byte ever sent.
    package static let compactionThreshold = 64 * 1024

    package init() {}

    package var isEmpty: Bool { offset == bytes.count }
    /// Bytes queued and not yet sent.
    package var count: Int { bytes.count - offset }

    package mutating func append(_ part: [UInt8]) {
        guard !part.isEmpty else { return }
        if isEmpty {
            bytes = part
            offset = 0
            return
        }
        if offset >= Self.compactionThreshold && offset * 2 >= bytes.count {
            bytes.removeSubrange(0..<offset)
            offset = 0
        }
        bytes.append(contentsOf: part)
    }

    /// Calls `body` with the unsent bytes (non-empty unless the buffer is empty).
    package func withUnsentBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        let start = offset
        return bytes.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[start...])) }
    }

    /// Marks `n` unsent bytes as sent (at most `count`); an emptied buffer releases its storage.
    package mutating func consume(_ n: Int) {
        offset += min(max(n, 0), count)
        if isEmpty {
            bytes = []
            offset = 0
        }
    }

    /// Storage held now, in bytes (for tests of what an idle connection keeps).
    package var capacity: Int { bytes.capacity }
}

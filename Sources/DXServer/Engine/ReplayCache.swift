/// Answers a request whose head is byte for byte one answered before from a public,
/// cacheable route, without parsing, routing or encoding it again: the same bytes parse to the
/// same request, and such a route's answer depends only on the request and the data version
/// (which each entry records and each hit checks). A portal or a harvester polling one URL
/// sends the same head every time, so this is the hot path.
///
/// One per loop thread, touched by that thread only: no lock.
final class ReplayCache {
    struct Entry {
        let head: [UInt8]
        let version: UInt64
        let response: PreparedResponse
    }

    /// Heads longer than this are never kept (a browser's ~500-byte head fits).
    static let maxHeadBytes = 2048
    static let maxEntries = 1024
    private var entries: [UInt64: Entry] = [:]

    var count: Int { entries.count }

    /// The entry for the head at the start of `bytes`, and the head's length.
    func lookup(_ bytes: UnsafeRawBufferPointer) -> (entry: Entry, length: Int)? {
        guard !entries.isEmpty, let length = Self.headLength(bytes) else { return nil }
        let head = UnsafeRawBufferPointer(rebasing: bytes[0..<length])
        guard let entry = entries[Self.hash(head)], entry.head.count == length,
              entry.head.withUnsafeBytes({ $0.elementsEqual(head) })
        else { return nil }
        return (entry, length)
    }

    func insert(head: [UInt8], version: UInt64, response: PreparedResponse) {
        guard head.count <= Self.maxHeadBytes else { return }
        // Client-chosen heads make the key space unbounded: start over rather than track
        // recency on every hit.
        if entries.count >= Self.maxEntries { entries.removeAll(keepingCapacity: true) }
        head.withUnsafeBytes { entries[Self.hash($0)] = Entry(head: head, version: version, response: response) }
    }

    func remove(head: [UInt8]) {
        head.withUnsafeBytes { entries[Self.hash($0)] = nil }
    }

    /// The length through the blank line that ends a head (RFC 9112 §2.1), when the bytes start
    /// with a method's first letter and hold a whole head within `maxHeadBytes`.
    static func headLength(_ bytes: UnsafeRawBufferPointer) -> Int? {
        guard let first = bytes.first, first >= UInt8(ascii: "A"), first <= UInt8(ascii: "Z") else { return nil }
        let end = min(bytes.count, maxHeadBytes)
        var i = 3
        while i < end {
            if bytes[i] == UInt8(ascii: "\n") && bytes[i - 1] == UInt8(ascii: "\r")
                && bytes[i - 2] == UInt8(ascii: "\n") && bytes[i - 3] == UInt8(ascii: "\r") {
                return i + 1
            }
            i += 1
        }
        return nil
    }

    /// FNV-1a, 64 bits; a hit is confirmed by comparing the bytes, so a collision costs only a miss.
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            hash ^= UInt64(b)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}

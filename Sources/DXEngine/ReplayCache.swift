import DXHTTP
import Glibc

/// Answers a request whose head is byte for byte one answered before from a public,
/// cacheable route, without parsing, routing or encoding it again: the same bytes parse to the
/// same request, and such a route's answer depends only on the request and the data version
/// (which each entry records and each hit checks). A portal or a harvester polling one URL
/// sends the same head every time, so this is the hot path.
///
/// One per loop thread, touched by that thread only: no lock.
package final class ReplayCache {
    struct Entry {
        let head: [UInt8]
        let version: UInt64
        let response: PreparedResponse
    }

    /// Heads longer than this are never kept (a browser's ~500-byte head fits).
    package static let maxHeadBytes = 2048
    static let maxEntries = 1024
    private var entries: [UInt64: Entry] = [:]

    var count: Int { entries.count }

    /// The entry for the head at the start of `bytes`, and the head's length.
    func lookup(_ bytes: UnsafeRawBufferPointer) -> (entry: Entry, length: Int)? {
        guard !entries.isEmpty, let (length, hash) = Self.scan(bytes) else { return nil }
        guard let entry = entries[hash], entry.head.count == length,
              entry.head.withUnsafeBytes({ memcmp($0.baseAddress!, bytes.baseAddress!, length) == 0 })
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
    package static func headLength(_ bytes: UnsafeRawBufferPointer) -> Int? { scan(bytes)?.length }

    /// The head's length and its hash in one pass over the bytes: this runs on every request a
    /// loop reads whole.
    static func scan(_ bytes: UnsafeRawBufferPointer) -> (length: Int, hash: UInt64)? {
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count >= 4,
              base[0] >= UInt8(ascii: "A"), base[0] <= UInt8(ascii: "Z")
        else { return nil }
        let end = min(bytes.count, maxHeadBytes)
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        // The last four bytes seen, newest lowest: "\r\n\r\n" reads 0x0D0A0D0A.
        var window: UInt32 = 0
        var i = 0
        while i < end {
            let b = base[i]
            hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3
            window = window << 8 | UInt32(b)
            i += 1
            if window == 0x0D0A_0D0A { return (i, hash) }
        }
        return nil
    }

    /// FNV-1a, 64 bits, as `scan` computes it; a hit is confirmed by comparing the bytes, so a
    /// collision costs only a miss.
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
        return hash
    }
}

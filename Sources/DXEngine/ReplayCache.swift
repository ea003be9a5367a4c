import DXHTTP
import Glibc

/// Answers a request whose head is byte for byte one answered before from a public,
/// cacheable route, without parsing, routing or encoding it again: the same bytes parse to the
/// same request, and such a route's answer depends only on the request and the data version
/// (which each entry records and each hit checks). A portal or a harvester polling one URL
/// sends the same head every time, so this is the hot path.
///
/// One per loop thread, touched by that thread only: no lock.
///
/// The lookup runs on every request a loop reads whole, so it does the least it can: the end
/// of the head is found with `memchr` line by line, the head is hashed eight bytes at a time
/// once, and the hash itself indexes an open-addressed table (no second hash as a dictionary
/// key would cost); a hit is confirmed with one `memcmp`. Nothing is allocated on a hit.
package final class ReplayCache {
    final class Entry {
        let head: [UInt8]
        let version: UInt64
        let response: PreparedResponse

        init(head: [UInt8], version: UInt64, response: PreparedResponse) {
            self.head = head
            self.version = version
            self.response = response
        }
    }

    /// Heads longer than this are never kept (a browser's ~500-byte head fits).
    package static let maxHeadBytes = 2048
    static let maxEntries = 1024
    /// Twice `maxEntries` slots: probes stay short while the table is full.
    private static let slotCount = 2048
    /// How many slots from a hash's home slot a key may sit in.
    private static let probeLimit = 8
    /// Each slot's key hash, 0 when empty (a head hashing to 0 is stored as 1, see `key`),
    /// apart from the entries so a probe reads one cache line of keys.
    private var keys: [UInt64]
    private var entries: [Entry?]
    private(set) var count = 0

    init() {
        keys = Array(repeating: 0, count: Self.slotCount)
        entries = Array(repeating: nil, count: Self.slotCount)
    }

    /// The entry for the head at the start of `bytes`, and the head's length.
    func lookup(_ bytes: UnsafeRawBufferPointer) -> (entry: Entry, length: Int)? {
        guard count > 0, let (length, hash) = Self.scan(bytes), let slot = find(Self.key(hash)) else { return nil }
        guard let entry = entries[slot], entry.head.count == length,
              entry.head.withUnsafeBytes({ memcmp($0.baseAddress!, bytes.baseAddress!, length) == 0 })
        else { return nil }
        return (entry, length)
    }

    func insert(head: [UInt8], version: UInt64, response: PreparedResponse) {
        guard head.count <= Self.maxHeadBytes else { return }
        // Client-chosen heads make the key space unbounded: start over rather than track
        // recency on every hit.
        if count >= Self.maxEntries { removeAll() }
        let key = head.withUnsafeBytes { Self.key(Self.hash($0)) }
        let entry = Entry(head: head, version: version, response: response)
        if let slot = find(key) {
            entries[slot] = entry
            return
        }
        let home = Int(truncatingIfNeeded: key) & (Self.slotCount - 1)
        var slot = home
        for probe in 0..<Self.probeLimit {
            let candidate = (home + probe) & (Self.slotCount - 1)
            if keys[candidate] == 0 { slot = candidate; break }
        }
        // A full probe window: the home slot's entry gives way.
        if keys[slot] == 0 { count += 1 }
        keys[slot] = key
        entries[slot] = entry
    }

    func remove(head: [UInt8]) {
        guard let slot = find(head.withUnsafeBytes({ Self.key(Self.hash($0)) })) else { return }
        keys[slot] = 0
        entries[slot] = nil
        count -= 1
    }

    private func removeAll() {
        for i in 0..<Self.slotCount { keys[i] = 0; entries[i] = nil }
        count = 0
    }

    /// The slot holding `key`. Every slot of the window is looked at (removal leaves holes, so
    /// an empty slot does not end the search); the keys are eight adjacent words.
    private func find(_ key: UInt64) -> Int? {
        let home = Int(truncatingIfNeeded: key) & (Self.slotCount - 1)
        return keys.withUnsafeBufferPointer { k -> Int? in
            for probe in 0..<Self.probeLimit {
                let slot = (home + probe) & (Self.slotCount - 1)
                if k[slot] == key { return slot }
            }
            return nil
        }
    }

    private static func key(_ hash: UInt64) -> UInt64 { hash == 0 ? 1 : hash }

    /// The length through the blank line that ends a head (RFC 9112 §2.1), when the bytes start
    /// with a method's first letter and hold a whole head within `maxHeadBytes`.
    package static func headLength(_ bytes: UnsafeRawBufferPointer) -> Int? { length(bytes) }

    /// The head's length and its hash.
    static func scan(_ bytes: UnsafeRawBufferPointer) -> (length: Int, hash: UInt64)? {
        guard let length = length(bytes) else { return nil }
        return (length, hash(UnsafeRawBufferPointer(rebasing: bytes[0..<length])))
    }

    /// The end of the head: `memchr` from line feed to line feed (a few per head, each a
    /// vectorised search), checking for CR LF CR LF at each.
    private static func length(_ bytes: UnsafeRawBufferPointer) -> Int? {
        guard let base = bytes.baseAddress, bytes.count >= 4 else { return nil }
        let first = base.load(as: UInt8.self)
        guard first >= UInt8(ascii: "A"), first <= UInt8(ascii: "Z") else { return nil }
        let end = min(bytes.count, maxHeadBytes)
        var i = 3
        while i < end {
            guard let found = memchr(base + i, 0x0A, end - i) else { return nil }
            let lf = base.distance(to: UnsafeRawPointer(found))
            if base.load(fromByteOffset: lf - 3, as: UInt8.self) == 0x0D,
               base.load(fromByteOffset: lf - 2, as: UInt8.self) == 0x0A,
               base.load(fromByteOffset: lf - 1, as: UInt8.self) == 0x0D {
                return lf + 1
            }
            i = lf + 1
        }
        return nil
    }

    /// A 64-bit hash of the bytes, eight at a time (multiply and fold, as wyhash and
    /// FxHash do). Not keyed: a client that forges collisions only makes its own heads miss,
    /// since a hit is confirmed by comparing the bytes.
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        guard let base = bytes.baseAddress else { return 0 }
        let count = bytes.count
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(count)
        var i = 0
        while i + 8 <= count {
            hash = mix(hash ^ base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        if i < count {
            var last: UInt64 = 0
            withUnsafeMutableBytes(of: &last) { $0.baseAddress!.copyMemory(from: base + i, byteCount: count - i) }
            hash = mix(hash ^ last)
        }
        return hash
    }

    @inline(__always)
    private static func mix(_ x: UInt64) -> UInt64 {
        let m = x.multipliedFullWidth(by: 0x9E37_79B9_7F4A_7C15)
        return m.high ^ m.low
    }
}

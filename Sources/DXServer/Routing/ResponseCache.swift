import DXSync
import Synchronization

/// A representation kept ready to send: body, strong ETag, and the gzip bytes computed once.
public struct CachedRepresentation: Sendable {
    public var status: Int
    public var headers: HTTPHeaders
    public var body: [UInt8]
    public var etag: String?
    public var gzipped: [UInt8]?
    /// Full-precision modification time in epoch milliseconds (see `HTTPResponse.modifiedAt`).
    public var modifiedAt: Int?
}

/// Public GET responses keyed by target and representation, valid for one data version.
/// A write bumps the version, so the very next read misses and sees the write.
final class ResponseCache: Sendable {
    private struct Entry {
        var version: UInt64
        var representation: CachedRepresentation
    }

    private let entries = Locked<(map: [String: Entry], bytes: Int)>((map: [:], bytes: 0))
    private let maxEntries: Int
    private let maxBytes: Int
    private let hits = Atomic<Int>(0)
    private let misses = Atomic<Int>(0)

    init(maxEntries: Int = 4096, maxBytes: Int = 64 << 20) {
        self.maxEntries = maxEntries
        self.maxBytes = maxBytes
    }

    private static func size(_ r: CachedRepresentation) -> Int { r.body.count + (r.gzipped?.count ?? 0) + 256 }

    func lookup(_ key: String, version: UInt64) -> CachedRepresentation? {
        let found = entries.withLock { $0.map[key] }
        if let found, found.version == version {
            hits.add(1, ordering: .relaxed)
            return found.representation
        }
        misses.add(1, ordering: .relaxed)
        return nil
    }

    func store(_ key: String, version: UInt64, _ representation: CachedRepresentation) {
        let size = Self.size(representation)
        guard size <= maxBytes / 8 else { return }  // one huge export must not evict everything
        entries.withLock { state in
            // Query strings are client-chosen, so the key space is unbounded: past either cap
            // the whole cache starts over rather than tracking recency on every hit.
            if let old = state.map[key] { state.bytes -= Self.size(old.representation) }
            if state.map.count >= maxEntries || state.bytes + size > maxBytes {
                state.map.removeAll(keepingCapacity: true)
                state.bytes = 0
            }
            state.map[key] = Entry(version: version, representation: representation)
            state.bytes += size
        }
    }

    /// A hit served from elsewhere (the engine's replay of ready bytes) still counts as one.
    func noteHit() { hits.add(1, ordering: .relaxed) }

    var hitCount: Int { hits.load(ordering: .relaxed) }
    var missCount: Int { misses.load(ordering: .relaxed) }
}

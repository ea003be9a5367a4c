import Synchronization

/// A representation kept ready to send: body, strong ETag, and the gzip bytes computed once.
public struct CachedRepresentation: Sendable {
    public var status: Int
    public var headers: HTTPHeaders
    public var body: [UInt8]
    public var etag: String?
    public var gzipped: [UInt8]?
}

/// Public GET responses keyed by target and representation, valid for one data version.
/// A write bumps the version, so the very next read misses and sees the write.
final class ResponseCache: Sendable {
    private struct Entry {
        var version: UInt64
        var representation: CachedRepresentation
    }

    private let entries = Mutex<[String: Entry]>([:])
    private let maxEntries: Int
    private let hits = Atomic<Int>(0)
    private let misses = Atomic<Int>(0)

    init(maxEntries: Int = 4096) {
        self.maxEntries = maxEntries
    }

    func lookup(_ key: String, version: UInt64) -> CachedRepresentation? {
        let found = entries.withLock { $0[key] }
        if let found, found.version == version {
            hits.add(1, ordering: .relaxed)
            return found.representation
        }
        misses.add(1, ordering: .relaxed)
        return nil
    }

    func store(_ key: String, version: UInt64, _ representation: CachedRepresentation) {
        entries.withLock { entries in
            // Query strings are client-chosen, so the key space is unbounded: past the cap the
            // whole cache starts over rather than tracking recency on every hit.
            if entries.count >= maxEntries && entries[key] == nil { entries.removeAll(keepingCapacity: true) }
            entries[key] = Entry(version: version, representation: representation)
        }
    }

    var hitCount: Int { hits.load(ordering: .relaxed) }
    var missCount: Int { misses.load(ordering: .relaxed) }
}

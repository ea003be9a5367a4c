/// Strong entity tags (RFC 9110 §8.8.3) from the representation's bytes, so a resource that
/// did not change keeps its tag across writes elsewhere and across restarts.
public enum ETag {
    /// FNV-1a, 64 bits: fast, deterministic, and collisions between two versions of one
    /// resource are vanishingly unlikely.
    public static func of(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            hash ^= UInt64(b)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return "\"" + String(repeating: "0", count: 16 - hex.count) + hex + "\""
    }

    /// The gzip representation has other bytes, so it needs another strong tag.
    public static func gzipVariant(_ etag: String) -> String {
        guard etag.hasSuffix("\"") else { return etag }
        return String(etag.dropLast()) + "-gzip\""
    }

    /// If-None-Match uses the weak comparison (RFC 9110 §8.8.3.2): `W/` is ignored, and a tag
    /// of either content coding matches the resource. `elements` are the field's list
    /// elements across all its lines (`HTTPHeaders.list(.ifNoneMatch)`).
    public static func matches(ifNoneMatch elements: [String], etag: String) -> Bool {
        let target = normalize(etag)
        for tag in elements {
            if tag == "*" { return true }
            if normalize(tag) == target { return true }
        }
        return false
    }

    /// If-Match uses the strong comparison (RFC 9110 §8.8.3.2): a weak tag never matches. `*`
    /// matches any current representation; callers pass only existing ones.
    public static func matches(ifMatch elements: [String], etag: String) -> Bool {
        for tag in elements {
            if tag == "*" { return true }
            if !tag.hasPrefix("W/") && (tag == etag || tag == gzipVariant(etag)) { return true }
        }
        return false
    }

    static func normalize(_ tag: String) -> String {
        var t = tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag
        if t.hasSuffix("-gzip\"") { t = String(t.dropLast(6)) + "\"" }
        return t
    }
}

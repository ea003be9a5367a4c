/// Tells a UTF-16 or UTF-32 document from UTF-8 by its first bytes, so that a body or file in
/// another encoding is refused with a message naming that encoding rather than read as
/// garbage (RFC 8259 §8.1: JSON exchanged between systems is UTF-8; our CSV import is UTF-8).
///
/// A byte order mark names the encoding; without one, a text that starts with an ASCII
/// character (every JSON document and every CSV header does) shows the encoding by where its
/// zero bytes fall, as RFC 4627 §3 described.
public enum TextEncodingSniffer {
    /// The UTF-8 byte order mark, which RFC 8259 §8.1 lets a parser ignore.
    public static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// "UTF-16LE", "UTF-16BE", "UTF-32LE" or "UTF-32BE" when `bytes` look like one of those,
    /// nil otherwise (UTF-8, or too short to tell).
    public static func otherUnicodeEncoding(of bytes: some Collection<UInt8>) -> String? {
        let head = Array(bytes.prefix(4))
        func starts(_ prefix: [UInt8]) -> Bool { head.starts(with: prefix) }
        // UTF-32LE's BOM begins like UTF-16LE's, so the longer one is tried first.
        if starts([0x00, 0x00, 0xFE, 0xFF]) { return "UTF-32BE" }
        if starts([0xFF, 0xFE, 0x00, 0x00]) { return "UTF-32LE" }
        if starts([0xFE, 0xFF]) { return "UTF-16BE" }
        if starts([0xFF, 0xFE]) { return "UTF-16LE" }
        guard head.count >= 2 else { return nil }
        if head.count == 4 {
            if head[0] == 0, head[1] == 0, head[2] == 0, head[3] != 0 { return "UTF-32BE" }
            if head[0] != 0, head[1] == 0, head[2] == 0, head[3] == 0 { return "UTF-32LE" }
        }
        if head[0] == 0, head[1] != 0 { return "UTF-16BE" }
        if head[0] != 0, head[1] == 0 { return "UTF-16LE" }
        return nil
    }
}

import Foundation

/// A log line read back as fields, whichever format wrote it, so tests can say "the text and
/// the JSON line carry the same fields with the same values".
enum LogLine {
    /// A JSON line's object.
    static func json(_ line: String) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            throw RawClientError.malformed(line)
        }
        return object
    }

    /// A text line (`TIME key=value key="quoted \"json\" string" key=[…]`): the leading time
    /// as `time`, each value as JSON would give it (a bare number as a number, `-` as null,
    /// a quoted or bracketed value decoded as JSON, any other bare word as a string).
    static func text(_ line: String) throws -> [String: Any] {
        let bytes = Array(line.utf8)
        var fields: [String: Any] = [:]
        var i = bytes.firstIndex(of: UInt8(ascii: " ")) ?? bytes.count
        fields["time"] = String(decoding: bytes[0..<i], as: UTF8.self)
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: " ") else { throw RawClientError.malformed(line) }
            i += 1
            guard let equals = bytes[i...].firstIndex(of: UInt8(ascii: "=")) else { throw RawClientError.malformed(line) }
            let key = String(decoding: bytes[i..<equals], as: UTF8.self)
            i = equals + 1
            let start = i
            if i < bytes.count, [UInt8(ascii: "\""), UInt8(ascii: "["), UInt8(ascii: "{")].contains(bytes[i]) {
                // A JSON value: to the end of its string, or of its brackets (strings inside skipped).
                var depth = 0
                var inString = false
                repeat {
                    let b = bytes[i]
                    if inString {
                        if b == UInt8(ascii: "\\") { i += 1 } else if b == UInt8(ascii: "\"") { inString = false }
                    } else if b == UInt8(ascii: "\"") {
                        inString = true
                    } else if b == UInt8(ascii: "[") || b == UInt8(ascii: "{") {
                        depth += 1
                    } else if b == UInt8(ascii: "]") || b == UInt8(ascii: "}") {
                        depth -= 1
                    }
                    i += 1
                } while i < bytes.count && (inString || depth > 0)
                fields[key] = try JSONSerialization.jsonObject(with: Data(bytes[start..<i]), options: [.fragmentsAllowed])
            } else {
                while i < bytes.count, bytes[i] != UInt8(ascii: " ") { i += 1 }
                let word = String(decoding: bytes[start..<i], as: UTF8.self)
                fields[key] = word == "-" ? NSNull() : Int(word).map { $0 as Any } ?? Double(word).map { $0 as Any } ?? word
            }
        }
        return fields
    }

    /// Whether two parsed lines hold the same keys with the same values, `time` aside (two
    /// records are never written in the same millisecond for sure). Values compare by their
    /// numeric value when both are numbers (`0.000` in text is JSON's `0.000`), else by their
    /// description (strings, nulls, nested arrays).
    static func sameContent(_ a: [String: Any], _ b: [String: Any]) -> Bool {
        let keys = Set(a.keys).subtracting(["time"])
        guard keys == Set(b.keys).subtracting(["time"]) else { return false }
        return keys.allSatisfy { key in
            if let x = number(a[key]!), let y = number(b[key]!) { return x == y }
            return "\(a[key]!)" == "\(b[key]!)"
        }
    }

    private static func number(_ value: Any) -> Double? {
        if value is String { return nil }
        if let n = value as? Int { return Double(n) }
        return value as? Double
    }
}

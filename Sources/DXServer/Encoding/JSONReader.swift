import DXCore

/// A strict reader of request bodies into `JSONValue`, the one place where what a client sends
/// as JSON is judged before any field is looked at:
///
/// - UTF-8 only (RFC 8259 §8.1): a UTF-16 or UTF-32 body is refused naming its encoding, bytes
///   that are not UTF-8 are refused; a leading UTF-8 byte order mark is ignored, as §8.1 allows.
/// - I-JSON (RFC 7493): no member name twice in one object, at any depth (§2.3), no lone
///   surrogate in a string (§2.1).
/// - The RFC 8259 grammar exactly: no `NaN`, `Infinity`, comments, trailing commas, leading
///   zeros, or unescaped control characters in strings (§7).
///
/// A number too large for a `Double` (`1e400`) is not a syntax error: it reads as an infinite
/// `.number`, and the field it belongs to reports it (a 422 naming that field).
public enum JSONReader {
    /// Objects and arrays nested deeper than this are refused, so a hostile body cannot
    /// exhaust the stack; no document we accept nests beyond 5.
    public static let maxDepth = 64

    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// The body is in another Unicode encoding, e.g. "UTF-16LE".
        case notUTF8(encoding: String)
        /// The byte at `offset` does not begin or continue a valid UTF-8 sequence.
        case invalidUTF8(offset: Int)
        /// Not JSON at byte `offset`; `reason` says what was expected there.
        case syntax(offset: Int, reason: String)
        /// A member name appears twice in one object; `path` names it as field errors do
        /// (`kpi.name`, `questions[0].text`).
        case duplicateMember(path: String)
        case tooDeep

        public var description: String {
            switch self {
            case .notUTF8(let encoding): "The body is \(encoding); JSON must be sent as UTF-8 (RFC 8259 §8.1)."
            case .invalidUTF8(let offset): "The body is not valid UTF-8 (at byte \(offset)); JSON must be sent as UTF-8 (RFC 8259 §8.1)."
            case .syntax(let offset, let reason): "The body is not valid JSON: \(reason) at byte \(offset)."
            case .duplicateMember(let path): "The member '\(path)' appears more than once; each name may appear only once in an object (RFC 7493 §2.3)."
            case .tooDeep: "The body nests objects and arrays deeper than \(JSONReader.maxDepth) levels."
            }
        }
    }

    /// `bytes` without a leading UTF-8 byte order mark.
    public static func withoutBOM(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
        bytes.starts(with: TextEncodingSniffer.utf8BOM) ? bytes.dropFirst(3) : bytes[...]
    }

    /// Reads one JSON document, surrounded by optional whitespace.
    public static func read(_ bytes: [UInt8]) throws(Failure) -> JSONValue {
        if let encoding = TextEncodingSniffer.otherUnicodeEncoding(of: bytes) { throw .notUTF8(encoding: encoding) }
        let body = withoutBOM(bytes)
        if let offset = firstInvalidUTF8(body) { throw .invalidUTF8(offset: offset) }
        var parser = Parser(bytes: body)
        parser.skipWhitespace()
        let value = try parser.value(path: "", depth: 0)
        parser.skipWhitespace()
        guard parser.index == body.endIndex else { throw parser.error("unexpected text after the document") }
        return value
    }

    /// The offset of the first byte that breaks UTF-8, or nil when all of it is valid.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        if String(validating: bytes, as: UTF8.self) != nil { return nil }
        // Rare path: find where, for the message.
        var low = bytes.startIndex, high = bytes.endIndex
        while high - low > 1 {
            let mid = low + (high - low) / 2
            // A prefix cut inside a sequence is invalid too, so step back to a sequence start.
            var cut = mid
            while cut > low, bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
            if cut > low, String(validating: bytes[bytes.startIndex..<cut], as: UTF8.self) != nil {
                low = cut
            } else {
                high = mid
            }
        }
        return low - bytes.startIndex
    }

    struct Parser {
        let bytes: ArraySlice<UInt8>
        var index: Int

        init(bytes: ArraySlice<UInt8>) {
            self.bytes = bytes
            self.index = bytes.startIndex
        }

        func error(_ reason: String) -> Failure { .syntax(offset: index - bytes.startIndex, reason: reason) }

        var current: UInt8? { index < bytes.endIndex ? bytes[index] : nil }

        // RFC 8259 §2: the four whitespace characters, nothing else.
        mutating func skipWhitespace() {
            while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
        }

        mutating func expect(_ literal: String, _ value: JSONValue) throws(Failure) -> JSONValue {
            for byte in literal.utf8 {
                guard current == byte else { throw error("expected '\(literal)'") }
                index += 1
            }
            return value
        }

        mutating func value(path: String, depth: Int) throws(Failure) -> JSONValue {
            guard let byte = current else { throw error("unexpected end of the body") }
            switch byte {
            case UInt8(ascii: "{"): return try object(path: path, depth: depth + 1)
            case UInt8(ascii: "["): return try array(path: path, depth: depth + 1)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): return try expect("true", .bool(true))
            case UInt8(ascii: "f"): return try expect("false", .bool(false))
            case UInt8(ascii: "n"): return try expect("null", .null)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
            default: throw error("expected a value")
            }
        }

        mutating func object(path: String, depth: Int) throws(Failure) -> JSONValue {
            guard depth <= JSONReader.maxDepth else { throw .tooDeep }
            index += 1
            var members: [String: JSONValue] = [:]
            skipWhitespace()
            if current == UInt8(ascii: "}") {
                index += 1
                return .object(members)
            }
            while true {
                skipWhitespace()
                guard current == UInt8(ascii: "\"") else { throw error("expected a member name in quotes") }
                let name = try string()
                let memberPath = path.isEmpty ? name : path + "." + name
                // RFC 7493 §2.3: parsers disagree on which of two equal names wins, so a
                // document carrying both means different things to different readers.
                guard members[name] == nil else { throw .duplicateMember(path: memberPath) }
                skipWhitespace()
                guard current == UInt8(ascii: ":") else { throw error("expected ':' after a member name") }
                index += 1
                skipWhitespace()
                members[name] = try value(path: memberPath, depth: depth)
                skipWhitespace()
                switch current {
                case UInt8(ascii: ","): index += 1
                case UInt8(ascii: "}"):
                    index += 1
                    return .object(members)
                default: throw error("expected ',' or '}' in an object")
                }
            }
        }

        mutating func array(path: String, depth: Int) throws(Failure) -> JSONValue {
            guard depth <= JSONReader.maxDepth else { throw .tooDeep }
            index += 1
            var items: [JSONValue] = []
            skipWhitespace()
            if current == UInt8(ascii: "]") {
                index += 1
                return .array(items)
            }
            while true {
                skipWhitespace()
                items.append(try value(path: "\(path)[\(items.count)]", depth: depth))
                skipWhitespace()
                switch current {
                case UInt8(ascii: ","): index += 1
                case UInt8(ascii: "]"):
                    index += 1
                    return .array(items)
                default: throw error("expected ',' or ']' in an array")
                }
            }
        }

        /// RFC 8259 §7. The bytes were checked as UTF-8 beforehand, so only escapes need care.
        mutating func string() throws(Failure) -> String {
            index += 1
            var out: [UInt8] = []
            while true {
                guard let byte = current else { throw error("a string is never closed") }
                switch byte {
                case UInt8(ascii: "\""):
                    index += 1
                    return String(decoding: out, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    index += 1
                    guard let escaped = current else { throw error("a string is never closed") }
                    index += 1
                    switch escaped {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escaped)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "u"): out.append(contentsOf: String(try unicodeEscape()).utf8)
                    default:
                        index -= 1
                        throw error("unknown escape '\\\(Unicode.Scalar(escaped))'")
                    }
                case 0x00..<0x20:
                    throw error("a control character must be escaped inside a string")
                default:
                    out.append(byte)
                    index += 1
                }
            }
        }

        /// After `\u`: one scalar, from a surrogate pair where needed (RFC 7493 §2.1: a lone
        /// surrogate is not a character and is refused).
        mutating func unicodeEscape() throws(Failure) -> Unicode.Scalar {
            let first = try hex4()
            if (0xD800...0xDBFF).contains(first) {
                guard current == UInt8(ascii: "\\"), index + 1 < bytes.endIndex, bytes[index + 1] == UInt8(ascii: "u") else {
                    throw error("a high surrogate escape must be followed by a low one")
                }
                index += 2
                let second = try hex4()
                guard (0xDC00...0xDFFF).contains(second) else { throw error("a high surrogate escape must be followed by a low one") }
                let value = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                guard let scalar = Unicode.Scalar(value) else { throw error("not a Unicode scalar") }
                return scalar
            }
            guard let scalar = Unicode.Scalar(first) else { throw error("a lone low surrogate escape") }
            return scalar
        }

        mutating func hex4() throws(Failure) -> UInt32 {
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let byte = current, let digit = QueryParameters.hexValue(byte) else {
                    throw error("expected four hex digits after \\u")
                }
                value = value << 4 | UInt32(digit)
                index += 1
            }
            return value
        }

        /// RFC 8259 §6: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
        mutating func number() throws(Failure) -> JSONValue {
            let start = index
            func isDigit(_ byte: UInt8?) -> Bool { byte.map { (0x30...0x39).contains($0) } ?? false }
            if current == UInt8(ascii: "-") { index += 1 }
            guard isDigit(current) else { throw error("expected a digit") }
            if current == UInt8(ascii: "0") {
                index += 1
                if isDigit(current) { throw error("a number may not have leading zeros") }
            } else {
                while isDigit(current) { index += 1 }
            }
            if current == UInt8(ascii: ".") {
                index += 1
                guard isDigit(current) else { throw error("expected a digit after the decimal point") }
                while isDigit(current) { index += 1 }
            }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                index += 1
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
                guard isDigit(current) else { throw error("expected a digit in the exponent") }
                while isDigit(current) { index += 1 }
            }
            let lexeme = String(decoding: bytes[start..<index], as: UTF8.self)
            // Double(_:) rounds to the nearest value and gives ±infinity beyond the range.
            let negative = bytes[start] == UInt8(ascii: "-")
            let value = Double(lexeme) ?? (negative ? -.infinity : .infinity)
            // -0 (also `-0.0`, or `-1e-400` rounded) is 0: SQLite keeps no sign on a zero, so the
            // answer to a write would otherwise say -0 where every later read says 0.
            return .number(value == 0 ? 0 : value)
        }
    }
}

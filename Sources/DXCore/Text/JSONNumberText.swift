/// A decimal number from outside written as JSON writes one (RFC 8259 §6):
/// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, and finite. A CSV import's value
/// cells (KPI targets, actuals, measurements) read through here so a file refuses the same
/// spellings a JSON body does: `.5`, `1.`, `+1`, ` 1`, `01`, `0x10`, `nan`, `inf`, full-width
/// digits, and `1e400` (beyond a Double: infinite).
public enum JSONNumberText {
    /// The value of `raw`, or nil when it is not a JSON number or not finite. `-0` reads as 0
    /// (SQLite keeps no sign on a zero, as the JSON reader does).
    public static func parse(_ raw: some StringProtocol) -> Double? {
        let bytes = Array(raw.utf8)
        var i = 0
        func isDigit(_ at: Int) -> Bool { at < bytes.count && (0x30...0x39).contains(bytes[at]) }
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard isDigit(i) else { return nil }
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
            if isDigit(i) { return nil }
        } else {
            while isDigit(i) { i += 1 }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard isDigit(i) else { return nil }
            while isDigit(i) { i += 1 }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard isDigit(i) else { return nil }
            while isDigit(i) { i += 1 }
        }
        guard i == bytes.count, let value = Double(String(decoding: bytes, as: UTF8.self)), value.isFinite else { return nil }
        return value == 0 ? 0 : value
    }
}

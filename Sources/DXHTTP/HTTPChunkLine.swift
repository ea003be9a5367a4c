/// The line that starts each chunk (RFC 9112 §7.1): `chunk-size [ chunk-ext ]`, given
/// without its CRLF. Extensions are validated and dropped: nothing here uses them.
package enum HTTPChunkLine {
    /// Longer lines are refused: extensions are tiny in practice, and an unbounded line
    /// would let a client park unlimited bytes outside the body limit.
    package static let maxLength = 4096

    /// 15 hex digits already exceed any body limit; more could overflow Int.
    static let maxSignificantDigits = 15

    static func parse(_ line: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> Int {
        // RFC 9112 §7.1: chunk-size = 1*HEXDIG. Leading zeros are fine ("000" ends the body).
        var i = 0
        var size = 0
        var significant = 0
        while i < line.count, let digit = HTTPByte.hexValue(line[i]) {
            if size > 0 || digit > 0 { significant += 1 }
            guard significant <= maxSignificantDigits else { throw .invalidChunkSize }
            size = size << 4 | digit
            i += 1
        }
        guard i > 0 else { throw .invalidChunkSize }
        // Whitespace (RFC 9112 §7.1.1 BWS) is refused, as llhttp's strict mode does: it
        // lets a lenient and a strict parser disagree about where a chunk ends.
        guard i == line.count || line[i] == UInt8(ascii: ";") else { throw .invalidChunkSize }
        try validateExtensions(UnsafeBufferPointer(rebasing: line[i...]))
        return size
    }

    /// chunk-ext = *( ";" chunk-ext-name [ "=" chunk-ext-val ] ), name a token, value a
    /// token or quoted-string (RFC 9112 §7.1.1).
    private static func validateExtensions(_ ext: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) {
        var i = 0
        while i < ext.count {
            guard ext[i] == UInt8(ascii: ";") else { throw .invalidChunkExtension }
            i += 1
            let nameStart = i
            while i < ext.count, HTTPByte.isTchar(ext[i]) { i += 1 }
            guard i > nameStart else { throw .invalidChunkExtension }
            guard i < ext.count, ext[i] == UInt8(ascii: "=") else { continue }
            i += 1
            guard i < ext.count else { throw .invalidChunkExtension }
            if ext[i] == UInt8(ascii: "\"") {
                i = try endOfQuotedString(ext, openingQuote: i)
            } else {
                let valueStart = i
                while i < ext.count, HTTPByte.isTchar(ext[i]) { i += 1 }
                guard i > valueStart else { throw .invalidChunkExtension }
            }
        }
    }

    /// RFC 9110 §5.6.4: quoted-string = DQUOTE *( qdtext / quoted-pair ) DQUOTE.
    /// Returns the index just past the closing quote.
    private static func endOfQuotedString(_ ext: UnsafeBufferPointer<UInt8>, openingQuote: Int) throws(HTTPParseError) -> Int {
        var i = openingQuote + 1
        while i < ext.count {
            let b = ext[i]
            if b == UInt8(ascii: "\"") { return i + 1 }
            if b == UInt8(ascii: "\\") {
                i += 1
                guard i < ext.count, HTTPByte.isFieldValueByte(ext[i]) else { throw .invalidChunkExtension }
            } else {
                guard HTTPByte.isFieldValueByte(b) else { throw .invalidChunkExtension }
            }
            i += 1
        }
        throw .invalidChunkExtension
    }
}

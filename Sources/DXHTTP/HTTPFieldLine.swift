/// One field line of a header or trailer section (RFC 9112 §5):
/// `field-name ":" OWS field-value OWS`, given without its CRLF.
struct HTTPFieldLine {
    /// Byte ranges within the line, so callers can inspect special fields without Strings.
    var nameEnd: Int
    var valueStart: Int
    var valueEnd: Int

    static func parse(_ line: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> HTTPFieldLine {
        // RFC 9112 §5.2: a line starting with SP/HTAB is obs-fold, which a server may reject;
        // we do, since unfolding rules differ between parsers (a request smuggling vector).
        guard let first = line.first, !HTTPByte.isWhitespace(first) else {
            throw line.isEmpty ? .invalidHeaderName : .obsoleteLineFolding
        }
        var i = 0
        while i < line.count, HTTPByte.isTchar(line[i]) { i += 1 }
        let nameEnd = i
        guard nameEnd > 0, nameEnd < line.count else { throw .invalidHeaderName }
        if line[i] != UInt8(ascii: ":") {
            // RFC 9112 §5.1: no whitespace is allowed between the field name and colon; a
            // server MUST reject such a request with 400.
            if HTTPByte.isWhitespace(line[i]) { throw .whitespaceBeforeColon }
            throw .invalidHeaderName
        }
        i += 1

        // RFC 9110 §5.5: OWS around the value is not part of it; CTLs (except HTAB) and DEL
        // are not allowed anywhere in it. obs-text is kept.
        var valueStart = i
        while valueStart < line.count, HTTPByte.isWhitespace(line[valueStart]) { valueStart += 1 }
        var valueEnd = valueStart
        var j = valueStart
        while j < line.count {
            let b = line[j]
            guard HTTPByte.isFieldValueByte(b) else { throw .invalidHeaderValue }
            j += 1
            if !HTTPByte.isWhitespace(b) { valueEnd = j }
        }
        return HTTPFieldLine(nameEnd: nameEnd, valueStart: valueStart, valueEnd: valueEnd)
    }

    func name(in line: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: line[0..<nameEnd])
    }

    func value(in line: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: line[valueStart..<valueEnd])
    }
}

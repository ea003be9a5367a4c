/// One record of a CSV file and the physical line it starts on (1-based), for error reports
/// a spreadsheet user can find.
public struct CSVRecord: Sendable, Equatable {
    public var line: Int
    public var fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}

public enum CSVReaderError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidUTF8(line: Int)
    /// The whole file is in another Unicode encoding, e.g. "UTF-16LE" (Excel's "Unicode text").
    case notUTF8(encoding: String)
    /// A quoted field still open at the end of the file.
    case unterminatedQuote(line: Int)
    /// A quote inside an unquoted field, or text after a closing quote.
    case strayQuote(line: Int)

    public var description: String {
        switch self {
        case .invalidUTF8(let line): "line \(line): the file is not valid UTF-8 here; save it as UTF-8 (CSV UTF-8 in Excel)"
        case .notUTF8(let encoding): "the file is \(encoding), not UTF-8; save it as UTF-8 (CSV UTF-8 in Excel)"
        case .unterminatedQuote(let line): "line \(line): a quoted field is never closed"
        case .strayQuote(let line): "line \(line): a quote in the middle of a field; put the whole field in quotes and double the inner quotes"
        }
    }
}

/// RFC 4180 reading: fields separated by commas, records by CRLF (LF or a lone CR also
/// accepted, as spreadsheets write them), quoted fields holding commas, line breaks and
/// doubled quotes. A leading UTF-8 BOM is skipped; blank lines are skipped. The file must be
/// UTF-8: UTF-16 and UTF-32 are refused by name, other bytes by the line they are on.
public enum CSVReader {
    public static func read(_ input: [UInt8]) throws(CSVReaderError) -> [CSVRecord] {
        // Without this, UTF-16 text of ASCII letters would pass as UTF-8 full of NUL bytes.
        if let encoding = TextEncodingSniffer.otherUnicodeEncoding(of: input) { throw .notUTF8(encoding: encoding) }
        var bytes = input[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr: UInt8 = 0x0D, lf: UInt8 = 0x0A

        var records: [CSVRecord] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var wasQuoted = false

        func finishField() throws(CSVReaderError) {
            guard let text = String(validating: field, as: UTF8.self) else { throw .invalidUTF8(line: line) }
            fields.append(text)
            field.removeAll(keepingCapacity: true)
            wasQuoted = false
        }
        func finishRecord() {
            // A blank line is one empty field: not a record.
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(CSVRecord(line: recordLine, fields: fields)) }
            fields.removeAll(keepingCapacity: true)
        }

        var i = bytes.startIndex
        while i < bytes.endIndex {
            let byte = bytes[i]
            let next = bytes.index(after: i) < bytes.endIndex ? bytes[bytes.index(after: i)] : nil
            if inQuotes {
                if byte == quote {
                    if next == quote {
                        field.append(quote)
                        i = bytes.index(i, offsetBy: 2)
                        continue
                    }
                    inQuotes = false
                } else {
                    // Line breaks inside quotes are kept as written, and still counted.
                    if byte == lf || (byte == cr && next != lf) { line += 1 }
                    field.append(byte)
                }
                i = bytes.index(after: i)
                continue
            }
            switch byte {
            case comma:
                try finishField()
            case cr, lf:
                try finishField()
                finishRecord()
                if byte == cr && next == lf { i = bytes.index(after: i) }
                line += 1
                recordLine = line
            case quote:
                guard field.isEmpty && !wasQuoted else { throw .strayQuote(line: line) }
                inQuotes = true
                wasQuoted = true
            default:
                if wasQuoted { throw .strayQuote(line: line) }
                field.append(byte)
            }
            i = bytes.index(after: i)
        }
        if inQuotes { throw .unterminatedQuote(line: recordLine) }
        if !field.isEmpty || !fields.isEmpty || wasQuoted {
            try finishField()
            finishRecord()
        }
        return records
    }
}

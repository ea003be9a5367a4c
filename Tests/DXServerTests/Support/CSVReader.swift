/// A minimal RFC 4180 reader for checking what the server writes: quoted fields may hold
/// commas, doubled quotes and line breaks; records end in CRLF. Not lenient on purpose: bad
/// quoting is an error, so a writer bug cannot hide behind a forgiving parser.
enum CSVReader {
    enum Failure: Error, Equatable {
        case quoteInsideUnquotedField(record: Int)
        case textAfterClosingQuote(record: Int)
        case unterminatedQuote
        case bareLineFeed(record: Int)
    }

    static func records(_ text: String) throws(Failure) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var scalars = Array(text.unicodeScalars)[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        var atFieldStart = true
        while let c = scalars.popFirst() {
            switch c {
            case "\"" where atFieldStart:
                atFieldStart = false
                var closed = false
                while let q = scalars.popFirst() {
                    if q == "\"" {
                        if scalars.first == "\"" {
                            scalars.removeFirst()
                            field.unicodeScalars.append("\"")
                        } else {
                            closed = true
                            break
                        }
                    } else {
                        field.unicodeScalars.append(q)
                    }
                }
                guard closed else { throw .unterminatedQuote }
                if let next = scalars.first, next != ",", next != "\r" { throw .textAfterClosingQuote(record: records.count) }
            case "\"":
                throw .quoteInsideUnquotedField(record: records.count)
            case ",":
                record.append(field)
                field = ""
                atFieldStart = true
            case "\r" where scalars.first == "\n":
                scalars.removeFirst()
                record.append(field)
                records.append(record)
                record = []
                field = ""
                atFieldStart = true
            case "\n":
                throw .bareLineFeed(record: records.count)
            default:
                atFieldStart = false
                field.unicodeScalars.append(c)
            }
        }
        if !atFieldStart || !field.isEmpty || !record.isEmpty {
            record.append(field)
            records.append(record)
        }
        return records
    }

    /// Records after the header, each as a dictionary keyed by column name.
    static func table(_ text: String) throws -> (header: [String], rows: [[String: String]]) {
        let all = try records(text)
        guard let header = all.first else { return ([], []) }
        let rows = all.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
        return (header, rows)
    }
}

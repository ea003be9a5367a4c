/// A row type that can be written as CSV: the same fields a client sees in JSON, flattened.
public protocol CSVRepresentable {
    static var csvHeader: [String] { get }
    var csvRow: [String] { get }
}

/// RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote, CR or LF, quotes
/// doubled. An optional UTF-8 BOM makes spreadsheet programs read Japanese correctly.
public enum CSVWriter {
    public static func write(header: [String], rows: [[String]], bom: Bool) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64 * (rows.count + 1))
        if bom { out.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
        writeRow(header, to: &out)
        for row in rows { writeRow(row, to: &out) }
        return out
    }

    public static func write<T: CSVRepresentable>(_ items: [T], bom: Bool) -> [UInt8] {
        write(header: T.csvHeader, rows: items.map(\.csvRow), bom: bom)
    }

    static func writeRow(_ fields: [String], to out: inout [UInt8]) {
        for (i, field) in fields.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            let needsQuotes = field.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0D || $0 == 0x0A }
            if needsQuotes {
                out.append(UInt8(ascii: "\""))
                for byte in field.utf8 {
                    if byte == UInt8(ascii: "\"") { out.append(byte) }
                    out.append(byte)
                }
                out.append(UInt8(ascii: "\""))
            } else {
                out.append(contentsOf: field.utf8)
            }
        }
        out.append(contentsOf: [0x0D, 0x0A])
    }
}

import DXCore

/// A row type that can be written as CSV: the same fields a client sees in JSON, flattened.
public protocol CSVRepresentable {
    static var csvHeader: [String] { get }
    /// The columns (names from `csvHeader`) that hold numbers. Their cells are written as they
    /// are in both flavours, so `-3` stays a number in a spreadsheet; every other column is
    /// text, and neutralised in the spreadsheet flavour (see `CSVWriter`). Defaults to none,
    /// which errs on the safe side: a forgotten number column shows `'-3` rather than a
    /// formula running.
    static var csvNumberColumns: Set<String> { get }
    /// Column name → Japanese label, for `?header=ja` (spreadsheet users). Every column of
    /// `csvHeader` has one; the English names stay the default, since programs key on them.
    static var csvJapaneseLabels: [String: String] { get }
    var csvRow: [String] { get }
}

/// The language of a CSV header row (`?header=en|ja`).
public enum CSVHeaderLanguage: String, Sendable, CaseIterable {
    case en
    case ja

    /// The header row of `T` in this language; a column without a label keeps its name.
    public func header<T: CSVRepresentable>(of type: T.Type) -> [String] {
        switch self {
        case .en: T.csvHeader
        case .ja: T.csvHeader.map { T.csvJapaneseLabels[$0] ?? $0 }
        }
    }
}

extension CSVRepresentable {
    public static var csvNumberColumns: Set<String> { [] }
}

/// RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote, CR or LF, quotes
/// doubled. Two flavours:
///
/// - Plain (the default): every cell byte for byte as stored, for programs.
/// - Spreadsheet (`bom: true`, `?bom=1`): a UTF-8 BOM so spreadsheet programs read Japanese
///   correctly, and every text cell that begins with `=`, `+`, `-`, `@`, TAB or CR gets a
///   leading `'`, so Excel or LibreOffice shows it as text instead of running it as a formula
///   (OWASP "CSV Injection", CWE-1236). Number columns are left alone.
public enum CSVWriter {
    public static func write(header: [String], rows: [[String]], bom: Bool, numberColumns: Set<Int> = []) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64 * (rows.count + 1))
        if bom { out.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
        writeRow(header, to: &out, neutralize: bom, numberColumns: [])
        for row in rows { writeRow(row, to: &out, neutralize: bom, numberColumns: numberColumns) }
        return out
    }

    public static func write<T: CSVRepresentable>(_ items: [T], bom: Bool, header: CSVHeaderLanguage = .en) -> [UInt8] {
        write(header: header.header(of: T.self), rows: items.map(\.csvRow), bom: bom, numberColumns: numberColumns(of: T.self))
    }

    /// The indices of `T`'s number columns (left alone by the spreadsheet flavour).
    public static func numberColumns<T: CSVRepresentable>(of type: T.Type) -> Set<Int> {
        Set(T.csvHeader.indices.filter { T.csvNumberColumns.contains(T.csvHeader[$0]) })
    }

    /// Appends the rows of `items` (no header) to `out`: the body of one chunk of a streamed
    /// CSV, byte for byte what `write` makes of the same rows.
    public static func appendRows<T: CSVRepresentable>(_ items: [T], to out: inout [UInt8], bom: Bool, numberColumns: Set<Int>) {
        for item in items { writeRow(item.csvRow, to: &out, neutralize: bom, numberColumns: numberColumns) }
    }

    /// The start of a CSV: the BOM when asked for, and the header row.
    public static func start<T: CSVRepresentable>(of type: T.Type, bom: Bool, header: CSVHeaderLanguage) -> [UInt8] {
        var out: [UInt8] = bom ? [0xEF, 0xBB, 0xBF] : []
        writeRow(header.header(of: T.self), to: &out, neutralize: bom, numberColumns: [])
        return out
    }

    /// `field` as a spreadsheet will show it: prefixed with `'` when it would start a formula
    /// (or is `'`s before one, so that the imports can undo it exactly: `SpreadsheetCell`).
    static func neutralized(_ field: String) -> String { SpreadsheetCell.neutralized(field) }

    static func writeRow(_ fields: [String], to out: inout [UInt8], neutralize: Bool, numberColumns: Set<Int>) {
        for (i, raw) in fields.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            let field = neutralize && !numberColumns.contains(i) ? neutralized(raw) : raw
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

/// The spreadsheet flavour of the CSV exports (`?bom=1`) keeps a spreadsheet program from
/// running a text cell as a formula (OWASP "CSV Injection", CWE-1236) by prefixing `'`; the
/// imports undo it, so such an export imports back as it was (issue 12's round trip).
///
/// The rule is a bijection: a cell that is any number of `'` followed by a formula trigger
/// (`=`, `+`, `-`, `@`, TAB, CR) gets one more `'`; every other cell is left alone. So `=1`
/// is written `'=1`, `'=1` is written `''=1`, and `'quoted` stays as it is — and removing one
/// `'` from exactly the cells of that shape restores every cell.
public enum SpreadsheetCell {
    /// The first characters that make a spreadsheet program read a cell as a formula.
    public static let formulaTriggers: Set<UInt8> = [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D]

    /// Whether `cell` is zero or more `'` followed by a formula trigger.
    static func isGuarded(_ cell: String) -> Bool {
        guard let first = cell.utf8.first(where: { $0 != UInt8(ascii: "'") }) else { return false }
        return formulaTriggers.contains(first)
    }

    /// `cell` as the spreadsheet flavour writes it.
    public static func neutralized(_ cell: String) -> String {
        isGuarded(cell) ? "'" + cell : cell
    }

    /// The cell `neutralized` was given, from what it wrote.
    public static func restored(_ cell: String) -> String {
        guard cell.utf8.first == UInt8(ascii: "'"), isGuarded(cell) else { return cell }
        return String(decoding: cell.utf8.dropFirst(), as: UTF8.self)
    }
}

/// Reading a number cell of an import file (`dxserve import projects|measurements|budget`),
/// one way for all three. A cell that is empty or only spaces is absent (the column's default,
/// or "is required"); any other cell must be the number's one spelling, as written, spaces
/// included: an integer as `CanonicalInteger` (so `02024`, `+1`, ` 1`, `1.0`, `1e3`, `２０２４`
/// and `-0` are refused), a decimal as a JSON number (`JSONNumberText`: `.5`, `1.`, `+1`,
/// ` 1` and `1e400` are refused). A refused cell is a `FieldIssue` for its column, which the
/// import reports with the row's line; the import then writes nothing (all or nothing).
enum ImportCell {
    /// Whether `cell` holds nothing but spaces (an absent value).
    static func isEmpty(_ cell: String?) -> Bool {
        cell?.utf8.allSatisfy { $0 == 0x20 } ?? true
    }

    /// A whole number of at most `maxDigits` digits, nil when absent or refused (then an issue
    /// names `field`).
    static func integer(_ cell: String?, _ field: String, maxDigits: Int = 9, _ issues: inout [FieldIssue]) -> Int? {
        guard let cell, !isEmpty(cell) else { return nil }
        guard let value = CanonicalInteger.parse(cell, maxDigits: maxDigits) else {
            issues.append(FieldIssue(field: field, message: "must be a whole number of at most \(maxDigits) digits written plainly, like 2024 "
                                     + "(no sign, leading zero, space, fraction, exponent or full-width digit)\(quoted(cell))"))
            return nil
        }
        return value
    }

    /// A finite decimal number written as JSON writes one, nil when absent or refused (then an
    /// issue names `field`).
    static func number(_ cell: String?, _ field: String, _ issues: inout [FieldIssue]) -> Double? {
        guard let cell, !isEmpty(cell) else { return nil }
        guard let value = JSONNumberText.parse(cell) else {
            issues.append(FieldIssue(field: field, message: "must be a finite number written as JSON writes one, like 12, -0.5 or 1.5e3 "
                                     + "(no space, leading +, leading zero or bare decimal point)\(quoted(cell))"))
            return nil
        }
        return value
    }

    /// `, not '…'` for a message, or nothing when the cell holds a character that must not reach
    /// a message or a terminal (`ControlCharacters`), or is too long to be worth repeating.
    /// An invisible character (`BlankText`: U+200B, U+FEFF, U+3000, …; not the plain space,
    /// which shows between the quotes) is written by its name, `<U+200B>`: `not '2024'` for a
    /// cell of `2024` and a zero width space would leave the reader nothing to fix.
    static func quoted(_ cell: String) -> String {
        guard cell.unicodeScalars.count <= 40, ControlCharacters.firstForbidden(in: cell) == nil else { return "" }
        var shown = ""
        for scalar in cell.unicodeScalars {
            if scalar != " " && BlankText.isInvisible(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                shown += "<U+\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex)>"
            } else {
                shown.unicodeScalars.append(scalar)
            }
        }
        return ", not '\(shown)'"
    }
}

/// The C0 control characters (U+0000–U+001F) and DEL (U+007F), which text from outside never
/// carries: SQLite's `length()` and string functions stop at NUL, and the others are invisible
/// in every place the text is shown. TAB, LF and CR are let through only in fields documented
/// as multi-line (see `ProjectValidator` and `SurveyValidator` for which fields those are).
public enum ControlCharacters {
    /// How a field treats TAB, LF and CR.
    public enum Lines: Sendable {
        /// One line of text: every control character is refused, TAB, LF and CR included.
        case single
        /// Free text over several lines: TAB, LF and CR are allowed, the rest refused.
        case multi
    }

    /// True for U+0000–U+001F and U+007F.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F
    }

    /// The first character `text` may not carry as a field of kind `lines`, or nil.
    public static func firstForbidden(in text: some StringProtocol, lines: Lines = .single) -> Unicode.Scalar? {
        text.unicodeScalars.first { scalar in
            guard isControl(scalar) else { return false }
            if case .multi = lines, scalar == "\t" || scalar == "\n" || scalar == "\r" { return false }
            return true
        }
    }

    /// `U+0000`: how a refused character is named in a message (never the character itself,
    /// which would carry the same trouble into a log or a terminal).
    public static func name(of scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// The message for a field holding `text`, or nil when it is clean:
    /// "must not contain control characters (U+0000 found)".
    public static func problem(in text: some StringProtocol, lines: Lines = .single) -> String? {
        guard let scalar = firstForbidden(in: text, lines: lines) else { return nil }
        switch lines {
        case .single: return "must not contain control characters, line breaks or tabs (\(name(of: scalar)) found)"
        case .multi: return "must not contain control characters other than tab and line breaks (\(name(of: scalar)) found)"
        }
    }
}

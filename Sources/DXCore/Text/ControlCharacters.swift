/// The control characters (Unicode general category Cc: C0 U+0000–U+001F, DEL U+007F and C1
/// U+0080–U+009F), which text from outside never carries: SQLite's `length()` and string
/// functions stop at NUL, and the others are invisible in every place the text is shown (a C1
/// character is almost always Windows-1252 text decoded as Latin-1). TAB, LF and CR are let
/// through only in fields documented as multi-line (see `ProjectValidator` and
/// `SurveyValidator` for which fields those are), and so are the Unicode line and paragraph
/// separators U+2028 and U+2029, which are line breaks too: a single-line field refuses them.
///
/// The bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) are
/// refused in every stored field too, single- or multi-line: they reorder how the text around
/// them reads in pages, CSV viewers and terminals, so what a reviewer sees is not what is
/// stored ("Trojan Source", CVE-2021-42574). The plan's text is Japanese and ASCII and needs
/// none of them; the marks U+200E and U+200F, which reorder nothing around them, are kept.
///
/// Other Unicode spaces (U+00A0, U+2000–U+200A, U+3000, …) are ordinary text and kept as
/// written; a search (`SearchQuery`) splits terms on them and on U+2028/U+2029.
public enum ControlCharacters {
    /// How a field treats TAB, LF, CR, U+2028 and U+2029.
    public enum Lines: Sendable {
        /// One line of text: every control character is refused, TAB, LF, CR and the Unicode
        /// line and paragraph separators included.
        case single
        /// Free text over several lines: TAB, LF, CR, U+2028 and U+2029 are allowed, the rest
        /// refused.
        case multi
    }

    /// True for U+0000–U+001F, U+007F and U+0080–U+009F (general category Cc).
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// True for U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR (categories Zl, Zp).
    public static func isLineSeparator(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0x2028 || scalar.value == 0x2029
    }

    /// True for the bidirectional embeddings and overrides U+202A–U+202E (LRE, RLE, PDF, LRO,
    /// RLO) and the isolates U+2066–U+2069 (LRI, RLI, FSI, PDI); not for the marks U+200E, U+200F.
    public static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// The first control character in `text` (`isControl`), or nil: for text that is never
    /// stored or shown as lines (query parameters, path segments), where TAB is refused and
    /// a line separator is no worse than any other character.
    public static func firstControl(in text: some StringProtocol) -> Unicode.Scalar? {
        text.unicodeScalars.first(where: isControl)
    }

    /// The first character `text` may not carry as a stored field of kind `lines` (a control
    /// character, a bidirectional control, or a line break in a single-line field), or nil.
    public static func firstForbidden(in text: some StringProtocol, lines: Lines = .single) -> Unicode.Scalar? {
        text.unicodeScalars.first { scalar in
            if isBidiControl(scalar) { return true }
            if isLineSeparator(scalar), case .single = lines { return true }
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
    /// "must not contain control characters, line breaks or tabs (U+0000 found)", or
    /// "must not contain bidirectional control characters (U+202E found)".
    public static func problem(in text: some StringProtocol, lines: Lines = .single) -> String? {
        guard let scalar = firstForbidden(in: text, lines: lines) else { return nil }
        if isBidiControl(scalar) { return "must not contain bidirectional control characters (\(name(of: scalar)) found)" }
        switch lines {
        case .single: return "must not contain control characters, line breaks or tabs (\(name(of: scalar)) found)"
        case .multi: return "must not contain control characters other than tab and line breaks (\(name(of: scalar)) found)"
        }
    }
}

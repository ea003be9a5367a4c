/// Text that shows nothing, which a required field refuses as it refuses empty text ("must
/// not be empty"): every scalar is white space (Unicode White_Space: spaces of every width,
/// U+3000 included, and line breaks), a format character (general category Cf: U+200B ZERO
/// WIDTH SPACE, U+2060 WORD JOINER, U+FEFF, U+00AD SOFT HYPHEN, the bidi marks, …) or another
/// default-ignorable code point (Hangul fillers U+115F/U+3164, variation selectors, U+034F),
/// which a renderer draws as nothing. A title of only U+200B would otherwise be a project
/// whose name is an invisible link in every list.
///
/// `ProjectValidator.check` (projects, their KPI, KPIs, measurement notes) and
/// `SurveyValidator.text` ask here, so every required text field of every write route and
/// import has the one rule.
public enum BlankText {
    /// Whether `text` has no visible character (the empty string included).
    public static func isBlank(_ text: some StringProtocol) -> Bool {
        text.unicodeScalars.allSatisfy(isInvisible)
    }

    /// White space, a format character or a default-ignorable code point.
    public static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        return properties.isWhitespace || properties.generalCategory == .format || properties.isDefaultIgnorableCodePoint
    }
}

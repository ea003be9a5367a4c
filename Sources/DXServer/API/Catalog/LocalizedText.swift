/// A text in Japanese and English: the two languages the catalog describes everything in
/// (`@language` "ja" and "en" in JSON-LD).
public struct LocalizedText: Sendable, Equatable {
    public var ja: String
    public var en: String

    public init(ja: String, en: String) {
        self.ja = ja
        self.en = en
    }
}

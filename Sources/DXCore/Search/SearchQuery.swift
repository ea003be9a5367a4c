/// A piece of SQL with the arguments for its `?` placeholders, in order.
public struct SQLFragment: Sendable, Equatable {
    public var sql: String
    public var arguments: [SQLiteValue]

    public init(_ sql: String, _ arguments: [SQLiteValue] = []) {
        self.sql = sql
        self.arguments = arguments
    }
}

/// A user's free-text search, split into terms that must all match (AND).
///
/// Terms of three or more characters go to an FTS5 `trigram` index; shorter ones (`AI`,
/// `農業`) cannot be matched by trigrams and fall back to `LIKE` over the text. User input is
/// only ever bound as a value: FTS terms are quoted as strings, LIKE patterns escaped, so
/// `OR`, `*`, `"`, `%` and `_` are searched for literally.
public struct SearchQuery: Sendable, Equatable {
    /// The trigram tokenizer indexes runs of three characters (Unicode code points).
    public static let trigramLength = 3

    public let terms: [String]

    /// Folds `raw` as the index is folded (`SearchText.fold`: NFKC, lower case) and splits it
    /// on separators (`isSeparator`); nil when nothing is left. Control characters never get
    /// here: the query parser refuses them (400), C1 and TAB included.
    public init?(_ raw: String?) {
        guard let raw else { return nil }
        let terms = SearchText.fold(raw).split(whereSeparator: Self.isSeparator).map(String.init)
        guard !terms.isEmpty else { return nil }
        self.terms = terms
    }

    /// What separates search terms: every Unicode White_Space character (the ASCII space, the
    /// no-break and typographic spaces U+00A0, U+2000–U+200A, U+202F, U+205F, the ideographic
    /// space U+3000, the line and paragraph separators U+2028/U+2029), and the invisible word
    /// boundaries U+200B, U+2060 and U+FEFF that text copied from web pages carries, which
    /// would otherwise make a term match nothing without any visible reason.
    public static func isSeparator(_ character: Character) -> Bool {
        if character.isWhitespace { return true }
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else { return false }
        return scalar.value == 0x200B || scalar.value == 0x2060 || scalar.value == 0xFEFF
    }

    /// Terms long enough for the trigram index.
    public var indexedTerms: [String] { terms.filter { $0.unicodeScalars.count >= Self.trigramLength } }
    /// Terms too short for the trigram index, matched with LIKE instead.
    public var shortTerms: [String] { terms.filter { $0.unicodeScalars.count < Self.trigramLength } }

    /// An FTS5 MATCH expression ANDing every indexed term as a quoted string, or nil when
    /// there are none.
    public var matchExpression: String? {
        let indexed = indexedTerms
        return indexed.isEmpty ? nil : indexed.map(Self.quotedForFTS).joined(separator: " AND ")
    }

    /// `term` as an FTS5 string literal: inside double quotes nothing is syntax, and a double
    /// quote is written twice.
    public static func quotedForFTS(_ term: String) -> String {
        "\"" + term.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A LIKE pattern matching any text containing `term`, for use with `ESCAPE '\'`.
    public static func likePattern(containing term: String) -> String {
        var pattern = "%"
        for character in term {
            if character == "\\" || character == "%" || character == "_" { pattern.append("\\") }
            pattern.append(character)
        }
        return pattern + "%"
    }

    /// A boolean SQL condition true for rows matching every term.
    ///
    /// - Parameters:
    ///   - key: the expression identifying the row in the outer query, e.g. `m.code`.
    ///   - ftsTable: the FTS5 table, with a column `ftsKey` holding that same key; its columns
    ///     hold the folded text (`SearchText`).
    ///   - text: an expression over the FTS table's columns LIKE-searched for short terms,
    ///     e.g. `title`: the folded text, so short terms match across forms as long ones do.
    ///
    /// The three names are SQL written by the caller, never user input.
    public func condition(key: String, ftsTable: String, ftsKey: String, text: String) -> SQLFragment {
        var clauses: [String] = []
        var arguments: [SQLiteValue] = []
        if let match = matchExpression {
            clauses.append("\(key) IN (SELECT \(ftsKey) FROM \(ftsTable) WHERE \(ftsTable) MATCH ?)")
            arguments.append(.text(match))
        }
        for term in shortTerms {
            clauses.append("\(key) IN (SELECT \(ftsKey) FROM \(ftsTable) WHERE \(text) LIKE ? ESCAPE '\\')")
            arguments.append(.text(Self.likePattern(containing: term)))
        }
        return SQLFragment("(" + clauses.joined(separator: " AND ") + ")", arguments)
    }
}

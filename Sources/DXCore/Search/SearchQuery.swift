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

    /// Splits `raw` on ASCII and ideographic (U+3000) whitespace; nil when nothing is left.
    public init?(_ raw: String?) {
        guard let raw else { return nil }
        let terms = raw.split(whereSeparator: { $0.isWhitespace || $0 == "\u{3000}" })
            .map { Self.foldFullWidthAlphanumerics(String($0)) }
        guard !terms.isEmpty else { return nil }
        self.terms = terms
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
    ///   - ftsTable: the FTS5 table, with a column `ftsKey` holding that same key.
    ///   - text: the expression LIKE-searched for short terms, e.g. `m.title`.
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
            // SQLite's LIKE folds ASCII case only, which is what we want for AI / ai.
            clauses.append("\(text) LIKE ? ESCAPE '\\'")
            arguments.append(.text(Self.likePattern(containing: term)))
        }
        return SQLFragment("(" + clauses.joined(separator: " AND ") + ")", arguments)
    }

    /// Turns full-width Latin letters and digits (ＡＩ, ２０２２) into ASCII, which is how
    /// the plan writes them; other full-width characters (（）～) are left alone.
    static func foldFullWidthAlphanumerics(_ term: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in term.unicodeScalars {
            switch scalar.value {
            case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A:
                scalars.append(Unicode.Scalar(UInt8(scalar.value - 0xFEE0)))
            default:
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}

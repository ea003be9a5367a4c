import Testing
@testable import DXCore

@Suite("Japanese search over measures")
struct SearchTests {
    func codes(_ query: String, policy: Int? = nil) throws -> [String] {
        try withPlanStore { store in try store.measures(policy: policy, query: query).map(\.code) }
    }

    @Test("two-character Japanese terms fall back to substring matching")
    func shortJapanese() throws {
        #expect(try codes("農業") == ["3-7"])
        #expect(try codes("議会") == ["3-5"])
    }

    @Test("three or more characters use the trigram index")
    func trigram() throws {
        #expect(try codes("マイナンバー") == ["1-1"])
        #expect(try codes("BPR") == ["1-3"])
        #expect(try codes("デジタル化").count >= 10)
    }

    @Test("ASCII terms match regardless of case and width")
    func asciiCase() throws {
        #expect(try codes("AI") == ["1-7", "2-2"])
        #expect(try codes("ai") == ["1-7", "2-2"])
        #expect(try codes("ＡＩ") == ["1-7", "2-2"])
        #expect(try codes("bpr") == ["1-3"])
    }

    @Test("space-separated terms (ASCII or ideographic space) must all match")
    func termsAreAnded() throws {
        #expect(try codes("自治体 オンライン") == ["1-2", "1-4"])
        #expect(try codes("自治体\u{3000}AI") == ["2-2"])
        #expect(try codes("デジタル化 農業") == ["3-7"])
    }

    @Test("results come in plan order and honour the policy filter")
    func orderAndPolicyFilter() throws {
        let all = try codes("デジタル化")
        #expect(all == all.sorted { $0.split(separator: "-").map { Int($0)! }.lexicographicallyPrecedes($1.split(separator: "-").map { Int($0)! }) })
        #expect(try codes("デジタル化", policy: 3) == all.filter { $0.hasPrefix("3-") })
        #expect(try codes("AI", policy: 1) == ["1-7"])
        #expect(try withPlanStore { try $0.measures(policy: 2).count } == 10)
    }

    @Test("search syntax in user input is taken literally", arguments: [
        "%", "_", "\\", "\"", "\"\"", "OR", "AND", "NOT", "*", "AI OR 農業", "デジ*", "title:農業", "NEAR(a b)",
        "^農業", "'; DROP TABLE measures; --", "(", "農業\"",
    ])
    func literalInput(query: String) throws {
        let found = try codes(query)
        #expect(found.isEmpty, "\(query) found \(found)")
    }

    @Test("an empty or blank query means no search")
    func blankQuery() throws {
        #expect(try codes("").count == 29)
        #expect(try codes(" \u{3000} ").count == 29)
    }

    @Test("SearchQuery builds quoted FTS terms and escaped LIKE patterns")
    func searchQueryPieces() throws {
        let query = try #require(SearchQuery("AI デジタル化 \"x\"y 100%"))
        #expect(query.shortTerms == ["ai"], "folded to lower case, as the index is")
        #expect(query.matchExpression == "\"デジタル化\" AND \"\"\"x\"\"y\" AND \"100%\"")
        #expect(SearchQuery.likePattern(containing: "1_%\\") == "%1\\_\\%\\\\%")
        #expect(SearchQuery(nil) == nil)
    }
}

@Suite struct SearchQuerySeparatorTests {
    @Test func everyUnicodeSpaceAndInvisibleWordBoundarySeparatesTerms() throws {
        let query = try #require(SearchQuery("a\u{2028}b\u{2029}c\u{00A0}d\u{2003}e\u{3000}f\u{200B}g\u{FEFF}h\u{2060}i"))
        #expect(query.terms == ["a", "b", "c", "d", "e", "f", "g", "h", "i"])
        #expect(SearchQuery("\u{2028} \u{200B}") == nil)
        // A zero-width joiner binds an emoji sequence: it is part of the term.
        #expect(SearchQuery("👩\u{200D}💻")?.terms.count == 1)
    }
}

import DXCore
@testable import DXServer
import Foundation
import Testing

/// The document and the validation agree both ways for query parameters: driven by the
/// document itself, every documented query parameter is refused (400 naming it) just outside
/// its schema and accepted at the edges inside it, on every operation that lists it.
@Suite struct DocumentedQueryParameterTests {
    /// A concrete target for a documented path (path parameters filled with existing things,
    /// although the query is checked before the handler looks at them).
    static func target(_ path: String) -> String {
        path.replacingOccurrences(of: "/policies/{id}", with: "/policies/1")
            .replacingOccurrences(of: "/measures/{code}", with: "/measures/1-7")
            .replacingOccurrences(of: "/projects/{id}", with: "/projects/1")
            .replacingOccurrences(of: "/surveys/{id}", with: "/surveys/15")
            .replacingOccurrences(of: "{n}", with: "1")
    }

    /// Values just outside a scalar rule.
    static func invalidValues(_ kind: QueryParameterRules.Rule.Kind) -> [String] {
        switch kind {
        case let .integer(minimum, maximum):
            var values = ["abc", "1.5", "", "99999999999999999999999"]
            if let minimum { values.append(String(minimum - 1)) }
            if let maximum { values.append(String(maximum + 1)) }
            return values
        case let .string(minLength, maxLength, allowed, pattern):
            var values: [String] = []
            if allowed != nil { values += ["AAA", "true"] }
            if let minLength, minLength > 0 { values.append(String(repeating: "a", count: minLength - 1)) }
            // Too long by one; in the pattern's alphabet when it has its own (a cursor is
            // base64url), so that only the length is wrong.
            if let maxLength {
                let unit = pattern.map { $0.source == QueryParameterRules.noControlCharacters } ?? true ? "あ" : "a"
                values.append(String(repeating: unit, count: maxLength + 1))
            }
            if let pattern {
                values.append(pattern.source == QueryParameterRules.noControlCharacters ? "ab\u{0}" : "!")
                values.append("a\u{7F}")
            }
            return values.filter { value in QueryParameterRules.Rule(name: "x", kind: kind).violation(value) != nil }
        case .dateTime:
            // No offset, a date alone, an impossible day, not a date at all, empty.
            return ["2024-04-01T00:00:00", "2024-04-01", "2024-02-30T00:00:00Z", "yesterday", ""]
        case .array:
            return []
        }
    }

    /// Values at the edges inside a scalar rule.
    static func validValues(_ kind: QueryParameterRules.Rule.Kind) -> [String] {
        switch kind {
        case let .integer(minimum, maximum):
            return [minimum, maximum].compactMap { $0.map(String.init) }
        case let .string(_, maxLength, allowed, pattern):
            if let allowed { return allowed }
            // A string with its own pattern (the cursor) is valid only when the server issued
            // it, which a schema cannot say: `cursorAtItsDocumentedMaxLength…` covers it.
            if let pattern, pattern.source != QueryParameterRules.noControlCharacters { return [] }
            if let maxLength { return ["デジタル", String(repeating: "あ", count: maxLength)] }
            return []
        case .dateTime:
            return ["2024-04-01T00:00:00+09:00", "2024-03-31T15:00:00Z", "2024-03-31T15:00:00.123-01:30"]
        case .array:
            return []
        }
    }

    /// A query string giving `name` the items `items`: comma-joined for `explode: false`,
    /// repeated for `explode: true`.
    static func query(_ name: String, _ items: [String], explode: Bool) -> String {
        explode
            ? items.map { "\(name)=\(QueryParameters.encode($0))" }.joined(separator: "&")
            : "\(name)=\(items.map(QueryParameters.encode).joined(separator: ","))"
    }

    /// A representative valid item of an array's item schema.
    static func validItem(_ kind: QueryParameterRules.Rule.Kind) -> String {
        validValues(kind).first ?? "デジタル統括課"
    }

    /// Query strings just outside a rule.
    static func invalidQueries(_ rule: QueryParameterRules.Rule) -> [String] {
        guard case let .array(item, _, maxItems, explode) = rule.kind else {
            return invalidValues(rule.kind).map { "\(rule.name)=\(QueryParameters.encode($0))" }
        }
        let good = validItem(item)
        // Each bad item alone and after a good one; an empty item; one item too many.
        var queries = invalidValues(item).filter { !$0.isEmpty }.flatMap { bad in
            [query(rule.name, [bad], explode: explode), query(rule.name, [good, bad], explode: explode)]
        }
        queries.append("\(rule.name)=")
        queries.append(query(rule.name, [good, ""], explode: explode))
        if let maxItems { queries.append(query(rule.name, Array(repeating: good, count: maxItems + 1), explode: explode)) }
        return queries
    }

    /// Query strings at the edges inside a rule.
    static func validQueries(_ rule: QueryParameterRules.Rule) -> [String] {
        guard case let .array(item, _, maxItems, explode) = rule.kind else {
            return validValues(rule.kind).map { "\(rule.name)=\(QueryParameters.encode($0))" }
        }
        var queries = validValues(item).map { query(rule.name, [$0], explode: explode) }
        if queries.isEmpty { queries.append(query(rule.name, [validItem(item)], explode: explode)) }
        let all = validValues(item)
        if all.count > 1 { queries.append(query(rule.name, Array(all.prefix(maxItems ?? all.count)), explode: explode)) }
        if let maxItems { queries.append(query(rule.name, Array(repeating: validItem(item), count: maxItems), explode: explode)) }
        return queries
    }

    static func rules() -> [(operation: String, rules: [QueryParameterRules.Rule])] {
        QueryParameterRules(document: ServedOpenAPI.json).operations.map { ($0.key, $0.value) }.sorted { $0.operation < $1.operation }
    }

    @Test func everyCollectionDocumentsItsQueryParameters() {
        let operations = Dictionary(uniqueKeysWithValues: Self.rules())
        // The parser must see what the document lists: a collection without limit/cursor/bom
        // rules would mean the rules were not read, and nothing would be checked.
        for operation in ["GET /api/v1/measures", "GET /api/v1/projects.csv", "GET /api/v1/surveys/{id}/respondents"] {
            let names = Set(operations[operation, default: []].map(\.name))
            #expect(names.isSuperset(of: ["limit", "cursor", "bom"]), "\(operation): \(names)")
        }
        #expect(Set(operations["GET /api/v1/projects", default: []].map(\.name))
            .isSuperset(of: ["measure", "policy", "status", "department", "fiscal_year", "q", "sort"]))
    }

    /// The central check can answer 400 on any operation with query parameters, so each such
    /// operation must list 400 among its responses.
    @Test func everyOperationWithQueryParametersDocuments400() throws {
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(ServedOpenAPI.json.utf8)) as? [String: Any])
        let paths = try #require(doc["paths"] as? [String: Any])
        for (operation, rules) in Self.rules() where !rules.isEmpty {
            let parts = operation.split(separator: " ", maxSplits: 1).map(String.init)
            let item = try #require(paths[parts[1]] as? [String: Any])
            let op = try #require(item[parts[0].lowercased()] as? [String: Any])
            let responses = try #require(op["responses"] as? [String: Any])
            #expect(responses["400"] != nil, "\(operation) has query parameters but no documented 400")
        }
    }

    @Test func everyDocumentedQueryParameterOutsideItsSchemaIs400NamingIt() throws {
        try withAPIService { api in
            var checked = 0
            for (operation, rules) in Self.rules() {
                let parts = operation.split(separator: " ", maxSplits: 1).map(String.init)
                guard parts[0] == "GET" else { continue }
                for rule in rules {
                    for query in Self.invalidQueries(rule) {
                        let target = "\(Self.target(parts[1]))?\(query)"
                        let response = try api.get(target)
                        #expect(response.status == 400, "\(target) answered \(response.status)")
                        let problem = try response.json() as? [String: Any]
                        #expect(problem?["parameter"] as? String == rule.name, "\(target): \(response.text)")
                        checked += 1
                    }
                }
            }
            #expect(checked > 100)
        }
    }

    @Test func everyDocumentedQueryParameterAtTheEdgesOfItsSchemaIsAccepted() throws {
        try withAPIService { api in
            for (operation, rules) in Self.rules() {
                let parts = operation.split(separator: " ", maxSplits: 1).map(String.init)
                // Paths whose resource must exist: the seed has no project 1.
                guard parts[0] == "GET", !parts[1].contains("/projects/{id}") else { continue }
                for rule in rules {
                    for query in Self.validQueries(rule) {
                        let target = "\(Self.target(parts[1]))?\(query)"
                        let response = try api.get(target)
                        #expect(response.status == 200, "\(target) answered \(response.status): \(response.text.prefix(200))")
                    }
                }
            }
        }
    }

    /// The document's `cursor.maxLength` is the server's limit: one character more is the
    /// central 400 naming `cursor` (not a 414), and the limit itself is the store's.
    @Test func cursorMaxLengthInTheDocumentIsTheServersLimit() throws {
        let rule = try #require(Self.rules().first { $0.operation == "GET /api/v1/measures" }?.rules.first { $0.name == "cursor" })
        guard case let .string(_, maxLength, _, _) = rule.kind else { Issue.record("cursor is not a string rule"); return }
        #expect(maxLength == KeysetCursor.maxEncodedLength)
        try withAPIService { api in
            let long = try api.get("/api/v1/measures?cursor=\(String(repeating: "a", count: KeysetCursor.maxEncodedLength + 1))")
            #expect(long.status == 400)
            let problem = try long.json() as? [String: Any]
            #expect(problem?["parameter"] as? String == "cursor")
        }
    }

    @Test func emptyCursorIsTheFirstPage() throws {
        try withAPIService { api in
            let plain = try api.get("/api/v1/measures?limit=5")
            let empty = try api.get("/api/v1/measures?limit=5&cursor=")
            #expect(empty.status == 200)
            let a = try #require(plain.json() as? [String: Any])["data"] as? [[String: Any]]
            let b = try #require(empty.json() as? [String: Any])["data"] as? [[String: Any]]
            #expect(a?.compactMap { $0["code"] as? String } == b?.compactMap { $0["code"] as? String })
            #expect(try api.get("/api/v1/projects.csv?cursor=").status == 200)
        }
    }

    @Test func bomOutsideZeroOrOneIs400() throws {
        try withAPIService { api in
            for target in ["/api/v1/surveys/15/questions/1?bom=AAA", "/api/v1/concepts.csv?bom=", "/api/v1/timeline?bom=true"] {
                let response = try api.get(target)
                #expect(response.status == 400, "\(target)")
                #expect(try (response.json() as? [String: Any])?["parameter"] as? String == "bom")
            }
            let withBOM = try api.get("/api/v1/concepts.csv?bom=1")
            #expect(withBOM.status == 200)
            #expect(Array(withBOM.body.prefix(3)) == [0xEF, 0xBB, 0xBF])
            #expect(Array(try api.get("/api/v1/concepts.csv?bom=0").body.prefix(3)) != [0xEF, 0xBB, 0xBF])
        }
    }

    @Test func headIsCheckedAsItsGet() throws {
        try withAPIService { api in
            let response = try api.request("HEAD", "/api/v1/measures?limit=0")
            #expect(response.status == 400)
        }
    }

    @Test func lengthsCountCodePointsNotGraphemes() {
        let rule = QueryParameterRules.Rule(name: "q", kind: .string(minLength: nil, maxLength: 3, allowed: nil, pattern: nil))
        // "テ" + U+3099 is one grapheme of two code points: JSON Schema counts two.
        #expect(rule.violation("テ\u{3099}テ\u{3099}") != nil)
        #expect(rule.violation("テ\u{3099}テ") == nil)
    }
}

/// Body text rules: the document's `pattern` for required text says what the validator says.
@Suite struct DocumentedTextRuleTests {
    static func schemaPattern(_ schema: String, _ property: String) throws -> NSRegularExpression {
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(ServedOpenAPI.json.utf8)) as? [String: Any])
        let components = try #require(doc["components"] as? [String: Any])
        let schemas = try #require(components["schemas"] as? [String: Any])
        let object = try #require(schemas[schema] as? [String: Any])
        let properties = try #require(object["properties"] as? [String: Any])
        let field = try #require(properties[property] as? [String: Any])
        return try NSRegularExpression(pattern: try #require(field["pattern"] as? String))
    }

    static func matches(_ regex: NSRegularExpression, _ value: String) -> Bool {
        regex.firstMatch(in: value, range: NSRange(value.startIndex..<value.endIndex, in: value)) != nil
    }

    @Test func blankTitleIs422AndTheDocumentedPatternSaysSo() throws {
        let pattern = try Self.schemaPattern("ProjectCreate", "title")
        try withAPIService { api in
            let token = try api.adminToken()
            for title in ["", " ", "\u{3000}", "\u{2003}\u{00A0}", "a", " a ", "\u{3000}都城"] {
                let body: [String: Any] = ["measure_code": "1-7", "title": title, "department": "デジタル統括課",
                                           "start_fiscal_year": 2022, "end_fiscal_year": 2025]
                let response = try api.request("POST", "/api/v1/projects", headers: [
                    ("Authorization", "Bearer \(token)"), ("Content-Type", "application/json"),
                ], body: Array(try JSONSerialization.data(withJSONObject: body)))
                let documentedValid = Self.matches(pattern, title)
                #expect(response.status == (documentedValid ? 201 : 422), "title \(Array(title.unicodeScalars)): \(response.text)")
            }
        }
    }

    @Test func surveyTitleIsDocumentedNonBlank() throws {
        let pattern = try Self.schemaPattern("SurveyInput", "title")
        #expect(!Self.matches(pattern, ""))
        #expect(!Self.matches(pattern, " \u{3000}"))
        #expect(Self.matches(pattern, "第16回都城市市民意識調査"))
    }
}

@testable import DXServer
import Synchronization
import Testing

/// Issue 9 (start to first 200): the OpenAPI document behind the query-parameter rules is made
/// on first use. A request without a query must not make it; the first one with a query must,
/// and is checked as before.
@Suite("Query-parameter rules: made on first use")
struct LazyQueryRulesTests {
    static let document = """
        {"openapi":"3.1.0","paths":{"/api/v1/measures":{"get":{"parameters":[
        {"name":"limit","in":"query","schema":{"type":"integer","minimum":1,"maximum":500}}]}}}}
        """

    @Test func requestWithoutQueryDoesNotMakeTheDocumentAndOneWithAQueryIsCheckedAgainstIt() throws {
        let made = Atomic<Int>(0)
        let rules = QueryParameterRules(lazyDocument: {
            made.add(1, ordering: .relaxed)
            return Self.document
        })
        try rules.validate(QueryParameters(), method: "GET", pattern: "/api/v1/measures", format: .json)
        #expect(made.load(ordering: .relaxed) == 0)
        #expect(throws: APIError.self) {
            try rules.validate(QueryParameters(pairs: [("limit", "0")]), method: "GET", pattern: "/api/v1/measures", format: .json)
        }
        try rules.validate(QueryParameters(pairs: [("limit", "20")]), method: "GET", pattern: "/api/v1/measures", format: .json)
        #expect(made.load(ordering: .relaxed) == 1, "made once, then kept")
    }
}

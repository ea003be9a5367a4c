@testable import DXServer
import Testing

/// Item 17: proactive negotiation by q-value, then specificity (RFC 9110 §12.5.1).
@Suite("Content negotiation")
struct ContentNegotiatorTests {
    let available = ["application/json", "text/csv"]

    func choose(_ accept: String...) -> String? {
        ContentNegotiator.choose(available, accept: accept.flatMap(HTTPField.elements(of:)))
    }

    @Test func higherQWinsWhateverTheOrder() {
        #expect(choose("application/json;q=0.1, text/csv;q=0.9") == "text/csv")
        #expect(choose("text/csv;q=0.5, application/json") == "application/json")
    }

    @Test func qZeroRefusesATypeEvenWhenAWildcardWouldAllowIt() {
        #expect(choose("application/json;q=0, */*") == "text/csv")
        #expect(choose("text/csv;q=0, */*") == "application/json")
    }

    @Test func typeWildcardSelectsItsType() {
        #expect(choose("text/*") == "text/csv")
        #expect(choose("application/*") == "application/json")
    }

    @Test func onEqualQTheMoreSpecificRangeWins() {
        #expect(choose("*/*, text/csv") == "text/csv")
        #expect(choose("text/*, application/json") == "application/json")
        // The most specific range decides a type's q: text/csv;q=0.2 beats text/*;q=1 for CSV.
        #expect(choose("text/*, text/csv;q=0.2, application/json;q=0.5") == "application/json")
    }

    @Test func withoutAcceptOrWithOnlyGarbageTheFirstTypeIsChosen() {
        #expect(choose() == "application/json")
        #expect(choose("*/*") == "application/json")
        #expect(choose(";, ,") == "application/json")
        #expect(choose("*; q=.2") == "application/json")
    }

    @Test func nothingAcceptableIsNil() {
        #expect(choose("image/png") == nil)
        #expect(choose("application/json;q=0, text/csv;q=0") == nil)
        #expect(choose("text/html, */*;q=0") == nil)
    }

    @Test func invalidQValuesCountAsZero() {
        #expect(choose("text/csv;q=2, application/json;q=0.1") == "application/json")
        #expect(choose("text/csv;q=abc, application/json;q=0.1") == "application/json")
    }

    @Test(arguments: [
        ("application/json;q=0.1, text/csv;q=0.9", "text/csv"),
        ("text/csv;q=0.5, application/json", "application/json"),
        ("application/json;q=0, */*", "text/csv"),
        ("text/*", "text/csv"),
    ])
    func theIssuesFourExamplesOnEveryNegotiatedRoute(accept: String, expected: String) throws {
        try withAPIService { api in
            for target in ["/api/v1/measures", "/api/v1/policies", "/api/v1/surveys", "/api/v1/projects"] {
                let response = try api.get(target, headers: [("Accept", accept)])
                #expect(response.status == 200, "\(target)")
                #expect(response.header("Content-Type")?.hasPrefix(expected) == true, "\(target) \(accept)")
                #expect(response.header("Vary") == "Accept, Accept-Encoding")
            }
        }
    }

    @Test func nothingAcceptableOnANegotiatedRouteIs406Problem() throws {
        try withAPIService { api in
            let response = try api.get("/api/v1/measures", headers: [("Accept", "application/json;q=0, text/csv;q=0")])
            #expect(response.status == 406)
            #expect(response.header("Content-Type") == "application/problem+json; charset=utf-8")
            #expect(response.header("Vary")?.contains("Accept") == true)
            let problem = try #require(try response.json() as? [String: Any])
            #expect(problem["available"] as? [String] == ["application/json", "text/csv"])
        }
    }

    @Test func csvSuffixWinsOverAccept() throws {
        try withAPIService { api in
            let response = try api.get("/api/v1/measures.csv", headers: [("Accept", "application/json, text/csv;q=0")])
            #expect(response.status == 200)
            #expect(response.header("Content-Type")?.hasPrefix("text/csv") == true)
        }
    }

    @Test func routesWithOneRepresentationIgnoreAccept() throws {
        try withAPIService { api in
            let response = try api.get("/api/v1/plan", headers: [("Accept", "image/png")])
            #expect(response.status == 200)
        }
    }
}

import DXCore
@testable import DXServer
import Testing

/// Review of issue 8: an integer path parameter has one spelling, canonical decimal, or the
/// resource is not there (404): `/projects/01` and `/projects/+1` are not project 1.
@Suite("Canonical integer path parameters")
struct CanonicalIntegerTests {
    @Test func onlyCanonicalDecimalParses() {
        #expect(CanonicalInteger.parse("1") == 1)
        #expect(CanonicalInteger.parse("0") == 0)
        #expect(CanonicalInteger.parse("15") == 15)
        #expect(CanonicalInteger.parse("999999999") == 999_999_999)
        for raw in ["", "01", "00", "+1", "-1", " 1", "1 ", "1e3", "0x1", "1_000", "１", "1000000000", "99999999999999999999999"] {
            #expect(CanonicalInteger.parse(raw) == nil, "\(raw)")
        }
    }

    @Test("a non-canonical integer path parameter is 404 on every route that has one",
          arguments: ["/api/v1/projects/01", "/api/v1/projects/+1", "/api/v1/projects/1.0", "/api/v1/projects/01/history",
                      "/api/v1/policies/01", "/api/v1/policies/+1", "/api/v1/surveys/015", "/api/v1/surveys/+15/questions",
                      "/api/v1/surveys/15/questions/01", "/api/v1/surveys/15/questions/+1", "/api/v1/surveys/015/respondents"])
    func nonCanonicalIntegerParameterIs404(target: String) throws {
        try withAPIService { api in
            let auth = [("Authorization", "Bearer \(try api.adminToken())"), ("Content-Type", "application/json")]
            let body = Array(#"{"measure_code":"1-1","title":"t","department":"d","start_fiscal_year":2023,"end_fiscal_year":2024}"#.utf8)
            try #require(try api.request("POST", "/api/v1/projects", headers: auth, body: body).status == 201)
            let response = try api.get(target)
            #expect(response.status == 404)
            #expect(response.header("Content-Type")?.hasPrefix("application/problem+json") == true)
        }
    }

    @Test func theCanonicalSpellingsStillServe() throws {
        try withAPIService { api in
            for target in ["/api/v1/policies/1", "/api/v1/surveys/15", "/api/v1/surveys/15/questions/1"] {
                let response = try api.get(target)
                #expect(response.status == 200, "\(target)")
            }
        }
    }
}

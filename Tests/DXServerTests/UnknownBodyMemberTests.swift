@testable import DXServer
import Foundation
import Testing

/// A member no body reads (a misspelt name) is a 422 naming it on every JSON body route, never
/// silently dropped: the client would believe it was stored.
@Suite struct UnknownBodyMemberTests {
    static let project = #"{"measure_code":"1-1","title":"t","department":"d","start_fiscal_year":2023,"end_fiscal_year":2024,"kpi":{"name":"k","unit":"%","target":1}}"#

    /// The fields a 422 names.
    static func fields(_ response: HTTPResponse) throws -> [String] {
        let problem = try #require(try response.json() as? [String: Any])
        return (problem["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
    }

    @Test(arguments: [
        ("POST", "/api/v1/projects"), ("PATCH", "/api/v1/projects/1"), ("POST", "/api/v1/projects/1/kpis"),
        ("PATCH", "/api/v1/projects/1/kpis/1"), ("POST", "/api/v1/projects/1/kpis/1/measurements"),
        ("PUT", "/api/v1/projects/1/budget/2023"), ("POST", "/api/v1/projects/1/evaluations"),
        ("POST", "/api/v1/surveys"),
    ])
    func anUnknownMemberIs422NamingItOnEveryJSONBodyRoute(method: String, path: String) throws {
        try withAPIService { api throws in
            let headers = [("Authorization", "Bearer \(try api.adminToken())"), ("Content-Type", "application/json")]
            #expect(try api.request("POST", "/api/v1/projects", headers: headers, body: Array(Self.project.utf8)).status == 201)
            let response = try api.request(method, path, headers: headers + (method == "PATCH" ? [("If-Match", "*")] : []), body: Array(#"{"zz_misspelt":1}"#.utf8))
            #expect(response.status == 422, "\(method) \(path): \(response.text)")
            #expect(try Self.fields(response).contains("zz_misspelt"), "\(method) \(path): \(response.text)")
        }
    }

    @Test func aMisspeltSurveyMemberIs422NamingItsPathAndNothingIsStored() throws {
        try withAPIService { api throws in
            let headers = [("Authorization", "Bearer \(try api.adminToken())"), ("Content-Type", "application/json")]
            var survey = SurveyBodyFixture.small()
            let id = survey["id"] as? Int ?? 0
            var questions = try #require(survey["questions"] as? [[String: Any]])
            questions[0]["city_responses"] = questions[0]["responses"] ?? []
            survey["questions"] = questions
            survey["titel"] = "x"
            let response = try api.request("POST", "/api/v1/surveys", headers: headers,
                                           body: Array(try JSONSerialization.data(withJSONObject: survey)))
            #expect(response.status == 422, "\(response.text)")
            #expect(try Self.fields(response) == ["questions[0].city_responses", "titel"])
            #expect(try api.get("/api/v1/surveys/\(id)").status == 404)
            // The same body without them is accepted: the refusal is theirs alone.
            let valid = SurveyBodyFixture.small()
            #expect(try api.request("POST", "/api/v1/surveys", headers: headers,
                                    body: Array(try JSONSerialization.data(withJSONObject: valid))).status == 201)
        }
    }
}

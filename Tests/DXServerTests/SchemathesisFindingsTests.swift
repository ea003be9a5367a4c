@testable import DXServer
import Foundation
import Testing

/// What schemathesis found where the server and its document disagreed, each kept as a test.
@Suite struct SchemathesisFindingsTests {
    /// RFC 9110 §13.2.1: preconditions are ignored when the answer without them would not be
    /// 2xx/412; an anonymous write is 401, whatever its If-Match / If-None-Match says.
    @Test func anonymousWriteWithAFailingPreconditionIs401Not412() throws {
        try withAPIService { api in
            for path in ["/api/v1/surveys", "/api/v1/projects"] {
                for condition in [("If-Match", "\"stale\""), ("If-None-Match", "*")] {
                    let response = try api.request("POST", path, headers: [condition, ("Content-Type", "application/json")],
                                                   body: Array("{}".utf8))
                    #expect(response.status == 401, "\(path) \(condition.0): \(response.text)")
                    #expect(response.header("WWW-Authenticate")?.hasPrefix("Bearer") == true)
                }
            }
        }
    }

    /// With a token the same precondition is evaluated: the collection exists, so
    /// If-None-Match: * fails with 412 and nothing is created.
    @Test func authenticatedWriteWithAFailingPreconditionIs412() throws {
        try withAPIService { api in
            let token = try api.adminToken()
            let body = Array(try JSONSerialization.data(withJSONObject: SurveyBodyFixture.small()))
            let response = try api.request("POST", "/api/v1/surveys", headers: [
                ("Authorization", "Bearer \(token)"), ("Content-Type", "application/json"), ("If-None-Match", "*"),
            ], body: body)
            #expect(response.status == 412)
        }
    }

    /// A survey body's members the document does not list are refused by name (the document
    /// says `additionalProperties: false`, so schemathesis no longer sends them as valid), and
    /// a fraction or a huge number inside one is reported as the unknown member, not as a number.
    @Test func unknownSurveyMembersAre422NamingThemWhateverNumbersTheyHold() throws {
        try withAPIService { api in
            let token = try api.adminToken()
            var input = SurveyBodyFixture.small()
            input["response_rate"] = 0.4
            input["extra"] = ["deep": [1.5, 1e300, -2.5e40]]
            if var questions = input["questions"] as? [[String: Any]] {
                questions[0]["ratio_hint"] = 0.25
                input["questions"] = questions
            }
            let response = try api.request("POST", "/api/v1/surveys", headers: [
                ("Authorization", "Bearer \(token)"), ("Content-Type", "application/json"),
            ], body: Array(try JSONSerialization.data(withJSONObject: input)))
            #expect(response.status == 422, "\(response.text)")
            let errors = (try response.json() as? [String: Any])?["errors"] as? [[String: Any]] ?? []
            #expect(errors.compactMap { $0["field"] as? String } == ["extra", "questions[0].ratio_hint", "response_rate"])
        }
    }

    /// A fraction in a member the server reads is still a 422 naming it.
    @Test func aFractionInAReadSurveyMemberIs422NamingIt() throws {
        try withAPIService { api in
            let token = try api.adminToken()
            var input = SurveyBodyFixture.small()
            input["sample_size"] = 10.5
            let response = try api.request("POST", "/api/v1/surveys", headers: [
                ("Authorization", "Bearer \(token)"), ("Content-Type", "application/json"),
            ], body: Array(try JSONSerialization.data(withJSONObject: input)))
            #expect(response.status == 422)
            #expect(response.text.contains("sample_size"))
        }
    }
}

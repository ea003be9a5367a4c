import DXCore
@testable import DXServer
import Foundation
import Testing

/// Rules of evaluation writes found from the outside: a replayed create answers with the same
/// validators as the first, and a 422 lists each bad field once.
@Suite struct EvaluationWriteRuleTests {
    private static let project = #"""
        {"measure_code": "1-7", "title": "AIチャットボット導入事業", "description": "x", "department": "デジタル統括課",
         "start_fiscal_year": 2022, "end_fiscal_year": 2024}
        """#

    private func write(_ api: InProcessAPI, _ method: String, _ target: String, _ body: String, token: String,
                       headers: [(String, String)] = []) throws -> HTTPResponse {
        try api.request(method, target, headers: [("Authorization", "Bearer \(token)"), ("Content-Type", "application/json")] + headers,
                        body: Array(body.utf8))
    }

    @Test func wrongTypeOfRequiredEvaluationFieldIsListedOnce() throws {
        try withAPIService { api in
            let token = try api.adminToken()
            #expect(try write(api, "POST", "/api/v1/projects", Self.project, token: token).status == 201)
            let response = try write(api, "POST", "/api/v1/projects/1/evaluations", #"{"period": 2023, "rating": 5}"#, token: token)
            #expect(response.status == 422)
            let errors = try #require((try response.json() as? [String: Any])?["errors"] as? [[String: Any]])
            let fields = errors.compactMap { $0["field"] as? String }
            #expect(fields.sorted() == ["period", "rating"], "each bad field once: \(errors)")
            #expect(errors.allSatisfy { ($0["message"] as? String) == "must be a string" })
        }
    }
}

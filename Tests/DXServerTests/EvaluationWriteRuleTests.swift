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

    @Test func replayedEvaluationCreateCarriesTheCreatedETag() throws {
        try withAPIService { api in
            let token = try api.adminToken()
            #expect(try write(api, "POST", "/api/v1/projects", Self.project, token: token).status == 201)
            let key = [("Idempotency-Key", "eval-2023h1")]
            let body = #"{"period": "2023H1", "rating": "A"}"#
            let first = try write(api, "POST", "/api/v1/projects/1/evaluations", body, token: token, headers: key)
            #expect(first.status == 201)
            #expect(first.header("ETag") == "\"e1-2023H1-v1\"")
            let replay = try write(api, "POST", "/api/v1/projects/1/evaluations", body, token: token, headers: key)
            #expect(replay.status == 201)
            #expect(replay.header("Idempotent-Replayed") == "true")
            #expect(replay.header("Location") == first.header("Location"))
            #expect(replay.header("ETag") == first.header("ETag"))
        }
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

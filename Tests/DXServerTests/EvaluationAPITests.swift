import DXCore
import DXServer
import Foundation
import Testing

// Evaluations, in-process: one per project and period (409), corrections with If-Match (428
// without), one 422 listing every bad field, labels, history rows in the same write.

/// The API on a fresh database, an admin client (token `alice`) and one project running
/// FY2022–2024 under measure 1-7.
private func withEvaluatedProject<T>(_ body: (ProjectClient, Int) throws -> T) throws -> T {
    try withAPIService { server in
        let client = ProjectClient(server: server, token: try server.context.auth.tokens.create(name: "alice"))
        return try body(client, try client.create())
    }
}

private func errorFields(_ response: HTTPResponse) throws -> [String] {
    let problem = try #require(try response.json() as? [String: Any], "\(response.status) \(response.text)")
    let errors = try #require(problem["errors"] as? [[String: Any]], "\(response.status) \(response.text)")
    return errors.compactMap { $0["field"] as? String }.sorted()
}

@Suite("Evaluations API")
struct EvaluationAPITests {
    @Test("a new evaluation is 201 with Location, ETag, the 令和 period label and the rating label")
    func createdEvaluationIs201WithLabels() throws {
        try withEvaluatedProject { client, id throws in
            let response = try client.write("POST", "/api/v1/projects/\(id)/evaluations", #"{"period":"2023H1","rating":"B","comment":"概ね計画どおり"}"#)
            #expect(response.status == 201, "\(response.text)")
            #expect(response.header("Location") == "/api/v1/projects/\(id)/evaluations/2023H1")
            #expect(response.header("ETag") == "\"e\(id)-2023H1-v1\"")
            let object = try #require(try response.json() as? [String: Any])
            #expect(object["period_label"] as? String == "令和5年度上半期")
            #expect(object["rating_label"] as? String == "概ね順調")
            #expect(object["evaluated_by"] as? String == "alice")
            #expect(object["fiscal_year"] as? Int == 2023)
            let year = try client.write("POST", "/api/v1/projects/\(id)/evaluations", #"{"period":"2022","rating":"A"}"#)
            #expect((try year.json() as? [String: Any])?["period_label"] as? String == "令和4年度")
            #expect((try year.json() as? [String: Any])?["rating_label"] as? String == "順調（計画以上）")
        }
    }

    @Test("a second evaluation for the same project and period is a 409 naming the existing one; nothing is added")
    func secondEvaluationForPeriodIs409() throws {
        try withEvaluatedProject { client, id throws in
            #expect(try client.write("POST", "/api/v1/projects/\(id)/evaluations", #"{"period":"2023","rating":"B"}"#).status == 201)
            let again = try client.write("POST", "/api/v1/projects/\(id)/evaluations", #"{"period":"2023","rating":"D"}"#)
            #expect(again.status == 409)
            #expect(again.header("Content-Type")?.hasPrefix("application/problem+json") == true)
            #expect((try again.json() as? [String: Any])?["existing"] as? String == "/api/v1/projects/\(id)/evaluations/2023")
            let all = try client.server.data("/api/v1/projects/\(id)/evaluations")
            #expect(all.count == 1 && all.first?["rating"] as? String == "B")
        }
    }

    @Test("every bad member of an evaluation is listed in one 422, and nothing is written")
    func invalidEvaluationListsEveryField() throws {
        try withEvaluatedProject { client, id throws in
            let response = try client.write("POST", "/api/v1/projects/\(id)/evaluations",
                                            #"{"period":"2023H3","rating":"E","comment":12,"rating_label":"x","extra":1,"note":"a\u0000b"}"#)
            #expect(response.status == 422)
            #expect(try errorFields(response) == ["comment", "extra", "note", "period", "rating", "rating_label"])
            let missing = try client.write("POST", "/api/v1/projects/\(id)/evaluations", "{}")
            #expect(try errorFields(missing) == ["period", "rating"])
            #expect(try client.server.data("/api/v1/projects/\(id)/evaluations").isEmpty)
        }
    }

    @Test("a period outside the project's fiscal years is a 422 naming period")
    func periodOutsideProjectYearsIs422() throws {
        try withEvaluatedProject { client, id throws in
            let response = try client.write("POST", "/api/v1/projects/\(id)/evaluations", #"{"period":"2026H1","rating":"A"}"#)
            #expect(response.status == 422)
            #expect(try errorFields(response) == ["period"])
            #expect(response.text.contains("2022–2024"))
        }
    }

    @Test("a correction without If-Match is 428, with a stale one 412 (nothing written), with the current one 200 and a new ETag")
    func correctionNeedsCurrentIfMatch() throws {
        try withEvaluatedProject { client, id throws in
            let created = try client.write("POST", "/api/v1/projects/\(id)/evaluations", #"{"period":"2023H2","rating":"C"}"#)
            let etag = try #require(created.header("ETag"))
            let path = "/api/v1/projects/\(id)/evaluations/2023H2"
            let bare = try client.write("PATCH", path, #"{"rating":"B"}"#)
            #expect(bare.status == 428)
            #expect(bare.header("Content-Type")?.hasPrefix("application/problem+json") == true)
            let stale = try client.write("PATCH", path, #"{"rating":"B"}"#, headers: [("If-Match", "\"e\(id)-2023H2-v9\"")])
            #expect(stale.status == 412)
            let fixed = try client.write("PATCH", path, #"{"rating":"B","comment":"再評価","note":"監査の指摘"}"#, headers: [("If-Match", etag)])
            #expect(fixed.status == 200, "\(fixed.text)")
            #expect(fixed.header("ETag") == "\"e\(id)-2023H2-v2\"")
            let object = try #require(try client.server.get(path).json() as? [String: Any])
            #expect(object["rating"] as? String == "B" && object["comment"] as? String == "再評価" && object["version"] as? Int == 2)
            let periodChange = try client.write("PATCH", path, #"{"period":"2023H1"}"#, headers: [("If-Match", "\"e\(id)-2023H2-v2\"")])
            #expect(periodChange.status == 422)
        }
    }

    @Test("every evaluation write is a row of the project's history with actor, changes and note")
    func evaluationWritesAreHistoryRows() throws {
        try withEvaluatedProject { client, id throws in
            let created = try client.write("POST", "/api/v1/projects/\(id)/evaluations", #"{"period":"2023H1","rating":"C","note":"上半期レビュー"}"#)
            _ = try client.write("PATCH", "/api/v1/projects/\(id)/evaluations/2023H1", #"{"rating":"B"}"#,
                                 headers: [("If-Match", try #require(created.header("ETag")))])
            let history = try client.history(id)
            #expect(history.count == 3, "create, evaluation, correction")
            let first = try #require(history[1]["changes"] as? [String: [String: Any]])
            #expect(first["evaluations.2023H1.rating"]?["new"] as? String == "C")
            #expect(history[1]["actor"] as? String == "alice" && history[1]["note"] as? String == "上半期レビュー")
            let second = try #require(history[2]["changes"] as? [String: [String: Any]])
            #expect(second["evaluations.2023H1.rating"]?["old"] as? String == "C")
            #expect(second["evaluations.2023H1.rating"]?["new"] as? String == "B")
            #expect(second.count == 1)
        }
    }

    @Test("evaluations list oldest period first (H1, H2, then the year), as JSON and as CSV with Japanese headers")
    func evaluationsListInPeriodOrder() throws {
        try withEvaluatedProject { client, id throws in
            for period in ["2023", "2023H2", "2022H1", "2023H1"] {
                #expect(try client.write("POST", "/api/v1/projects/\(id)/evaluations", "{\"period\":\"\(period)\",\"rating\":\"A\"}").status == 201)
            }
            let periods = try client.server.data("/api/v1/projects/\(id)/evaluations").compactMap { $0["period"] as? String }
            #expect(periods == ["2022H1", "2023H1", "2023H2", "2023"])
            let csv = try client.server.get("/api/v1/projects/\(id)/evaluations.csv?header=ja")
            #expect(csv.status == 200)
            #expect(csv.text.hasPrefix("事業ID,評価期間コード,評価期間,年度,評価コード,評価,"))
        }
    }

    @Test("a write without a token is 401; an unknown project 404; a malformed period in the path 404")
    func authAndUnknowns() throws {
        try withEvaluatedProject { client, id throws in
            let anonymous = try client.write("POST", "/api/v1/projects/\(id)/evaluations", #"{"period":"2023","rating":"A"}"#, token: .some(nil))
            #expect(anonymous.status == 401)
            #expect(try client.write("POST", "/api/v1/projects/999/evaluations", #"{"period":"2023","rating":"A"}"#).status == 404)
            #expect(try client.server.get("/api/v1/projects/\(id)/evaluations/2023H3").status == 404)
            #expect(try client.server.get("/api/v1/projects/\(id)/evaluations/2023h1").status == 404)
            #expect(try client.server.get("/api/v1/projects/\(id)/evaluations/2023H1").status == 404)
        }
    }

    @Test("a create retried with the same Idempotency-Key and body is replayed, not a 409")
    func idempotentCreateIsReplayed() throws {
        try withEvaluatedProject { client, id throws in
            let body = #"{"period":"2024H1","rating":"A"}"#
            let first = try client.write("POST", "/api/v1/projects/\(id)/evaluations", body, headers: [("Idempotency-Key", "ev-1")])
            let second = try client.write("POST", "/api/v1/projects/\(id)/evaluations", body, headers: [("Idempotency-Key", "ev-1")])
            #expect(first.status == 201 && second.status == 201)
            #expect(second.header("Idempotent-Replayed") == "true")
            #expect(second.header("Location") == "/api/v1/projects/\(id)/evaluations/2024H1")
            #expect(second.body == first.body)
            let reused = try client.write("POST", "/api/v1/projects/\(id)/evaluations", #"{"period":"2024H2","rating":"A"}"#,
                                          headers: [("Idempotency-Key", "ev-1")])
            #expect(reused.status == 422)
        }
    }

    @Test("an archived project's evaluations are 410 Gone")
    func archivedProjectEvaluationsAreGone() throws {
        try withEvaluatedProject { client, id throws in
            #expect(try client.write("DELETE", "/api/v1/projects/\(id)").status == 204)
            #expect(try client.server.get("/api/v1/projects/\(id)/evaluations").status == 410)
            #expect(try client.write("POST", "/api/v1/projects/\(id)/evaluations", #"{"period":"2023","rating":"A"}"#).status == 410)
        }
    }
}

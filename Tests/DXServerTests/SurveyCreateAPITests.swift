import DXCore
import DXServer
import Foundation
import Testing

// POST /api/v1/surveys through a live server: bearer token first, then the body, then the
// store's validation and conflicts, each with its own status.

/// A small, consistent later survey: 200 respondents, one multiple-answer question.
private func survey2023(id: Int = 16, edition: Int = 16) -> [String: Any] {
    [
        "id": id, "edition": edition, "title": "第16回都城市市民意識調査", "fiscal_year": 2023,
        "fiscal_year_label": "令和5年度", "area": "都城市全域", "target": "市民から無作為抽出",
        "sample_size": 500, "respondents": 200, "method": "Web回答方式",
        "period": ["start": "2023-06-01", "end": "2023-06-30", "label": "令和5年（2023年）6月1日～6月30日"],
        "profile": [
            ["dimension": "gender", "label": "男性", "count": 90], ["dimension": "gender", "label": "女性", "count": 110],
            ["dimension": "age", "label": "40代以下", "count": 80], ["dimension": "age", "label": "50代以上", "count": 120],
        ],
        "questions": [
            [
                "number": 1, "text": "デジタル化が進むにあたり、市役所に期待することは何ですか。", "multiple_answers": true,
                "options": [
                    ["number": 1, "label": "市民サービスの向上", "count": 120],
                    ["number": 2, "label": "行政手続きの簡素化", "count": 150],
                ],
                "no_answer": ["label": "無回答", "count": 4],
            ]
        ],
    ]
}

private func body(_ value: Any) throws -> [UInt8] {
    Array(try JSONSerialization.data(withJSONObject: value))
}

private func problem(_ response: HTTPResponse) throws -> [String: Any] {
    try #require(try PreciseJSON.parse(response.body) as? [String: Any])
}

/// Fields named in a 422's `errors`.
private func invalidFields(_ response: HTTPResponse) throws -> [String] {
    let errors = try #require(try problem(response)["errors"] as? [[String: Any]])
    return errors.compactMap { $0["field"] as? String }
}

private let jsonType = ("Content-Type", "application/json")

/// The API on a fresh database and a valid admin token for it.
private func withAdmin<T>(_ body: (any APIHarness, _ authorization: (String, String)) throws -> T) throws -> T {
    try withAPIService { server in
        let token = try server.context.auth.tokens.create(name: "survey-admin")
        return try body(server, ("Authorization", "Bearer \(token)"))
    }
}

@Suite("Survey API: creating")
struct SurveyCreateAPITests {
    @Test("without a token, or with a wrong one, it is a 401 with a Bearer challenge", arguments: [nil, "Bearer nope", "Basic YTpi"])
    func unauthorized(authorization: String?) throws {
        try withAPIService { server in
            var headers = [jsonType]
            if let authorization { headers.append(("Authorization", authorization)) }
            let response = try server.request("POST", "/api/v1/surveys", headers: headers, body: body(survey2023()))
            #expect(response.status == 401)
            #expect(response.header("WWW-Authenticate")?.hasPrefix("Bearer") == true)
            #expect(response.header("Content-Type") == "application/problem+json; charset=utf-8")
            #expect(try server.get("/api/v1/surveys/16").status == 404, "nothing was stored")
        }
    }

    @Test("a valid survey is 201 with its Location, and readable at once through the response cache")
    func created() throws {
        try withAdmin { server, admin in
            // Warm the cache so the test proves the write invalidates it.
            #expect(try PreciseJSON.parse(server.get("/api/v1/surveys").body) as? [String: Any] != nil)
            let response = try server.request("POST", "/api/v1/surveys", headers: [jsonType, admin], body: body(survey2023()))
            #expect(response.status == 201)
            #expect(response.header("Location") == "/api/v1/surveys/16")
            #expect(response.header("Content-Type") == "application/json; charset=utf-8")
            let created = try problem(response)
            #expect((created["id"] as? NSNumber)?.intValue == 16)
            #expect((created["response_rate"] as? NSNumber)?.doubleValue == 200.0 / 500.0)

            let list = try #require(try PreciseJSON.parse(server.get("/api/v1/surveys").body) as? [String: Any])
            let ids = (list["data"] as? [[String: Any]])?.compactMap { ($0["id"] as? NSNumber)?.intValue }
            #expect(ids == [15, 16])
            let fetched = try server.get("/api/v1/surveys/16")
            #expect(fetched.status == 200)
            #expect(fetched.body == response.body)

            let question = try problem(server.get("/api/v1/surveys/16/questions/1"))
            let options = try #require(question["options"] as? [[String: Any]])
            #expect(options.compactMap { ($0["ratio"] as? NSNumber)?.doubleValue } == [0.6, 0.75])
            #expect(try server.get("/api/v1/surveys/16/questions/1/chart.svg").status == 200)
        }
    }

    @Test("a survey whose id or edition is taken is a 409 naming the field", arguments: [(15, 99, "id"), (99, 15, "edition")])
    func conflict(id: Int, edition: Int, field: String) throws {
        try withAdmin { server, admin in
            let response = try server.request(
                "POST", "/api/v1/surveys", headers: [jsonType, admin], body: body(survey2023(id: id, edition: edition)))
            #expect(response.status == 409)
            #expect(response.header("Content-Type") == "application/problem+json; charset=utf-8")
            #expect(try problem(response)["field"] as? String == field)
            #expect(try server.get("/api/v1/surveys/99").status == 404)
        }
    }

    @Test("every problem of a submission is listed in one 422")
    func invalidFieldsTogether() throws {
        try withAdmin { server, admin in
            var input = survey2023()
            input["title"] = nil
            input["respondents"] = 600  // more than the 500 asked
            input["fiscal_year"] = 2022  // June 2023 is fiscal 2023
            var questions = try #require(input["questions"] as? [[String: Any]])
            questions[0]["options"] = [["number": 1, "label": "市民サービスの向上", "count": -1]]
            input["questions"] = questions
            input["profile"] = [["dimension": "income", "label": "高", "count": 1]]
            let response = try server.request("POST", "/api/v1/surveys", headers: [jsonType, admin], body: body(input))
            #expect(response.status == 422)
            #expect(response.header("Content-Type") == "application/problem+json; charset=utf-8")
            let fields = try invalidFields(response)
            for field in ["title", "respondents", "fiscal_year", "questions[0].options[0].count", "profile[0].dimension"] {
                #expect(fields.contains(field), "\(field) in \(fields)")
            }
            #expect(try server.get("/api/v1/surveys/16").status == 404, "nothing was stored")
        }
    }

    @Test("counts inconsistent with the respondents are 422s naming where")
    func inconsistentCounts() throws {
        try withAdmin { server, admin in
            var input = survey2023()
            input["profile"] = [
                ["dimension": "gender", "label": "男性", "count": 90], ["dimension": "gender", "label": "女性", "count": 100],
                ["dimension": "age", "label": "全年代", "count": 200],
            ]
            var questions = try #require(input["questions"] as? [[String: Any]])
            questions[0]["options"] = [["number": 1, "label": "市民サービスの向上", "count": 201]]
            input["questions"] = questions
            let response = try server.request("POST", "/api/v1/surveys", headers: [jsonType, admin], body: body(input))
            #expect(response.status == 422)
            let fields = try invalidFields(response)
            #expect(fields.contains("profile"))
            #expect(fields.contains("questions[0].options[0].count"))
        }
    }

    @Test("a member of the wrong JSON type is a 422 naming it")
    func wrongType() throws {
        try withAdmin { server, admin in
            var input = survey2023()
            input["respondents"] = "two hundred"
            let response = try server.request("POST", "/api/v1/surveys", headers: [jsonType, admin], body: body(input))
            #expect(response.status == 422)
            #expect(try invalidFields(response) == ["respondents"])
        }
    }

    @Test("a body that is not a JSON object is a 400", arguments: ["{\"id\": 16,", "[1, 2]", "", "\"survey\""])
    func malformed(text: String) throws {
        try withAdmin { server, admin in
            let response = try server.request("POST", "/api/v1/surveys", headers: [jsonType, admin], body: Array(text.utf8))
            #expect(response.status == 400)
            #expect(response.header("Content-Type") == "application/problem+json; charset=utf-8")
        }
    }

    @Test("a body not declared as JSON is a 415", arguments: [nil, "text/plain", "application/x-www-form-urlencoded"])
    func unsupportedMediaType(contentType: String?) throws {
        try withAdmin { server, admin in
            var headers = [admin]
            if let contentType { headers.append(("Content-Type", contentType)) }
            let response = try server.request("POST", "/api/v1/surveys", headers: headers, body: body(survey2023()))
            #expect(response.status == 415)
            #expect(response.header("Accept-Post") == "application/json")
        }
    }

    @Test("application/json with a charset parameter is accepted")
    func jsonWithCharset() throws {
        try withAdmin { server, admin in
            let response = try server.request(
                "POST", "/api/v1/surveys", headers: [("Content-Type", "application/json; charset=utf-8"), admin],
                body: body(survey2023()))
            #expect(response.status == 201)
        }
    }
}

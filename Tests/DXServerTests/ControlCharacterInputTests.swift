import DXCore
@testable import DXServer
import Foundation
import Testing

// Issue 8 item 1: a C0 control character (U+0000–U+001F) or DEL in any query parameter, path
// parameter, JSON text field or imported CSV cell is refused where it is read — 400 naming the
// parameter, 422 naming the field, or the import's per-row report — never a 500 or a silent
// match-all. TAB/LF/CR only in the multi-line fields (project description and note).

private let projectBody = #"{"measure_code":"1-1","title":"t","department":"d","start_fiscal_year":2023,"end_fiscal_year":2024}"#

private func problem(_ response: HTTPResponse) throws -> [String: Any] {
    try #require(try response.json() as? [String: Any])
}

private func fields(_ response: HTTPResponse) throws -> [String] {
    let errors = try #require(try problem(response)["errors"] as? [[String: Any]])
    return errors.compactMap { $0["field"] as? String }
}

private func admin(_ api: InProcessAPI) throws -> [(String, String)] {
    [("Authorization", "Bearer \(try api.adminToken())"), ("Content-Type", "application/json")]
}

@Suite("Control characters in input")
struct ControlCharacterInputTests {
    @Test("a control character in ?q= is a 400 naming q, on every searchable collection (the issue's example)",
          arguments: ["/api/v1/measures", "/api/v1/projects"], ["ab%00", "%00", "a%1Fb", "%7F", "a%0Ab", "%09"])
    func controlCharacterInSearchIs400(path: String, q: String) throws {
        try withAPIService { api in
            let response = try api.get("\(path)?q=\(q)")
            #expect(response.status == 400)
            #expect(response.header("Content-Type")?.hasPrefix("application/problem+json") == true)
            #expect(try problem(response)["parameter"] as? String == "q")
        }
    }

    @Test("every query parameter is checked, not only q: one check for every route",
          arguments: ["/api/v1/projects?department=a%00", "/api/v1/projects?status=planned%00", "/api/v1/timeline?scope=%01city",
                      "/api/v1/measures?policy=1%00", "/api/v1/surveys/15/respondents?dimension=age%0D", "/api/v1/policies?x%00=1"])
    func controlCharacterInAnyQueryParameterIs400(target: String) throws {
        try withAPIService { api in
            let response = try api.get(target)
            #expect(response.status == 400)
            let parameter = try #require(try problem(response)["parameter"] as? String)
            #expect(!parameter.unicodeScalars.contains { $0.value < 0x20 }, "named without the raw character")
        }
    }

    @Test("a clean query still works after the check")
    func cleanQueryStillSearches() throws {
        try withAPIService { api in
            let response = try api.get("/api/v1/measures?q=%E3%83%87%E3%82%B8%E3%82%BF%E3%83%AB")
            #expect(response.status == 200)
        }
    }

    // The HTTP parser may already refuse such a target (400, "malformed percent-encoding");
    // whatever layer answers, it is a 400 or 404 and never reaches a handler's SQL.
    @Test("a control character in a path parameter is refused, never a 500",
          arguments: ["/api/v1/measures/1-1%00", "/api/v1/projects/1%00", "/api/v1/surveys/15%0A", "/api/v1/policies/1%7F",
                      "/api/v1/surveys/15/questions/1%00"])
    func controlCharacterInPathParameterIsRefused(target: String) throws {
        try withAPIService { api in
            let response = try api.get(target)
            #expect(response.status == 400 || response.status == 404)
            #expect(response.status != 500)
            #expect(response.header("Content-Type")?.hasPrefix("application/problem+json") == true)
        }
    }

    @Test("a control character in a path parameter is a 400 naming the parameter, on every route",
          arguments: [("/api/v1/measures/1-7%00", "code"), ("/api/v1/projects/1%00", "id"), ("/api/v1/surveys/15%00/questions", "id"),
                      ("/api/v1/policies/1%7F", "id"), ("/api/v1/surveys/15/questions/1%1F", "n"), ("/api/v1/projects/1%0A/history", "id"),
                      ("/api/v1/surveys/15%09/respondents", "id")])
    func controlCharacterInPathParameterIs400NamingTheParameter(target: String, parameter: String) throws {
        try withAPIService { api in
            let response = try api.get(target)
            #expect(response.status == 400)
            let problem = try #require(try response.json() as? [String: Any])
            #expect(problem["parameter"] as? String == parameter)
            #expect(problem["instance"] as? String == target)
            #expect(problem["type"] as? String != "about:blank")
            #expect((problem["detail"] as? String)?.contains("control character") == true)
        }
    }

    @Test("a literal path segment with a control character does not match: 404",
          arguments: ["/api/v1/plan%00", "/api/v1/surveys/15/questions%0A", "/api%7F/v1/plan"])
    func controlCharacterInLiteralSegmentIs404(target: String) throws {
        try withAPIService { api in
            let response = try api.get(target)
            #expect(response.status == 404)
        }
    }

    @Test("the access log escapes a decoded control character's raw spelling")
    func accessLogStillSanitisesControlCharacters() {
        #expect(!AccessLog.sanitize("/api/v1/projects/1\u{0}\n").unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
    }

    @Test("Request.parameter refuses a control character with a 400 naming the parameter")
    func requestParameterRefusesControlCharacters() throws {
        let request = Request(http: HTTPRequest(head: HTTPRequestHead(
            method: "GET", target: "/x", path: "/x", query: nil, version: .http11, headers: HTTPHeaders(), framing: .none)),
                              parameters: ["code": "1-1\u{0}"])
        #expect(throws: APIError.self) { try request.parameter("code") }
        do {
            _ = try request.parameter("code")
        } catch {
            #expect(error.status == 400)
            #expect(error.extensions["parameter"] == .string("code"))
        }
    }

    @Test("a NUL title on POST is a 422 naming title (the issue's example), nothing stored")
    func nulTitleOnCreateIs422() throws {
        try withAPIService { api in
            let body = #"{"measure_code":"1-1","title":"\u0000","department":"d","start_fiscal_year":2023,"end_fiscal_year":2024}"#
            let response = try api.request("POST", "/api/v1/projects", headers: try admin(api), body: Array(body.utf8))
            #expect(response.status == 422)
            #expect(try fields(response) == ["title"])
            #expect(try api.get("/api/v1/projects").text.contains(#""total":0"#))
        }
    }

    @Test("every single-line project field refuses control characters, all listed in one 422")
    func everySingleLineFieldIsListed() throws {
        try withAPIService { api in
            let body = #"""
                {"measure_code":"1-1\u0000","title":"a\tb","department":"x\u007f","start_fiscal_year":2023,"end_fiscal_year":2024,
                 "status":"planned\n","kpi":{"name":"n\r","unit":"\u001b[31m","target":1}}
                """#
            let response = try api.request("POST", "/api/v1/projects", headers: try admin(api), body: Array(body.utf8))
            #expect(response.status == 422)
            #expect(Set(try fields(response)) == ["measure_code", "title", "department", "status", "kpi.name", "kpi.unit"])
        }
    }

    @Test("description and note are multi-line: TAB, LF, CR pass, other control characters do not")
    func multiLineFieldsAllowTabAndLineBreaksOnly() throws {
        try withAPIService { api in
            let headers = try admin(api)
            let good = #"{"measure_code":"1-1","title":"t","department":"d","start_fiscal_year":2023,"end_fiscal_year":2024,"description":"a\tb\r\nc","note":"x\ny"}"#
            let created = try api.request("POST", "/api/v1/projects", headers: headers, body: Array(good.utf8))
            #expect(created.status == 201)
            let project = try #require(try created.json() as? [String: Any])
            #expect(project["description"] as? String == "a\tb\r\nc", "stored as sent")

            let bad = #"{"description":"a\u0000b","note":"\u0007"}"#
            let patched = try api.request("PATCH", "/api/v1/projects/1", headers: headers, body: Array(bad.utf8))
            #expect(patched.status == 422)
            #expect(Set(try fields(patched)) == ["description", "note"])
        }
    }

    @Test("a NUL later in a PATCH string is refused, so nothing is stored that would hide text from search")
    func nulInsidePatchedTitleIs422() throws {
        try withAPIService { api in
            let headers = try admin(api)
            #expect(try api.request("POST", "/api/v1/projects", headers: headers, body: Array(projectBody.utf8)).status == 201)
            let response = try api.request("PATCH", "/api/v1/projects/1", headers: headers, body: Array(#"{"title":"ok\u0000hidden"}"#.utf8))
            #expect(response.status == 422)
            #expect(try fields(response) == ["title"])
        }
    }

    @Test("the note of a DELETE is checked the same way")
    func archiveNoteWithControlCharacterIs422() throws {
        try withAPIService { api in
            let headers = try admin(api)
            #expect(try api.request("POST", "/api/v1/projects", headers: headers, body: Array(projectBody.utf8)).status == 201)
            let response = try api.request("DELETE", "/api/v1/projects/1", headers: headers, body: Array(#"{"note":"a\u0000"}"#.utf8))
            #expect(response.status == 422)
            #expect(try fields(response) == ["note"])
            #expect(try api.get("/api/v1/projects/1").status == 200, "not archived")
        }
    }

    @Test("survey text fields refuse control characters; summary and responses' text may span lines")
    func surveyTextFieldsRefuseControlCharacters() throws {
        var input = SurveyBodyFixture.small()
        input["title"] = "第16回\u{0}"
        input["summary"] = "一行目\n二行目\t続き"
        input["area"] = "都城市\n全域"
        var profile = try #require(input["profile"] as? [[String: Any]])
        profile[0]["label"] = "男性\u{1}"
        input["profile"] = profile
        try withAPIService { api in
            let body = Array(try JSONSerialization.data(withJSONObject: input))
            let response = try api.request("POST", "/api/v1/surveys", headers: try admin(api), body: body)
            #expect(response.status == 422)
            let named = Set(try fields(response))
            #expect(named.isSuperset(of: ["title", "area", "profile[0].label"]))
            #expect(!named.contains("summary"))
        }
    }
}

/// A small consistent survey body (as `SurveyCreateAPITests` posts), for in-process tests.
enum SurveyBodyFixture {
    static func small(id: Int = 16) -> [String: Any] {
        [
            "id": id, "edition": 16, "title": "第16回都城市市民意識調査", "fiscal_year": 2023,
            "fiscal_year_label": "令和5年度", "area": "都城市全域", "target": "市民から無作為抽出",
            "sample_size": 500, "respondents": 200, "method": "Web回答方式",
            "period": ["start": "2023-06-01", "end": "2023-06-30", "label": "令和5年（2023年）6月1日～6月30日"],
            "profile": [
                ["dimension": "gender", "label": "男性", "count": 90], ["dimension": "gender", "label": "女性", "count": 110],
                ["dimension": "age", "label": "40代以下", "count": 80], ["dimension": "age", "label": "50代以上", "count": 120],
            ],
            "questions": [
                [
                    "number": 1, "text": "市役所に期待することは何ですか。", "multiple_answers": true,
                    "options": [
                        ["number": 1, "label": "市民サービスの向上", "count": 120],
                        ["number": 2, "label": "行政手続きの簡素化", "count": 150],
                    ],
                    "no_answer": ["label": "無回答", "count": 4],
                ]
            ],
        ]
    }
}

@Suite("Control characters in survey dates and enums")
struct SurveyControlCharacterTests {
    @Test("a date or dimension holding a control character is named with the control-character message")
    func dateAndDimensionWithControlCharacter() {
        let input = SurveyInput(
            id: 16, edition: 16, title: "t", fiscalYear: 2023, area: "a", target: "t", sampleSize: 100, respondents: 100,
            method: "m", period: .init(start: "2023-06-01\u{0}", end: "2023-06-30", label: "l"),
            profile: [.init(dimension: "gender\u{1}", label: "a", count: 100)],
            questions: [.init(number: 1, text: "q", multipleAnswers: false, options: [.init(number: 1, label: "a", count: 100)])])
        let problems = SurveyValidator.problems(in: input)
        #expect(problems.contains { $0.field == "period.start" && $0.message.contains("U+0000") })
        #expect(problems.contains { $0.field == "profile[0].dimension" && $0.message.contains("U+0001") })
    }
}

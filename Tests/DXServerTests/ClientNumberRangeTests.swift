import DXCore
@testable import DXServer
import Foundation
import Testing

// Issue 8 item 6: every number from outside has a range checked before any arithmetic, and
// sums are overflow-checked, so no body can trap the process. In-process on purpose: a trap
// here would kill the test run, which is the fault.

private func problem(_ response: HTTPResponse) throws -> [String: Any] {
    try #require(try response.json() as? [String: Any])
}

private func fields(_ response: HTTPResponse) throws -> [String] {
    let errors = try #require(try problem(response)["errors"] as? [[String: Any]])
    return errors.compactMap { $0["field"] as? String }
}

private func post(_ api: InProcessAPI, _ path: String, _ body: [UInt8]) throws -> HTTPResponse {
    let headers = [("Authorization", "Bearer \(try api.adminToken("n\(UUID().uuidString.prefix(8))"))"), ("Content-Type", "application/json")]
    return try api.request("POST", path, headers: headers, body: body)
}

private func surveyBody(_ change: (inout [String: Any]) -> Void) throws -> [UInt8] {
    var input = SurveyBodyFixture.small()
    change(&input)
    return Array(try JSONSerialization.data(withJSONObject: input))
}

@Suite("Numbers from clients")
struct ClientNumberRangeTests {
    @Test("two profile counts near Int.max are a 422, not a trap (the issue's example)")
    func hugeProfileCountsAre422() throws {
        try withAPIService { api in
            let body = try surveyBody { input in
                input["profile"] = [
                    ["dimension": "gender", "label": "男性", "count": Int.max], ["dimension": "gender", "label": "女性", "count": Int.max],
                    ["dimension": "age", "label": "40代以下", "count": 80], ["dimension": "age", "label": "50代以上", "count": 120],
                ]
            }
            let response = try post(api, "/api/v1/surveys", body)
            #expect(response.status == 422)
            #expect(Set(try fields(response)).isSuperset(of: ["profile[0].count", "profile[1].count"]))
        }
    }

    @Test("option counts near Int.max with huge respondents are a 422, not a trap")
    func hugeOptionCountsAre422() throws {
        try withAPIService { api in
            let body = try surveyBody { input in
                input["sample_size"] = Int.max
                input["respondents"] = Int.max
                var questions = input["questions"] as? [[String: Any]] ?? []
                questions[0]["options"] = [["number": 1, "label": "a", "count": Int.max], ["number": 2, "label": "b", "count": Int.max]]
                input["questions"] = questions
            }
            let response = try post(api, "/api/v1/surveys", body)
            #expect(response.status == 422)
            #expect(Set(try fields(response)).isSuperset(of: ["sample_size", "respondents"]))
        }
    }

    @Test("the survey checker sums checked even when handed counts past every range")
    func validatorSumsAreOverflowChecked() {
        var input = SurveyInput(
            id: 16, edition: 16, title: "t", fiscalYear: 2023, area: "a", target: "t", sampleSize: 100, respondents: 100,
            method: "m", period: .init(start: "2023-06-01", end: "2023-06-30", label: "l"),
            profile: [.init(dimension: "gender", label: "a", count: Int.max), .init(dimension: "gender", label: "b", count: Int.max)],
            questions: [.init(number: 1, text: "q", multipleAnswers: false, options: [.init(number: 1, label: "a", count: Int.max)])])
        #expect(!SurveyValidator.problems(in: input).isEmpty)
        input.respondents = Int.max
        #expect(!SurveyValidator.problems(in: input).isEmpty)
    }

    @Test("a survey id beyond what GET /surveys/{id} reads is refused at POST, so no Location 404s",
          arguments: [1_000_000_000, Int.max, 0, -1])
    func surveyIDOutOfReadableRangeIs422(id: Int) throws {
        try withAPIService { api in
            let response = try post(api, "/api/v1/surveys", try surveyBody { $0["id"] = id })
            #expect(response.status == 422)
            #expect(try fields(response) == ["id"])
        }
    }

    @Test("the largest survey id accepted at POST is readable at its Location")
    func largestSurveyIDIsReadable() throws {
        try withAPIService { api in
            let id = SurveyValidator.surveyIDs.upperBound
            let response = try post(api, "/api/v1/surveys", try surveyBody { $0["id"] = id })
            #expect(response.status == 201, "\(response.text)")
            let location = try #require(response.header("Location"))
            #expect(try api.get(location).status == 200)
        }
    }

    @Test("survey integers given as fractions or out-of-range exponents are 422 naming the field",
          arguments: [("sample_size", "500.5"), ("respondents", "1e400"), ("edition", "-1e400"), ("id", "1e10")])
    func surveyNonIntegerNumbersAre422(field: String, literal: String) throws {
        try withAPIService { api in
            let text = String(decoding: try surveyBody { _ in }, as: UTF8.self)
            let original = field == "sample_size" ? "500" : field == "respondents" ? "200" : "16"
            let body = text.replacingOccurrences(of: "\"\(field)\":\(original)", with: "\"\(field)\":\(literal)")
            #expect(body != text)
            let response = try post(api, "/api/v1/surveys", Array(body.utf8))
            #expect(response.status == 422, "\(response.text)")
            #expect(try fields(response).contains(field), "\(response.text)")
        }
    }

    @Test("project integers: fractions and huge values are 422; whole numbers written 1e1 or 10.0 count",
          arguments: [("progress", "10.5", false), ("progress", "1e400", false), ("progress", "1e1", true), ("progress", "10.0", true),
                      ("start_fiscal_year", "2.023e3", true), ("end_fiscal_year", "9223372036854775808", false)])
    func projectIntegerForms(field: String, literal: String, accepted: Bool) throws {
        try withAPIService { api in
            var members = [#""measure_code":"1-1""#, #""title":"t""#, #""department":"d""#]
            for (name, value) in [("progress", "0"), ("start_fiscal_year", "2023"), ("end_fiscal_year", "2024")] {
                members.append("\"\(name)\":\(name == field ? literal : value)")
            }
            let response = try post(api, "/api/v1/projects", Array("{\(members.joined(separator: ","))}".utf8))
            if accepted {
                #expect(response.status == 201, "\(response.text)")
            } else {
                #expect(response.status == 422)
                #expect(try fields(response) == [field])
            }
        }
    }

    @Test("KPI values must be finite and within ±1e15", arguments: ["1e400", "-1e400", "1e16"])
    func kpiValueOutOfRangeIs422(literal: String) throws {
        try withAPIService { api in
            let body = #"{"measure_code":"1-1","title":"t","department":"d","start_fiscal_year":2023,"end_fiscal_year":2024,"kpi":{"name":"n","target":"# + literal + #","actual":"# + literal + "}}"
            let response = try post(api, "/api/v1/projects", Array(body.utf8))
            #expect(response.status == 422)
            #expect(Set(try fields(response)) == ["kpi.target", "kpi.actual"])
        }
    }
}

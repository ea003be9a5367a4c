import Foundation
import Testing

@testable import DXCore

@Suite("Survey JSON shape")
struct SurveyJSONTests {
    private func object(_ value: some Encodable) throws -> [String: Any] {
        let data = try JSONEncoder().encode(value)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("a survey carries its computed response rate and period under snake_case keys")
    func survey() throws {
        let record = try SurveyValidator.validate(SurveyInputFixture.survey2021())
        let json = try object(record.survey)
        #expect(json["sample_size"] as? Int == 3000)
        #expect(json["respondents"] as? Int == 1201)
        #expect(json["response_rate"] as? Double == 1201.0 / 3000.0)
        #expect(json["fiscal_year"] as? Int == 2021)
        let period = try #require(json["period"] as? [String: Any])
        #expect(period["start"] as? String == "2021-06-08")
        #expect(period["end"] as? String == "2021-07-16")
    }

    @Test("the seed's 回答率40% is the computed response rate rounded to a whole percent")
    func responseRate() throws {
        let record = try SurveyValidator.validate(SurveyInputFixture.survey2021())
        #expect(Int((record.survey.responseRate * 100).rounded()) == 40)
        #expect(abs(record.survey.responseRate - 0.400333) < 1e-6)
    }

    @Test("a question lists options with ratio, ci95 as a pair and rank, then no_answer and responses")
    func question() throws {
        let record = try SurveyValidator.validate(SurveyInputFixture.survey2021())
        let json = try object(try record.surveyQuestions()[0])
        #expect(json["multiple_answers"] as? Bool == true)
        let options = try #require(json["options"] as? [[String: Any]])
        #expect(Set(options[0].keys) == ["number", "label", "count", "ratio", "ci95", "rank"])
        #expect((options[0]["ci95"] as? [Double])?.count == 2)
        #expect(options.map { $0["rank"] as? Int } == [2, 1, 3, 4, 4, 7, 6, 8])
        let noAnswer = try #require(json["no_answer"] as? [String: Any])
        #expect(noAnswer["count"] as? Int == 26)
        let responses = try #require(json["responses"] as? [[String: Any]])
        #expect(responses[0]["option_number"] as? Int == 2)
    }

    @Test("ratios of a multiple-answer question sum to more than 1")
    func multipleAnswersExceedOne() throws {
        let record = try SurveyValidator.validate(SurveyInputFixture.survey2021())
        for question in try record.surveyQuestions() {
            #expect(question.options.reduce(0) { $0 + $1.ratio } > 1)
        }
    }
}

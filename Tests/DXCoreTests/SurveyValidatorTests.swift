import Testing

@testable import DXCore

@Suite("Survey validation")
struct SurveyValidatorTests {
    private func problems(_ change: (inout SurveyInput) -> Void) -> [SurveyValidationProblem] {
        var input = SurveyInputFixture.survey2021()
        change(&input)
        return SurveyValidator.problems(in: input)
    }

    private func fields(_ change: (inout SurveyInput) -> Void) -> [String] {
        problems(change).map(\.field)
    }

    @Test("the 2021 survey as transcribed is consistent")
    func seedIsValid() throws {
        let record = try SurveyValidator.validate(SurveyInputFixture.survey2021())
        #expect(record.survey.respondents == 1201)
        #expect(record.profile.count == 11)
        #expect(record.questions.map(\.options.count) == [8, 6])
        #expect(record.questions[0].noAnswer == SurveyRecord.NoAnswer(label: "無回答", count: 26))
    }

    @Test("gender categories must sum to the respondents")
    func genderSum() {
        let found = problems { $0.profile![0].count = 440 }
        #expect(found == [SurveyValidationProblem(field: "profile", message: "gender categories sum to 1200, not the 1201 respondents")])
    }

    @Test("age categories must sum to the respondents")
    func ageSum() {
        let found = problems { $0.profile![3].count = 6 }
        #expect(found == [SurveyValidationProblem(field: "profile", message: "age categories sum to 1202, not the 1201 respondents")])
    }

    @Test("each dimension must be present")
    func missingDimension() {
        let found = problems { $0.profile!.removeAll { $0.dimension == "age" } }
        #expect(found == [SurveyValidationProblem(field: "profile", message: "has no age categories")])
    }

    @Test("an unknown dimension is named")
    func unknownDimension() {
        #expect(fields { $0.profile![0].dimension = "income" }.contains("profile[0].dimension"))
    }

    @Test("a profile count may not exceed the respondents")
    func profileCountTooHigh() {
        #expect(fields { $0.profile![1].count = 1202 }.contains("profile[1].count"))
    }

    @Test("an option count may not exceed the respondents")
    func optionCountTooHigh() {
        let found = problems { $0.questions![0].options![2].count = 1202 }
        #expect(found == [SurveyValidationProblem(field: "questions[0].options[2].count", message: "1202 exceeds the 1201 respondents")])
    }

    @Test("a no-answer count may not exceed the respondents")
    func noAnswerTooHigh() {
        #expect(fields { $0.questions![1].noAnswer!.count = 5000 } == ["questions[1].no_answer.count"])
    }

    @Test("counts may not be negative")
    func negativeCount() {
        let found = problems { $0.questions![1].options![0].count = -1 }
        #expect(found == [SurveyValidationProblem(field: "questions[1].options[0].count", message: "must be 0 or more, got -1")])
    }

    @Test("respondents may not exceed the sample size")
    func respondentsAboveSample() {
        let found = problems { $0.sampleSize = 1200 }
        #expect(found == [SurveyValidationProblem(field: "respondents", message: "1201 exceeds the sample size 1200")])
    }

    @Test("a survey needs at least one respondent")
    func zeroRespondents() {
        #expect(fields { $0.respondents = 0 }.contains("respondents"))
    }

    @Test("option numbers are unique within a question")
    func duplicateOptionNumber() {
        #expect(fields { $0.questions![0].options![6].number = 1 } == ["questions[0].options[6].number"])
    }

    @Test("question numbers are unique within a survey")
    func duplicateQuestionNumber() {
        #expect(fields { $0.questions![1].number = 1 } == ["questions[1].number"])
    }

    @Test("every missing required field is reported at once")
    func requiredFields() {
        let found = fields {
            $0.title = nil
            $0.period = nil
            $0.questions![0].options![0].label = nil
        }
        #expect(found == ["title", "period", "questions[0].options[0].label"])
    }

    @Test("blank text counts as missing")
    func blankText() {
        #expect(fields { $0.area = "  " } == ["area"])
    }

    @Test("dates must exist on the calendar")
    func impossibleDate() {
        #expect(fields { $0.period!.start = "2021-02-30" } == ["period.start"])
        #expect(fields { $0.period!.end = "2021/07/16" } == ["period.end"])
    }

    @Test("the period may not end before it starts")
    func periodOrder() {
        #expect(fields { $0.period!.end = "2021-06-07" } == ["period.end"])
    }

    @Test("the fiscal year must contain the start date (April to March)")
    func fiscalYear() {
        #expect(fields { $0.fiscalYear = 2020 } == ["fiscal_year"])
        #expect(fields {
            $0.fiscalYear = 2020
            $0.period = .init(start: "2021-02-01", end: "2021-02-20", label: "令和3年2月")
        }.isEmpty)
    }

    @Test("a single-answer question's counts sum to the respondents exactly")
    func singleAnswerSum() {
        let found = problems { $0.questions![1].multipleAnswers = false }
        #expect(found == [SurveyValidationProblem(field: "questions[1].options", message: "single-answer counts sum to 1745, not the 1201 respondents")])
    }

    @Test("a multiple-answer question's counts cannot sum to fewer than the respondents")
    func multipleAnswerSum() {
        let found = problems {
            for i in $0.questions![1].options!.indices { $0.questions![1].options![i].count = 100 }
        }
        #expect(found == [SurveyValidationProblem(field: "questions[1].options", message: "counts sum to 613, fewer than the 1201 respondents")])
    }

    @Test("a city response can only point at an existing option")
    func responseOption() {
        #expect(fields { $0.questions![0].responses![0].optionNumber = 9 } == ["questions[0].responses[0].option_number"])
    }

    @Test("validate throws every problem it found")
    func throwsAll() {
        var input = SurveyInputFixture.survey2021()
        input.sampleSize = 1000
        input.title = ""
        #expect(throws: SurveyValidationError.self) { try SurveyValidator.validate(input) }
        do {
            _ = try SurveyValidator.validate(input)
        } catch {
            #expect(error.problems.map(\.field) == ["title", "respondents"])
        }
    }
}

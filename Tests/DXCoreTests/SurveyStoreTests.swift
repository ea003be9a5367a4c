import Foundation
import Testing

@testable import DXCore

/// The 2021 survey re-submitted as a later edition, so it does not collide with the seed.
private func survey2022() -> SurveyInput {
    var input = SurveyInputFixture.survey2021()
    input.id = 16
    input.edition = 16
    input.title = "第16回都城市市民意識調査"
    input.fiscalYear = 2022
    input.period = .init(start: "2022-06-07", end: "2022-07-15", label: "令和4年6月7日～7月15日")
    return input
}

@Suite("Survey store")
struct SurveyStoreTests {
    @Test("the seeded survey 15 reads back with the seed's method, area, sample and period")
    func seededSurvey() throws {
        let seed = try SurveySeedFixture.load()
        try withMigratedPool { pool throws in
            let survey = try #require(try SurveyStore(pool: pool).survey(id: 15))
            #expect(survey.edition == 15)
            #expect(survey.title == "第15回都城市市民意識調査")
            #expect(survey.fiscalYear == 2021)
            #expect(survey.fiscalYearLabel == "令和3年度")
            #expect(survey.area == seed.fields["調査区域"])
            #expect(survey.target == seed.fields["調査対象者"])
            #expect(survey.method == seed.fields["実施方法"])
            #expect("\(survey.sampleSize.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US"))))人" == seed.fields["モニター数"])
            #expect(survey.sampleSize == 3000)
            #expect(survey.respondents == 1201)
            #expect(seed.respondentsLine == "1,201人（回答率\(Int((survey.responseRate * 100).rounded()))%）")
            #expect(survey.responseRate == 1201.0 / 3000.0)
            #expect(survey.period == SurveyPeriod(start: "2021-06-08", end: "2021-07-16", label: seed.fields["調査期間"] ?? ""))
        }
    }

    @Test("every stored profile count equals the seed's, and every ratio rounds to its percentage")
    func seededProfile() throws {
        let seed = try SurveySeedFixture.load()
        try withMigratedPool { pool throws in
            let profile = try #require(try SurveyStore(pool: pool).respondents(surveyID: 15))
            #expect(profile.count == 11)
            SurveySeedChecks.profile(profile, match: seed)
        }
    }

    @Test("every stored option, no-answer row and city response equals the seed's")
    func seededQuestions() throws {
        let seed = try SurveySeedFixture.load()
        try withMigratedPool { pool throws in
            let questions = try #require(try SurveyStore(pool: pool).questions(surveyID: 15))
            SurveySeedChecks.questions(questions, match: seed)
            // Each response names the option its heading quotes.
            #expect(questions[0].responses.map(\.optionNumber) == [2, 1])
            #expect(questions[1].responses.map(\.optionNumber) == [3, 1])
        }
    }

    @Test("one question is the same as in the full list")
    func singleQuestion() throws {
        try withMigratedPool { pool throws in
            let store = SurveyStore(pool: pool)
            let all = try #require(try store.questions(surveyID: 15))
            #expect(try store.question(surveyID: 15, number: 2) == all[1])
        }
    }

    @Test("the seed is listed")
    func list() throws {
        try withMigratedPool { pool throws in
            #expect(try SurveyStore(pool: pool).list().map(\.id) == [15])
        }
    }

    @Test("an unknown survey is absent from every read")
    func unknownSurvey() throws {
        try withMigratedPool { pool throws in
            let store = SurveyStore(pool: pool)
            #expect(try store.survey(id: 99) == nil)
            #expect(try store.respondents(surveyID: 99) == nil)
            #expect(try store.questions(surveyID: 99) == nil)
            #expect(try store.question(surveyID: 99, number: 1) == nil)
        }
    }

    @Test("an unknown question of a known survey is absent")
    func unknownQuestion() throws {
        try withMigratedPool { pool throws in
            #expect(try SurveyStore(pool: pool).question(surveyID: 15, number: 3) == nil)
            #expect(try SurveyStore(pool: pool).question(surveyID: 15, number: 0) == nil)
        }
    }

    @Test("a created survey reads back exactly as submitted")
    func createRoundTrip() throws {
        try withMigratedPool { pool throws in
            let store = SurveyStore(pool: pool)
            let created = try store.create(survey2022())
            #expect(try store.record(id: 16) == created)
            #expect(try store.list().map(\.id) == [15, 16])
            let question = try #require(try store.question(surveyID: 16, number: 1))
            #expect(question.options.map(\.count) == [569, 660, 173, 158, 158, 112, 139, 23])
            #expect(question.noAnswer?.count == 26)
            #expect(question.responses.first?.items == ["①行政手続きの電子化の徹底（デジタルファースト原則）"])
        }
    }

    @Test("a survey id that exists is a conflict")
    func duplicateID() throws {
        try withMigratedPool { pool throws in
            var input = survey2022()
            input.id = 15
            #expect {
                try SurveyStore(pool: pool).create(input)
            } throws: { error in
                guard case SurveyStoreError.conflict(field: "id", value: 15) = error else { return false }
                return true
            }
        }
    }

    @Test("an edition that exists is a conflict")
    func duplicateEdition() throws {
        try withMigratedPool { pool throws in
            var input = survey2022()
            input.edition = 15
            #expect {
                try SurveyStore(pool: pool).create(input)
            } throws: { error in
                guard case SurveyStoreError.conflict(field: "edition", value: 15) = error else { return false }
                return true
            }
        }
    }

    @Test("an invalid survey is rejected with its problems and nothing is stored")
    func invalid() throws {
        try withMigratedPool { pool throws in
            var input = survey2022()
            input.respondents = 4000
            let store = SurveyStore(pool: pool)
            #expect {
                try store.create(input)
            } throws: { error in
                guard case SurveyStoreError.invalid(let validation) = error else { return false }
                return validation.problems.map(\.field) == ["respondents"]
            }
            #expect(try store.survey(id: 16) == nil)
        }
    }

    @Test("a failure part-way through a create leaves no trace of the survey")
    func atomicCreate() throws {
        try withMigratedPool { pool throws in
            // Make the very last kind of row fail to insert.
            try pool.write { db in
                try db.execute(
                    """
                    CREATE TEMP TRIGGER fail_items BEFORE INSERT ON survey_response_items
                    BEGIN SELECT RAISE(ABORT, 'injected failure'); END;
                    """)
            }
            let store = SurveyStore(pool: pool)
            #expect {
                try store.create(survey2022())
            } throws: { error in
                guard case SurveyStoreError.database = error else { return false }
                return true
            }
            #expect(try store.survey(id: 16) == nil)
            let leftovers = try pool.read { db in
                try db.scalar("SELECT count(*) FROM survey_options WHERE survey_id = 16")
            }
            #expect(leftovers == .integer(0))
        }
    }
}

@Suite("Survey schema constraints")
struct SurveySchemaTests {
    private func rejects(_ sql: String) throws -> Bool {
        try withMigratedPool { pool throws in
            do {
                try pool.write { db in try db.execute(sql) }
                return false
            } catch let error as SQLiteError {
                return error.isConstraint
            }
        }
    }

    @Test("respondents may not exceed the sample size")
    func respondentsWithinSample() throws {
        #expect(try rejects("UPDATE surveys SET sample_size = 1200 WHERE id = 15"))
    }

    @Test("an option count may not exceed the respondents")
    func optionCount() throws {
        #expect(try rejects("UPDATE survey_options SET count = 1202 WHERE survey_id = 15 AND number = 1"))
    }

    @Test("a profile count may not exceed the respondents")
    func profileCount() throws {
        #expect(try rejects("UPDATE survey_profile_categories SET count = 1202 WHERE survey_id = 15 AND position = 1"))
    }

    @Test("respondents may not drop below a stored count")
    func respondentsCoverCounts() throws {
        #expect(try rejects("UPDATE surveys SET respondents = 700 WHERE id = 15"))
    }

    @Test("counts may not be negative")
    func negativeCount() throws {
        #expect(try rejects("UPDATE survey_options SET count = -1 WHERE survey_id = 15 AND number = 1"))
    }

    @Test("a question has at most one no-answer row")
    func oneNoAnswer() throws {
        #expect(try rejects("INSERT INTO survey_options VALUES (15, 1, NULL, '無回答', 1)"))
    }

    @Test("period dates must be real calendar dates")
    func realDates() throws {
        #expect(try rejects("UPDATE surveys SET period_start = '2021-02-30' WHERE id = 15"))
    }

    @Test("an option belongs to an existing question")
    func optionNeedsQuestion() throws {
        #expect(try rejects("INSERT INTO survey_options VALUES (15, 9, 1, 'x', 1)"))
    }
}

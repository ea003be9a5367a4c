import Testing

@testable import DXCore

/// Seed-versus-data checks shared by every source of a `SurveyRecord` (the migration's seed
/// rows read back through `SurveyStore`, and the POST fixture).
enum SurveySeedChecks {
    /// The seed prints percentages rounded half up to one decimal of count / respondents.
    static func seedPercent(_ ratio: Double) -> String {
        let tenths = Int((ratio * 1000).rounded(.toNearestOrAwayFromZero))
        return "\(tenths / 10).\(tenths % 10)"
    }

    static func profile(_ entries: [ProfileEntry], match seed: SurveySeedFixture) {
        for (dimension, rows) in [(ProfileDimension.gender, seed.gender), (.age, seed.age)] {
            let stored = entries.filter { $0.dimension == dimension }
            #expect(stored.map(\.label) == rows.map(\.label), "\(dimension) labels and order")
            for (entry, row) in zip(stored, rows) {
                #expect(entry.count == row.count, "\(dimension) \(row.label) count")
                #expect(seedPercent(entry.ratio) == row.percent, "\(dimension) \(row.label): \(entry.ratio)")
            }
        }
    }

    static func questions(_ questions: [SurveyQuestion], match seed: SurveySeedFixture, responses: Bool = true) {
        #expect(questions.map(\.number) == seed.questions.map(\.number))
        for (question, seeded) in zip(questions, seed.questions) {
            let q = "question \(question.number)"
            #expect("(\(question.number)) \(question.text)(複数回答可)" == seeded.line, "\(q) text")
            #expect(question.multipleAnswers, "\(q) is multiple-answer")
            #expect(question.respondents == seeded.total, "\(q) 計 row")
            #expect(question.options.count == seeded.options.count, "\(q) option count")
            for (option, row) in zip(question.options, seeded.options) {
                #expect(option.number == row.number, "\(q) option number")
                #expect(option.label == row.label, "\(q) option \(row.label)")
                #expect(option.count == row.count, "\(q) \(row.label) count")
                #expect(option.ratio == Double(row.count) / 1201, "\(q) \(row.label) ratio is unrounded")
                #expect(seedPercent(option.ratio) == row.percent, "\(q) \(row.label): \(option.ratio)")
                #expect(option.ci95.low < option.ratio && option.ratio < option.ci95.high, "\(q) \(row.label) ci95")
            }
            #expect(question.noAnswer?.label == seeded.noAnswer?.label, "\(q) no-answer label")
            #expect(question.noAnswer?.count == seeded.noAnswer?.count, "\(q) no-answer count")
            if let noAnswer = question.noAnswer, let row = seeded.noAnswer {
                #expect(seedPercent(noAnswer.ratio) == row.percent, "\(q) 無回答: \(noAnswer.ratio)")
            }
            guard responses else { continue }
            #expect(question.responses.count == seeded.responses.count, "\(q) response count")
            for (position, (response, printed)) in zip(question.responses, seeded.responses).enumerated() {
                #expect(response.rank == position + 1, "\(q) response rank")
                #expect(response.heading == printed.heading, "\(q) response heading")
                #expect("⇒" + response.text == printed.paragraph, "\(q) response paragraph")
                #expect(response.items == printed.items, "\(q) response items")
            }
        }
    }
}

@Suite("Survey seed fixture")
struct SurveySeedFixtureTests {
    @Test("the appendix parses into both profile tables and both questions")
    func parses() throws {
        let seed = try SurveySeedFixture.load()
        #expect(seed.gender.count == 3)
        #expect(seed.age.count == 8)
        #expect(seed.questions.map(\.options.count) == [8, 6])
        #expect(seed.questions.map(\.total) == [1201, 1201])
        #expect(seed.questions.map(\.responses.count) == [2, 2])
        #expect(seed.questions[0].responses[0].items.count == 3)
        #expect(seed.fields["モニター数"] == "3,000人")
        #expect(seed.respondentsLine == "1,201人（回答率40%）")
    }

    @Test("every percentage in the seed comes out of its count over 1,201 respondents")
    func seedPercentagesFollowFromCounts() throws {
        let seed = try SurveySeedFixture.load()
        let rows = seed.gender + seed.age + seed.questions.flatMap { $0.options + [$0.noAnswer].compactMap { $0 } }
        #expect(rows.count == 3 + 8 + 9 + 7)
        for row in rows {
            #expect(SurveySeedChecks.seedPercent(Double(row.count) / 1201) == row.percent, "\(row.label) \(row.count)")
        }
    }

    @Test("the POST fixture used by other tests agrees with the seed")
    func inputFixtureMatchesSeed() throws {
        let seed = try SurveySeedFixture.load()
        let record = try SurveyValidator.validate(SurveyInputFixture.survey2021())
        SurveySeedChecks.profile(record.profileEntries, match: seed)
        SurveySeedChecks.questions(try record.surveyQuestions(), match: seed, responses: false)
    }
}

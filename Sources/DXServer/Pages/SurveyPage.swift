import DXCore

/// `/surveys/{id}`: the survey, who answered (by gender and age), and each question with its
/// chart (inline SVG with its text alternative), its table of counts, percentages and 95 %
/// Wilson intervals, and the city's stated responses.
struct SurveyPage: Sendable {
    struct ProfileRow: Sendable {
        let label: String
        let count: String
        let percent: String
    }

    struct Profile: Sendable {
        let caption: String
        let rows: [ProfileRow]
    }

    struct OptionRow: Sendable {
        let label: String
        let count: String
        let percent: String
        let interval: String
        let isNoAnswer: Bool
    }

    struct Response: Sendable {
        let heading: String
        let text: [String]
        let items: [String]
        let hasItems: Bool
    }

    struct Question: Sendable {
        let number: Int
        let anchor: String
        let text: String
        let answers: String
        let respondents: String
        let chart: String
        let rows: [OptionRow]
        let csvPath: String
        let responses: [Response]
        let hasResponses: Bool
    }

    let layout: PageLayout
    let title: String
    let summary: [String]
    let fiscalYear: String
    let period: String
    let area: String
    let target: String
    let method: String
    let sampleSize: String
    let respondents: String
    let responseRate: String
    /// 0–100 for `<progress>`.
    let responseRateValue: Int
    let profiles: [Profile]
    let questions: [Question]
    let apiPath: String
}

extension Pages {
    func survey(_ request: Request) throws -> HTTPResponse {
        let id = try SurveyRoutes.surveyID(request)
        guard let survey = try surveys.survey(id: id) else { throw SurveyRoutes.unknownSurvey(id) }
        let profile = try surveys.respondents(surveyID: id) ?? []
        let questions = try surveys.questions(surveyID: id) ?? []
        let dimensions = Dictionary(grouping: profile, by: \.dimension)
        let model = SurveyPage(
            layout: try layout(survey.title, .survey),
            title: survey.title, summary: PageFormat.paragraphs(survey.summary),
            fiscalYear: JapaneseEra.fiscalYear(survey.fiscalYear), period: survey.period.label, area: survey.area,
            target: survey.target, method: survey.method,
            sampleSize: PageFormat.grouped(survey.sampleSize), respondents: PageFormat.grouped(survey.respondents),
            responseRate: PageFormat.percent(survey.responseRate),
            responseRateValue: Int((max(0, min(1, survey.responseRate)) * 100).rounded()),
            profiles: ProfileDimension.allCases.compactMap { dimension in
                guard let entries = dimensions[dimension], !entries.isEmpty else { return nil }
                return SurveyPage.Profile(
                    caption: "回答者の\(dimension.label)別内訳（\(PageFormat.grouped(survey.respondents))人）",
                    rows: entries.sorted { $0.position < $1.position }.map {
                        SurveyPage.ProfileRow(label: $0.label, count: PageFormat.grouped($0.count), percent: PageFormat.percent($0.ratio))
                    })
            },
            questions: questions.map { question in
                var rows = question.options.sorted { $0.number < $1.number }.map { option in
                    SurveyPage.OptionRow(
                        label: "(\(option.number)) \(option.label)", count: PageFormat.grouped(option.count),
                        percent: PageFormat.percent(option.ratio),
                        interval: "\(PageFormat.percent(option.ci95.low))～\(PageFormat.percent(option.ci95.high))", isNoAnswer: false)
                }
                if let none = question.noAnswer {
                    rows.append(SurveyPage.OptionRow(label: none.label, count: PageFormat.grouped(none.count),
                                                     percent: PageFormat.percent(none.ratio), interval: "—", isNoAnswer: true))
                }
                let responses = question.responses.sorted { $0.rank < $1.rank }.map {
                    SurveyPage.Response(heading: $0.heading, text: PageFormat.paragraphs($0.text), items: $0.items, hasItems: !$0.items.isEmpty)
                }
                return SurveyPage.Question(
                    number: question.number, anchor: "q\(question.number)", text: question.text,
                    answers: question.multipleAnswers ? "複数回答" : "単一回答",
                    respondents: PageFormat.grouped(question.respondents),
                    chart: SurveyChart.svg(question: question, descriptionID: "q\(question.number)-desc"),
                    rows: rows, csvPath: "/api/v1/surveys/\(id)/questions/\(question.number).csv",
                    responses: responses, hasResponses: !responses.isEmpty)
            },
            apiPath: "/api/v1/surveys/\(id)")
        return try render("survey", model)
    }
}

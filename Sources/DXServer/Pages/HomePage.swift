import DXCore

/// `/`: the plan — title, subtitle, period in 令和 and 西暦, purpose, the six basic concepts,
/// the three basic policies with their measures, and the overall progress.
struct HomePage: Sendable {
    struct ConceptItem: Sendable {
        let number: Int
        let question: String
        let statement: [String]
    }

    struct MeasureItem: Sendable {
        let code: String
        let path: String
        let title: String
        let progress: ProgressSummary
    }

    struct PolicyItem: Sendable {
        let id: Int
        let path: String
        let title: String
        let goal: String
        let measures: [MeasureItem]
        let progress: ProgressSummary
    }

    struct SurveyItem: Sendable {
        let path: String
        let title: String
        let fiscalYear: String
    }

    let layout: PageLayout
    let title: String
    let subtitle: String
    let volume: String
    let period: String
    let periodNote: String
    let purpose: [String]
    let positioning: [String]
    let concepts: [ConceptItem]
    let policies: [PolicyItem]
    let overall: ProgressSummary
    let surveys: [SurveyItem]
    let hasPositioning: Bool
    let hasSurveys: Bool
}

extension Pages {
    func home() throws -> HTTPResponse {
        guard let plan = try plan.plan() else { throw APIError(status: 503, detail: "The plan has not been loaded.") }
        let report = try projects.progress()
        let measures = try self.plan.measures()
        let progressByMeasure = Dictionary(report.measures.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let progressByPolicy = Dictionary(report.policies.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let policies = try self.plan.policies().map { policy in
            HomePage.PolicyItem(
                id: policy.id, path: "/policies/\(policy.id)", title: policy.title, goal: policy.goal,
                measures: measures.filter { $0.policyID == policy.id }.map { measure in
                    let progress = progressByMeasure[measure.code]
                    return HomePage.MeasureItem(
                        code: measure.code, path: "/measures/\(measure.code)", title: measure.title,
                        progress: ProgressSummary(projectCount: progress?.projectCount ?? 0, meanProgress: progress?.meanProgress,
                                                  counts: progress?.statusCounts ?? StatusCounts()))
                },
                progress: ProgressSummary(projectCount: progressByPolicy[policy.id]?.projectCount ?? 0,
                                          meanProgress: progressByPolicy[policy.id]?.meanProgress,
                                          counts: progressByPolicy[policy.id]?.statusCounts ?? StatusCounts()))
        }
        let surveyList = try surveys.list().sorted { $0.id > $1.id }
        let positioning = PageFormat.paragraphs(plan.positioning)
        let model = HomePage(
            layout: PageLayout(title: plan.title, section: .plan, site: site, latestSurveyID: surveyList.first?.id),
            title: plan.title, subtitle: plan.subtitle, volume: plan.volume,
            period: "\(JapaneseEra.fiscalYear(plan.period.startFiscalYear))から\(JapaneseEra.fiscalYear(plan.period.endFiscalYear))までの\(plan.period.endFiscalYear - plan.period.startFiscalYear + 1)年間",
            periodNote: plan.period.note,
            purpose: PageFormat.paragraphs(plan.purpose), positioning: positioning,
            concepts: try self.plan.concepts().map {
                HomePage.ConceptItem(number: $0.id, question: $0.question, statement: PageFormat.paragraphs($0.statement))
            },
            policies: policies, overall: ProgressSummary(overall: report.policies),
            surveys: surveyList.map { HomePage.SurveyItem(path: "/surveys/\($0.id)", title: $0.title, fiscalYear: JapaneseEra.fiscalYear($0.fiscalYear)) },
            hasPositioning: !positioning.isEmpty, hasSurveys: !surveyList.isEmpty)
        return try render("home", model)
    }
}

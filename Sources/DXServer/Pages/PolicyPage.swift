import DXCore

/// `/policies/{id}`: one basic policy, its measures, and under each its projects with status
/// badges, progress bars and KPI summaries.
struct PolicyPage: Sendable {
    struct MeasureSection: Sendable {
        let code: String
        let path: String
        let title: String
        let progress: ProgressSummary
        let projects: [ProjectSummary]
    }

    let layout: PageLayout
    let id: Int
    let title: String
    let goal: [String]
    let progress: ProgressSummary
    let measures: [MeasureSection]
}

extension Pages {
    func policy(_ request: Request) throws -> HTTPResponse {
        let (raw, value) = try request.integerParameter("id")
        guard let id = value, let detail = try plan.policy(id: id) else {
            throw APIError.notFound("There is no basic policy '\(raw)'; policies are numbered 1 to 3.")
        }
        var query = ProjectQuery()
        query.policyIDs = [id]
        let summaries = try self.summaries(try projects.projects(query))
        let report = try projects.progress()
        let byMeasure = Dictionary(report.measures.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let policyProgress = report.policies.first { $0.id == id }
        let model = PolicyPage(
            layout: try layout("基本方針\(id) \(detail.policy.title)", .plan),
            id: id, title: detail.policy.title, goal: PageFormat.paragraphs(detail.policy.goal),
            progress: ProgressSummary(projectCount: policyProgress?.projectCount ?? 0, meanProgress: policyProgress?.meanProgress,
                                      counts: policyProgress?.statusCounts ?? StatusCounts(), kpis: policyProgress?.kpis ?? KPITrackCounts()),
            measures: detail.measures.map { measure in
                let progress = byMeasure[measure.code]
                return PolicyPage.MeasureSection(
                    code: measure.code, path: "/measures/\(measure.code)", title: measure.title,
                    progress: ProgressSummary(projectCount: progress?.projectCount ?? 0, meanProgress: progress?.meanProgress,
                                              counts: progress?.statusCounts ?? StatusCounts()),
                    projects: summaries.filter { $0.measureCode == measure.code })
            })
        return try render("policy", model)
    }
}

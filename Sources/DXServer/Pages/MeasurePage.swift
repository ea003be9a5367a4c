import DXCore

/// `/measures/{code}`: one measure, its status counts and mean progress, and its projects.
struct MeasurePage: Sendable {
    let layout: PageLayout
    let code: String
    let title: String
    let policyID: Int
    let policyPath: String
    let policyTitle: String
    let progress: ProgressSummary
    let projects: [ProjectSummary]
    let listPath: String
}

extension Pages {
    func measure(_ request: Request) throws -> HTTPResponse {
        let code = try request.parameter("code")
        guard let measure = try plan.measure(code: code) else {
            throw APIError.notFound("There is no measure '\(code)'; measures are coded 1-1 to 3-8.")
        }
        let policy = try plan.policy(id: measure.policyID)?.policy
        let report = try projects.progress().measures.first { $0.code == code }
        let model = MeasurePage(
            layout: try layout("施策\(measure.code) \(measure.title)", .plan),
            code: measure.code, title: measure.title, policyID: measure.policyID, policyPath: "/policies/\(measure.policyID)",
            policyTitle: policy?.title ?? "",
            progress: ProgressSummary(projectCount: report?.projectCount ?? 0, meanProgress: report?.meanProgress,
                                      counts: report?.statusCounts ?? StatusCounts(), kpis: report?.kpis ?? KPITrackCounts()),
            projects: try summaries(try projects.projects(ProjectQuery(measureCode: code))),
            listPath: "/projects?measure=\(measure.code)")
        return try render("measure", model)
    }
}

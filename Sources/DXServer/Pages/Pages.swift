import DXCore

/// Builds each page from the stores and renders it through its template. Every handler goes
/// through `respond`, which turns an error a reader can cause (an unknown id, a bad filter)
/// into an HTML page with that status instead of problem+json.
struct Pages: Sendable {
    let site: PageSite
    let context: AppContext
    let plan: PlanStore
    let projects: ProjectStore
    let surveys: SurveyStore
    let kpis: KPIStore

    init(site: PageSite, context: AppContext) {
        self.site = site
        self.context = context
        plan = PlanStore(pool: context.pool)
        projects = ProjectStore(pool: context.pool)
        surveys = SurveyStore(pool: context.pool)
        kpis = KPIStore(pool: context.pool)
    }

    /// The newest survey, for the navigation.
    func latestSurveyID() throws -> Int? {
        try surveys.list().map(\.id).max()
    }

    func layout(_ title: String, _ section: PageLayout.Section) throws -> PageLayout {
        PageLayout(title: title, section: section, site: site, latestSurveyID: try latestSurveyID())
    }

    func render(_ template: String, _ model: Any, status: Int = 200) throws -> HTTPResponse {
        HTMLResponse.page(try site.render(template, model), status: status)
    }

    /// Runs a page builder; a client error becomes the error page with the same status. A
    /// server error is rethrown, so the service logs it and answers 500 with the request id.
    func respond(_ build: () throws -> HTTPResponse) throws -> HTTPResponse {
        do {
            return try build()
        } catch let error as any ProblemConvertible {
            let problem = error.apiError
            guard problem.status < 500 else { throw error }
            return try errorPage(status: problem.status, detail: problem.detail)
        }
    }

    func errorPage(status: Int, detail: String?) throws -> HTTPResponse {
        let latest = try? latestSurveyID()
        return try render("error", ErrorPage(status: status, detail: detail, site: site, latestSurveyID: latest ?? nil), status: status)
    }
}

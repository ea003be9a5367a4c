/// What the shared layout (`layout.mustache`) needs from every page: its title, the
/// stylesheet URL and which navigation entry is the current page (`aria-current="page"`).
struct PageLayout: Sendable {
    enum Section: Sendable { case plan, projects, survey, about, none }

    let title: String
    let stylesheet: String
    let navPlan: Bool
    let navProjects: Bool
    let navSurvey: Bool
    let navAbout: Bool
    /// The newest survey, linked from the navigation; nil before any survey is loaded.
    let surveyPath: String?

    init(title: String, section: Section, site: PageSite, latestSurveyID: Int?) {
        self.title = title
        stylesheet = "/assets/site.css?v=\(site.stylesheetVersion)"
        navPlan = section == .plan
        navProjects = section == .projects
        navSurvey = section == .survey
        navAbout = section == .about
        surveyPath = latestSurveyID.map { "/surveys/\($0)" }
    }
}

import DXCore

/// A project as a line of a list: link, status badge, progress bar, each KPI (from the KPI
/// store, not the old single `kpi`) in one sentence.
struct ProjectSummary: Sendable {
    let id: Int
    let path: String
    let title: String
    let measureCode: String
    let department: String
    let status: String
    let statusLabel: String
    let progress: Int
    let progressText: String
    let period: String
    let kpis: [KPIBrief]

    init(_ project: Project, kpis: [ProjectKPI] = []) {
        let fields = project.fields
        id = project.id
        path = "/projects/\(project.id)"
        title = fields.title
        measureCode = fields.measureCode
        department = fields.department
        status = fields.status.rawValue
        statusLabel = fields.status.label
        progress = max(0, min(100, fields.progress))
        progressText = "\(progress)%"
        period = Self.period(start: fields.startFiscalYear, end: fields.endFiscalYear)
        self.kpis = kpis.map(KPIBrief.init)
    }

    /// `令和4年度（2022年度）～令和7年度（2025年度）`, or the one year when both are the same.
    static func period(start: Int, end: Int) -> String {
        start == end ? JapaneseEra.fiscalYear(start) : "\(JapaneseEra.fiscalYear(start))～\(JapaneseEra.fiscalYear(end))"
    }
}

extension Pages {
    /// The list lines of `projects`, their KPIs read from the KPI store in one query.
    func summaries(_ projects: [Project]) throws -> [ProjectSummary] {
        let kpis = try self.kpis.kpis(projectIDs: projects.map(\.id))
        return projects.map { ProjectSummary($0, kpis: kpis[$0.id] ?? []) }
    }
}

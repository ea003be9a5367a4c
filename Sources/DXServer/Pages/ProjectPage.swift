import DXCore

/// `/projects/{id}`: the project, its KPI with a chart and the numbers as a table, and its
/// history as a timeline (oldest first, as the API lists it).
///
/// Evaluations and budget per fiscal year (issue 12) have their sections here once their
/// stores exist: `evaluations` and `budget` stay empty until then and the template says so.
struct ProjectPage: Sendable {
    struct Change: Sendable {
        let field: String
        let old: String?
        let new: String
    }

    struct Event: Sendable {
        let at: String
        let atText: String
        let actor: String
        let action: String
        let changes: [Change]
        let note: String?
    }

    let layout: PageLayout
    let project: ProjectSummary
    let description: [String]
    let measurePath: String
    let measureTitle: String
    let updatedAt: String
    let updatedAtText: String
    /// The KPI chart (server-made SVG, already escaped) with its text alternative inside.
    let kpiChart: String?
    let history: [Event]
    let historyPath: String
}

extension Pages {
    func project(_ request: Request) throws -> HTTPResponse {
        let (raw, value) = try request.integerParameter("id")
        guard let id = value, id > 0 else { throw APIError.notFound("There is no project '\(raw)'; project ids are positive integers.") }
        let project = try projects.project(id: id)
        let summary = ProjectSummary(project)
        let measure = try plan.measure(code: project.fields.measureCode)
        let history = try projects.history(projectID: id)
        let model = ProjectPage(
            layout: try layout(project.fields.title, .projects),
            project: summary, description: PageFormat.paragraphs(project.fields.description),
            measurePath: "/measures/\(project.fields.measureCode)",
            measureTitle: "\(project.fields.measureCode) \(measure?.title ?? "")",
            updatedAt: project.updatedAt, updatedAtText: PageFormat.timestamp(project.updatedAt),
            kpiChart: project.fields.kpi.map { KPIChart.svg($0, id: "kpi-\(id)") },
            history: history.map(ProjectPage.Event.init),
            historyPath: "/api/v1/projects/\(id)/history")
        return try render("project", model)
    }
}

extension ProjectPage.Event {
    static let actions: [ProjectHistoryEntry.Action: String] = [.create: "登録", .update: "更新", .archive: "終了（公開取り下げ）"]
    static let fieldLabels: [String: String] = [
        "title": "名称", "description": "内容", "department": "担当課", "status": "状況", "progress": "進捗",
        "measure_code": "施策", "start_fiscal_year": "開始年度", "end_fiscal_year": "終了年度", "kpi": "KPI",
    ]

    init(_ entry: ProjectHistoryEntry) {
        at = entry.at
        atText = PageFormat.timestamp(entry.at)
        actor = entry.actor
        action = Self.actions[entry.action] ?? entry.action.rawValue
        note = entry.note
        changes = entry.changes.sorted { $0.key < $1.key }.map { field, change in
            ProjectPage.Change(field: Self.fieldLabels[field] ?? field,
                               old: change.old == .null ? nil : Self.text(change.old, field: field),
                               new: Self.text(change.new, field: field))
        }
    }

    static func text(_ value: HistoryValue, field: String) -> String {
        switch value {
        case .null: return "（なし）"
        case .integer(let n):
            if field == "progress" { return "\(n)%" }
            if field.hasSuffix("fiscal_year") { return JapaneseEra.fiscalYear(n) }
            return String(n)
        case .number(let x): return PageFormat.number(x)
        case .string(let s):
            if field == "status", let status = ProjectStatus(rawValue: s) { return status.label }
            return s
        case .kpi(let kpi):
            return "\(kpi.name)（目標 \(PageFormat.number(kpi.target))\(kpi.unit)"
                + (kpi.actual.map { "、実績 \(PageFormat.number($0))\(kpi.unit)" } ?? "") + "）"
        }
    }
}

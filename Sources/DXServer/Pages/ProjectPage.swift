import DXCore

/// `/projects/{id}`: the project, every KPI of the KPI store (`KPIPanel`: targets, latest,
/// achievement, on track, chart and measurements), and its history as a timeline (oldest
/// first, as the API lists it).
///
/// Its evaluations (rating A–D with the Japanese label) and its budget per fiscal year
/// (planned and actual yen, execution rate) come from the tracking stores, each as a table.
struct ProjectPage: Sendable {
    struct EvaluationRow: Sendable {
        let period: String
        let rating: String
        let ratingLabel: String
        let comment: [String]
        let evaluatedBy: String
        let evaluatedAt: String
        let evaluatedAtText: String
    }

    struct BudgetRow: Sendable {
        let fiscalYear: String
        let planned: String
        let actual: String
        let rate: String
        let note: String
    }

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
    let kpis: [KPIPanel]
    let hasKPIs: Bool
    let evaluations: [EvaluationRow]
    let hasEvaluations: Bool
    let budget: [BudgetRow]
    let hasBudget: Bool
    let plannedTotal: String
    let actualTotal: String
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
        let kpis = try self.kpis.allSeries(projectID: id).map { KPIPanel($0.kpi, measurements: $0.measurements) }
        let evaluations = try EvaluationStore(pool: context.pool).evaluations(projectID: id)
        let budget = try BudgetStore(pool: context.pool).entries(projectID: id)
        let model = ProjectPage(
            layout: try layout(project.fields.title, .projects),
            project: summary, description: PageFormat.paragraphs(project.fields.description),
            measurePath: "/measures/\(project.fields.measureCode)",
            measureTitle: "\(project.fields.measureCode) \(measure?.title ?? "")",
            updatedAt: project.updatedAt, updatedAtText: PageFormat.timestamp(project.updatedAt),
            kpis: kpis, hasKPIs: !kpis.isEmpty,
            evaluations: evaluations.map(ProjectPage.EvaluationRow.init), hasEvaluations: !evaluations.isEmpty,
            budget: budget.map(ProjectPage.BudgetRow.init), hasBudget: !budget.isEmpty,
            plannedTotal: ProjectPage.yen(budget.reduce(0) { $0 &+ $1.plannedYen }),
            actualTotal: ProjectPage.yen(budget.reduce(0) { $0 &+ ($1.actualYen ?? 0) }),
            history: history.map(ProjectPage.Event.init),
            historyPath: "/api/v1/projects/\(id)/history")
        return try render("project", model)
    }
}

extension ProjectPage {
    /// `12,000,000円`.
    static func yen(_ value: Int) -> String { "\(PageFormat.grouped(value))円" }
}

extension ProjectPage.EvaluationRow {
    init(_ evaluation: Evaluation) {
        period = evaluation.period.label
        rating = evaluation.rating.rawValue
        ratingLabel = evaluation.rating.label
        comment = PageFormat.paragraphs(evaluation.comment)
        evaluatedBy = evaluation.evaluatedBy
        evaluatedAt = evaluation.evaluatedAt
        evaluatedAtText = PageFormat.timestamp(evaluation.evaluatedAt)
    }
}

extension ProjectPage.BudgetRow {
    init(_ entry: BudgetEntry) {
        fiscalYear = JapaneseEra.fiscalYear(entry.fiscalYear)
        planned = ProjectPage.yen(entry.plannedYen)
        actual = entry.actualYen.map(ProjectPage.yen) ?? "未確定"
        if let actual = entry.actualYen, entry.plannedYen > 0 {
            rate = PageFormat.percent(Double(actual) / Double(entry.plannedYen))
        } else {
            rate = "—"
        }
        note = entry.note
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
        // A create lists every member, the empty ones too (`kpis/3/note` ""): nothing to read there.
        let blank = { (value: HistoryValue) in value == .null || value == .string("") }
        changes = entry.changes.sorted { $0.key < $1.key }.filter { !(blank($0.value.old) && blank($0.value.new)) }.map { field, change in
            ProjectPage.Change(field: Self.fieldLabel(field),
                               old: change.old == .null ? nil : Self.text(change.old, field: field),
                               new: Self.text(change.new, field: field))
        }
    }

    /// Members of a KPI's path in the history (`KPIHistory`).
    static let kpiMemberLabels: [String: String] = [
        "name": "名称", "unit": "単位", "direction": "方向", "note": "備考", "baseline/value": "基準値", "baseline/date": "基準日",
    ]

    /// `evaluations.2023.rating` → `評価 2023.rating`; `budget.2023.planned_yen` → `予算 2023.planned_yen`;
    /// `kpis/3/targets/2024` → `KPI3 目標値 令和6年度`; `kpis/3/measurements/7/value` → `KPI3 実績7 値`.
    static func fieldLabel(_ field: String) -> String {
        if let label = fieldLabels[field] { return label }
        let path = field.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if path.count >= 3, path[0] == "kpis" {
            let kpi = "KPI\(path[1])"
            let member = path.dropFirst(2).joined(separator: "/")
            if let label = kpiMemberLabels[member] { return "\(kpi) \(label)" }
            if path.count == 4, path[2] == "targets", let year = Int(path[3]) { return "\(kpi) 目標値 \(EvaluationPeriod.eraLabel(year))" }
            if path.count == 5, path[2] == "measurements" {
                let part = ["date": "日付", "value": "値", "note": "メモ"][path[4]] ?? path[4]
                return "\(kpi) 実績\(path[3]) \(part)"
            }
        }
        for (prefix, label) in [("evaluations.", "評価"), ("budget.", "予算")] where field.hasPrefix(prefix) {
            return "\(label) \(field.dropFirst(prefix.count))"
        }
        return field
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
            if field.hasSuffix("/direction"), let direction = KPIDirection(rawValue: s) { return direction == .increase ? "増やす" : "減らす" }
            return s
        case .kpi(let kpi):
            return "\(kpi.name)（目標 \(PageFormat.number(kpi.target))\(kpi.unit)"
                + (kpi.actual.map { "、実績 \(PageFormat.number($0))\(kpi.unit)" } ?? "") + "）"
        }
    }
}

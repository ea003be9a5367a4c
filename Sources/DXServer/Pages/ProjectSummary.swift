import DXCore

/// A project as a line of a list: link, status badge, progress bar, KPI in one sentence.
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
    let kpi: KPISummary?

    init(_ project: Project) {
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
        kpi = fields.kpi.map(KPISummary.init)
    }

    /// `令和4年度（2022年度）～令和7年度（2025年度）`, or the one year when both are the same.
    static func period(start: Int, end: Int) -> String {
        start == end ? JapaneseEra.fiscalYear(start) : "\(JapaneseEra.fiscalYear(start))～\(JapaneseEra.fiscalYear(end))"
    }
}

/// A project's KPI (`kpi` of the project) in words and numbers.
struct KPISummary: Sendable {
    let name: String
    let unit: String
    let target: String
    let actual: String?
    /// `actual / target` as a percentage, when both are known and the target is not zero.
    let achievement: String?
    /// 0–100 for `<progress>`; an achievement above 100 % fills the bar.
    let achievementValue: Int?

    init(_ kpi: KPI) {
        name = kpi.name
        unit = kpi.unit
        target = PageFormat.number(kpi.target)
        actual = kpi.actual.map(PageFormat.number)
        if let value = kpi.actual, kpi.target != 0, value.isFinite, kpi.target.isFinite {
            let ratio = value / kpi.target
            achievement = PageFormat.percent(ratio)
            achievementValue = Int((max(0, min(1, ratio)) * 100).rounded())
        } else {
            achievement = nil
            achievementValue = nil
        }
    }
}

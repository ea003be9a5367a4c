import DXCore

/// A KPI of the KPI store in one line, for the project lists (`/projects`, policy and
/// measure pages): the latest value against the reference fiscal year's target, the
/// achievement and whether it is on track, in words.
struct KPIBrief: Sendable {
    let name: String
    /// `62%`, or nil when nothing is measured yet.
    let latest: String?
    /// `80%（令和5年度の目標）`, or nil without targets.
    let target: String?
    /// `55.0%`, the API's `achievement` (from the baseline to the target), or nil.
    let achievement: String?
    /// `on`, `off` or `none`, for the badge's class.
    let track: String
    /// `順調`, `遅れ`, `判定できません`.
    let trackLabel: String

    init(_ kpi: ProjectKPI) {
        let unit = kpi.fields.unit
        name = kpi.fields.name
        latest = kpi.latest.map { "\(PageFormat.number($0.value))\(unit)" }
        let reference = kpi.fields.targets.first { $0.fiscalYear == kpi.assessment.referenceFiscalYear }
        target = reference.map { "\(PageFormat.number($0.value))\(unit)（\(EvaluationPeriod.eraLabel($0.fiscalYear))の目標）" }
        achievement = kpi.assessment.achievement.map(PageFormat.percent)
        (track, trackLabel) = Self.track(kpi.assessment.onTrack)
    }

    /// The API's `on_track` in words: achievement at or above the share of the fiscal year
    /// elapsed is 順調; null (no baseline, measurement or target) cannot be judged.
    static func track(_ onTrack: Bool?) -> (String, String) {
        switch onTrack {
        case true?: ("on", "順調")
        case false?: ("off", "遅れ")
        case nil: ("none", "判定できません")
        }
    }
}

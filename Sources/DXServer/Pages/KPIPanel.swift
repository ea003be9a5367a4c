import DXCore

/// One KPI of the KPI store as `/projects/{id}` shows it: what was set (unit, direction,
/// baseline, a target per fiscal year), the latest measurement, the API's `achievement` as a
/// `<progress>` and `on_track` in words, the chart of `.../kpis/{kpi}/chart.svg` as an `<img>`
/// whose `alt` states every figure (`KPIChart.description`), and the measurements as a table
/// beside it.
struct KPIPanel: Sendable {
    struct TargetRow: Sendable {
        let fiscalYear: String
        let value: String
        /// The target `achievement` is measured against (the current fiscal year's, see `KPIAssessment`).
        let isReference: Bool
    }

    struct MeasurementRow: Sendable {
        let date: String
        let dateText: String
        let value: String
        let note: String
    }

    /// The table lists at most this many measurements, the newest; the rest are a link away
    /// (the API's list), so a KPI measured daily for years cannot make a page of megabytes.
    static let shownMeasurements = 40

    let id: Int
    let name: String
    let unit: String
    let directionLabel: String
    let baseline: String?
    let latest: String?
    let latestDate: String?
    let latestDateText: String?
    let hasTargets: Bool
    let targets: [TargetRow]
    /// `55.0%`, or nil when it cannot be computed.
    let achievement: String?
    /// 0–100 for `<progress>`: below the baseline shows empty, beyond the target full.
    let achievementValue: Int
    /// `令和5年度（2023年度）`, the reference target's year.
    let referenceYear: String?
    let track: String
    let trackLabel: String
    /// Why `on_track` says what it says, in one sentence.
    let trackReason: String
    let note: [String]
    let hasNote: Bool
    let chartPath: String
    let chartAlt: String
    let hasMeasurements: Bool
    let measurements: [MeasurementRow]
    let measurementCount: String
    /// Set when the table leaves older measurements out.
    let omitted: String?
    let measurementsPath: String

    init(_ kpi: ProjectKPI, measurements: [KPIMeasurement]) {
        let unit = kpi.fields.unit
        let assessment = kpi.assessment
        func figure(_ value: Double) -> String { "\(PageFormat.number(value))\(unit)" }
        id = kpi.id
        name = kpi.fields.name
        self.unit = unit.isEmpty ? "—" : unit
        directionLabel = kpi.fields.direction == .increase ? "増やす（値が大きいほど良い）" : "減らす（値が小さいほど良い）"
        baseline = kpi.fields.baseline.map { "\(figure($0.value))（\(PageFormat.date($0.date))）" }
        latest = kpi.latest.map { figure($0.value) }
        latestDate = kpi.latest?.date
        latestDateText = kpi.latest.map { PageFormat.date($0.date) }
        targets = kpi.fields.targets.map {
            TargetRow(fiscalYear: JapaneseEra.fiscalYear($0.fiscalYear), value: figure($0.value),
                      isReference: $0.fiscalYear == assessment.referenceFiscalYear)
        }
        hasTargets = !targets.isEmpty
        achievement = assessment.achievement.map(PageFormat.percent)
        let ratio = assessment.achievement ?? 0
        achievementValue = ratio.isFinite ? Int((max(0, min(1, ratio)) * 100).rounded()) : 0
        referenceYear = assessment.referenceFiscalYear.map(JapaneseEra.fiscalYear)
        (track, trackLabel) = KPIBrief.track(assessment.onTrack)
        trackReason = Self.reason(kpi)
        note = PageFormat.paragraphs(kpi.fields.note)
        hasNote = !note.isEmpty
        chartPath = "/api/v1/projects/\(kpi.projectID)/kpis/\(kpi.id)/chart.svg"
        // Every figure in words, as the chart's own <desc>; a series too long for the table is
        // too long to read out too, so then the alt says where the figures are.
        chartAlt = KPIChart.title(kpi) + "。" + (measurements.count > Self.shownMeasurements
            ? "実績値\(PageFormat.grouped(measurements.count))件の折れ線と年度ごとの目標値のグラフ。数値は目標値と実績値の表、実績値のデータ（JSON）にあります。"
            : KPIChart.description(kpi: kpi, measurements: measurements))
        hasMeasurements = !measurements.isEmpty
        self.measurements = measurements.suffix(Self.shownMeasurements).map {
            MeasurementRow(date: $0.date, dateText: PageFormat.date($0.date), value: figure($0.value), note: $0.note)
        }
        measurementCount = PageFormat.grouped(measurements.count)
        omitted = measurements.count > Self.shownMeasurements
            ? "新しい\(Self.shownMeasurements)件を表示しています（全\(PageFormat.grouped(measurements.count))件）。" : nil
        measurementsPath = "/api/v1/projects/\(kpi.projectID)/kpis/\(kpi.id)/measurements"
    }

    /// `on_track` explained: the achievement against the share of the fiscal year elapsed
    /// (`KPIAssessment`), or which figure is missing.
    static func reason(_ kpi: ProjectKPI) -> String {
        let a = kpi.assessment
        if let achievement = a.achievement, let share = a.elapsedShare, let onTrack = a.onTrack {
            let comparison = onTrack ? "以上" : "未満"
            return "達成率\(PageFormat.percent(achievement))が、年度の経過割合\(PageFormat.percent(share))\(comparison)です。"
        }
        var missing: [String] = []
        if kpi.fields.baseline == nil { missing.append("基準値") }
        if kpi.fields.targets.isEmpty { missing.append("目標値") }
        if kpi.latest == nil { missing.append("実績値") }
        return missing.isEmpty ? "達成率を計算できません。" : missing.joined(separator: "・") + "がないため、達成率を計算できません。"
    }
}

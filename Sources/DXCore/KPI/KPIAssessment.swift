/// What the API computes for a KPI on a given day: its achievement and whether it is on track.
///
/// - The **reference target** is the target of the fiscal year `today` falls in; when that
///   year has none, the target of the latest fiscal year before it ("the last"); when every
///   target lies in a later year, the earliest of them. No targets: no reference, and
///   `achievement` and `onTrack` are null.
/// - **achievement** = (latest − baseline) / (reference target − baseline), a ratio, not
///   clamped: 1 is the target reached, above 1 beyond it, below 0 worse than the baseline. The
///   same formula serves a decreasing KPI (both differences are negative when it improves).
///   When the target equals the baseline the ratio is undefined, so it is 1 if the latest
///   value is at or beyond the target in the KPI's direction (≥ for `increase`, ≤ for
///   `decrease`), else 0. Null without a baseline, a measurement or a reference target.
/// - **onTrack** = achievement ≥ the share of the reference fiscal year elapsed at the end of
///   `today` (`FiscalYear.elapsedShare`): 1 for a past year (its target is due), 0 for a
///   future one. Null when achievement is.
public struct KPIAssessment: Sendable, Equatable {
    public var referenceFiscalYear: Int?
    public var achievement: Double?
    public var elapsedShare: Double?
    public var onTrack: Bool?

    public init(direction: KPIDirection, baseline: Double?, targets: [KPITarget], latest: Double?, today: CalendarDate) {
        let current = FiscalYear(containing: today).year
        let reference = targets.first { $0.fiscalYear == current }
            ?? targets.filter { $0.fiscalYear < current }.max { $0.fiscalYear < $1.fiscalYear }
            ?? targets.filter { $0.fiscalYear > current }.min { $0.fiscalYear < $1.fiscalYear }
        referenceFiscalYear = reference?.fiscalYear
        elapsedShare = reference.map { FiscalYear($0.fiscalYear).elapsedShare(at: today) }
        guard let reference, let baseline, let latest else { return }
        let ratio: Double
        if reference.value == baseline {
            let reached = direction == .increase ? latest >= reference.value : latest <= reference.value
            ratio = reached ? 1 : 0
        } else {
            ratio = (latest - baseline) / (reference.value - baseline)
        }
        guard ratio.isFinite else { return }
        achievement = ratio
        if let elapsedShare { onTrack = ratio >= elapsedShare }
    }
}

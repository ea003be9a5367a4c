import DXCore

/// A roll-up of projects as the pages show it: a `<progress>` with the mean progress and
/// the count per status with its Japanese label, and how many KPIs of the KPI store are on
/// track, late or cannot be judged (the API's `kpis` of `GET /api/v1/progress`).
struct ProgressSummary: Sendable {
    struct StatusCount: Sendable {
        let status: String
        let label: String
        let count: String
    }

    let hasProjects: Bool
    let projectCount: String
    /// 0–100, rounded, for `<progress value>`.
    let value: Int
    /// `45.3%`.
    let text: String
    /// Statuses with at least one project, in the lifecycle's order.
    let statuses: [StatusCount]
    let hasKPIs: Bool
    let kpiCount: String
    let kpiOnTrack: String
    let kpiOffTrack: String
    let kpiNotAssessed: String

    init(projectCount: Int, meanProgress: Double?, counts: StatusCounts, kpis: KPITrackCounts = KPITrackCounts()) {
        hasProjects = projectCount > 0
        self.projectCount = PageFormat.grouped(projectCount)
        let mean = max(0, min(100, meanProgress ?? 0))
        value = Int(mean.rounded())
        text = PageFormat.percent(mean / 100)
        statuses = ProjectStatus.allCases.compactMap { status in
            let n = counts.count(of: status)
            return n > 0 ? StatusCount(status: status.rawValue, label: status.label, count: PageFormat.grouped(n)) : nil
        }
        let kpiTotal = kpis.onTrack + kpis.offTrack + kpis.notAssessed
        hasKPIs = kpiTotal > 0
        kpiCount = PageFormat.grouped(kpiTotal)
        kpiOnTrack = PageFormat.grouped(kpis.onTrack)
        kpiOffTrack = PageFormat.grouped(kpis.offTrack)
        kpiNotAssessed = PageFormat.grouped(kpis.notAssessed)
    }

    /// The whole plan: the policies' counts added, the mean weighted by their project counts.
    init(overall policies: [ProgressReport.PolicyProgress]) {
        var counts = StatusCounts()
        var total = 0
        var weighted = 0.0
        var kpis = KPITrackCounts()
        for policy in policies {
            kpis.onTrack += policy.kpis.onTrack
            kpis.offTrack += policy.kpis.offTrack
            kpis.notAssessed += policy.kpis.notAssessed
            counts = StatusCounts(planned: counts.planned + policy.statusCounts.planned,
                                  inProgress: counts.inProgress + policy.statusCounts.inProgress,
                                  completed: counts.completed + policy.statusCounts.completed,
                                  onHold: counts.onHold + policy.statusCounts.onHold,
                                  cancelled: counts.cancelled + policy.statusCounts.cancelled)
            total += policy.projectCount
            weighted += (policy.meanProgress ?? 0) * Double(policy.projectCount)
        }
        self.init(projectCount: total, meanProgress: total > 0 ? weighted / Double(total) : nil, counts: counts, kpis: kpis)
    }
}

extension StatusCounts {
    func count(of status: ProjectStatus) -> Int {
        switch status {
        case .planned: planned
        case .inProgress: inProgress
        case .completed: completed
        case .onHold: onHold
        case .cancelled: cancelled
        }
    }
}

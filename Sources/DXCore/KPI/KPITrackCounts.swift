/// How many KPIs of live projects are on track, off track, or cannot be judged (no baseline,
/// no measurement or no target: `on_track` null), for `GET /api/v1/progress`.
public struct KPITrackCounts: Sendable, Equatable, Encodable {
    public var onTrack = 0
    public var offTrack = 0
    public var notAssessed = 0

    public init() {}

    mutating func count(_ onTrack: Bool?) {
        switch onTrack {
        case true?: self.onTrack += 1
        case false?: offTrack += 1
        case nil: notAssessed += 1
        }
    }

    enum CodingKeys: String, CodingKey {
        case onTrack = "on_track"
        case offTrack = "off_track"
        case notAssessed = "not_assessed"
    }
}

extension KPIStore {
    /// Counts per measure code and per policy id, from the KPIs of live projects, judged for `today`.
    static func trackCounts(today: CalendarDate, _ db: Database) throws -> (measures: [String: KPITrackCounts], policies: [Int: KPITrackCounts]) {
        let rows = try db.rows("""
            SELECT \(kpiColumns), p.measure_code, m.policy_id
            FROM kpis k JOIN projects p ON p.id = k.project_id AND p.archived_at IS NULL JOIN measures m ON m.code = p.measure_code
            """) { row in (kpi: try kpiRow(today)(row), measure: row.string(at: 14), policy: row.int(at: 15)) }
        var measures: [String: KPITrackCounts] = [:]
        var policies: [Int: KPITrackCounts] = [:]
        for row in rows {
            measures[row.measure, default: KPITrackCounts()].count(row.kpi.assessment.onTrack)
            policies[row.policy, default: KPITrackCounts()].count(row.kpi.assessment.onTrack)
        }
        return (measures, policies)
    }
}

/// A KPI of a project (重要業績評価指標) as the API shows it: what the administrators set,
/// the newest measurement, and what is computed from them for one day (`assessment`).
public struct ProjectKPI: Sendable, Equatable {
    public var id: Int
    public var projectID: Int
    public var fields: KPIFields
    /// The measurement with the latest date (of two on one date, the later recorded).
    public var latest: Latest?
    public var assessment: KPIAssessment
    /// Grows by one with every write to the KPI or to its measurements.
    public var version: Int
    /// The day `assessment` was computed for.
    public var asOf: CalendarDate
    public var createdAt: String
    public var updatedAt: String

    public struct Latest: Sendable, Equatable, Encodable {
        public var value: Double
        public var date: String

        public init(value: Double, date: String) {
            self.value = value
            self.date = date
        }
    }

    public init(id: Int, projectID: Int, fields: KPIFields, latest: Latest?, today: CalendarDate, version: Int,
                createdAt: String, updatedAt: String) {
        self.id = id
        self.projectID = projectID
        self.fields = fields
        self.latest = latest
        self.assessment = KPIAssessment(
            direction: fields.direction, baseline: fields.baseline?.value, targets: fields.targets, latest: latest?.value, today: today)
        self.version = version
        self.asOf = today
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// The old single-`kpi` shape of the project (`GET /projects/{id}`'s `kpi`), for the first
    /// KPI: `target` is the target of the project's end fiscal year, or when that year has
    /// none the target of the latest year that has one; `actual` the latest measurement.
    /// Nil without any target, since the old shape cannot hold a KPI without one.
    public func legacySummary(endFiscalYear: Int) -> KPI? {
        let target = fields.targets.first { $0.fiscalYear == endFiscalYear }
            ?? fields.targets.max { $0.fiscalYear < $1.fiscalYear }
        guard let target else { return nil }
        return KPI(name: fields.name, unit: fields.unit, target: target.value, actual: latest?.value)
    }
}

/// What an administrator sets on a KPI.
public struct KPIFields: Sendable, Equatable {
    public var name: String
    public var unit: String
    public var direction: KPIDirection
    public var baseline: KPIBaseline?
    /// Ascending by fiscal year, one per year.
    public var targets: [KPITarget]
    public var note: String

    public init(name: String, unit: String = "", direction: KPIDirection = .increase, baseline: KPIBaseline? = nil,
                targets: [KPITarget] = [], note: String = "") {
        self.name = name
        self.unit = unit
        self.direction = direction
        self.baseline = baseline
        self.targets = targets
        self.note = note
    }
}

extension ProjectKPI: Encodable {
    enum CodingKeys: String, CodingKey {
        case id, name, unit, direction, baseline, targets, note, latest, achievement, version
        case projectID = "project_id"
        case onTrack = "on_track"
        case achievementFiscalYear = "achievement_fiscal_year"
        case fiscalYearElapsed = "fiscal_year_elapsed"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    /// Ratios with four decimals: more digits would be noise, and stable digits keep ETags stable.
    public static func rounded(_ value: Double?) -> Double? { value.map { ($0 * 10_000).rounded() / 10_000 } }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(projectID, forKey: .projectID)
        try c.encode(fields.name, forKey: .name)
        try c.encode(fields.unit, forKey: .unit)
        try c.encode(fields.direction, forKey: .direction)
        // Null rather than absent: a KPI's member set is always the same.
        try c.encode(fields.baseline, forKey: .baseline)
        try c.encode(fields.targets, forKey: .targets)
        try c.encode(fields.note, forKey: .note)
        try c.encode(latest, forKey: .latest)
        try c.encode(Self.rounded(assessment.achievement), forKey: .achievement)
        try c.encode(assessment.onTrack, forKey: .onTrack)
        try c.encode(assessment.referenceFiscalYear, forKey: .achievementFiscalYear)
        try c.encode(Self.rounded(assessment.elapsedShare), forKey: .fiscalYearElapsed)
        try c.encode(version, forKey: .version)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(updatedAt, forKey: .updatedAt)
    }
}

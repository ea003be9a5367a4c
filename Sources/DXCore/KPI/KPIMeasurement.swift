/// One actual value (実績値) of a KPI on a date, with who recorded it and when.
public struct KPIMeasurement: Sendable, Equatable, Encodable {
    public var id: Int
    public var kpiID: Int
    public var projectID: Int
    /// `YYYY-MM-DD`: the day the value describes.
    public var date: String
    public var value: Double
    public var note: String
    /// The admin token's name (or the import's `--as`).
    public var recordedBy: String
    /// When it was written (the store's timestamp, UTC).
    public var recordedAt: String

    public init(id: Int, kpiID: Int, projectID: Int, date: String, value: Double, note: String, recordedBy: String, recordedAt: String) {
        self.id = id
        self.kpiID = kpiID
        self.projectID = projectID
        self.date = date
        self.value = value
        self.note = note
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, date, value, note
        case kpiID = "kpi_id"
        case projectID = "project_id"
        case recordedBy = "recorded_by"
        case recordedAt = "recorded_at"
    }
}

/// An implementation-plan project (個別事業) as the API shows it.
public struct Project: Sendable, Equatable {
    public var id: Int
    public var fields: ProjectFields
    /// The policy of the project's measure, so clients can group without a second lookup.
    public var policyID: Int
    /// Grows by one with every write; the ETag is made from it.
    public var version: Int
    public var createdAt: String
    public var updatedAt: String
    public var archivedAt: String?

    public init(id: Int, fields: ProjectFields, policyID: Int, version: Int, createdAt: String, updatedAt: String, archivedAt: String? = nil) {
        self.id = id
        self.fields = fields
        self.policyID = policyID
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.archivedAt = archivedAt
    }
}

extension Project: Encodable {
    enum CodingKeys: String, CodingKey {
        case id, title, description, department, status, progress, kpi, version
        case measureCode = "measure_code"
        case policyID = "policy_id"
        case statusLabel = "status_label"
        case startFiscalYear = "start_fiscal_year"
        case endFiscalYear = "end_fiscal_year"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case archivedAt = "archived_at"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(fields.measureCode, forKey: .measureCode)
        try c.encode(policyID, forKey: .policyID)
        try c.encode(fields.title, forKey: .title)
        try c.encode(fields.description, forKey: .description)
        try c.encode(fields.department, forKey: .department)
        try c.encode(fields.status, forKey: .status)
        try c.encode(fields.status.label, forKey: .statusLabel)
        try c.encode(fields.progress, forKey: .progress)
        try c.encode(fields.startFiscalYear, forKey: .startFiscalYear)
        try c.encode(fields.endFiscalYear, forKey: .endFiscalYear)
        try c.encode(fields.kpi, forKey: .kpi)
        try c.encode(version, forKey: .version)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(updatedAt, forKey: .updatedAt)
        if let archivedAt { try c.encode(archivedAt, forKey: .archivedAt) }
    }
}

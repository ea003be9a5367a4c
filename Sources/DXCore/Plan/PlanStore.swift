/// Read queries over the basic plan's content. Every call runs in one read transaction, so a
/// result never mixes two versions of the data.
public struct PlanStore: Sendable {
    public let pool: DatabasePool

    public init(pool: DatabasePool) { self.pool = pool }

    /// The number of live projects under measure `m`.
    static let measureProjectCount =
        "(SELECT count(*) FROM projects p WHERE p.measure_code = m.code AND p.archived_at IS NULL)"

    /// The live projects under measure `m` in `status`.
    static func measureStatusCount(_ status: ProjectStatus) -> String {
        "(SELECT count(*) FROM projects p WHERE p.measure_code = m.code AND p.archived_at IS NULL AND p.status = '\(status.rawValue)')"
    }

    /// One column per status, in `StatusCounts` order.
    static let measureStatusCounts = ProjectStatus.allCases.map(measureStatusCount).joined(separator: ", ")

    private static let measureColumns =
        "m.code, m.policy_id, m.position, m.title, \(measureProjectCount) AS project_count, \(measureStatusCounts)"

    private static func measure(_ row: Statement) -> Measure {
        Measure(code: row.string(at: 0), policyID: row.int(at: 1), position: row.int(at: 2), title: row.string(at: 3), projectCount: row.int(at: 4),
                statusCounts: StatusCounts(row, from: 5))
    }

    private static let policySQL = """
        SELECT p.id, p.title, p.goal, count(m.code), coalesce(sum(m.project_count), 0),
               \(ProjectStatus.allCases.map { "coalesce(sum(m.\($0.rawValue)), 0)" }.joined(separator: ", "))
        FROM policies p
        LEFT JOIN (SELECT m.code, m.policy_id, \(measureProjectCount) AS project_count,
                          \(ProjectStatus.allCases.map { "\(measureStatusCount($0)) AS \($0.rawValue)" }.joined(separator: ", "))
                   FROM measures m) m
            ON m.policy_id = p.id
        """

    private static func policy(_ row: Statement) -> Policy {
        Policy(id: row.int(at: 0), title: row.string(at: 1), goal: row.string(at: 2), measureCount: row.int(at: 3), projectCount: row.int(at: 4),
               statusCounts: StatusCounts(row, from: 5))
    }

    public func plan() throws -> Plan? {
        try pool.read { db in
            let events = try Self.timeline(db)
            return try db.rows("""
                SELECT title, subtitle, volume, purpose, positioning,
                       start_fiscal_year, end_fiscal_year, start_label, end_label, period_note
                FROM plan WHERE id = 1
                """) { row in
                Plan(
                    title: row.string(at: 0), subtitle: row.string(at: 1), volume: row.string(at: 2),
                    purpose: row.string(at: 3), positioning: row.string(at: 4),
                    period: Plan.Period(
                        startFiscalYear: row.int(at: 5), endFiscalYear: row.int(at: 6),
                        startLabel: row.string(at: 7), endLabel: row.string(at: 8), note: row.string(at: 9)),
                    background: Plan.Background(
                        national: events.filter { $0.scope == .national }, city: events.filter { $0.scope == .city }))
            }.first
        }
    }

    public func concepts() throws -> [Concept] {
        try pool.read { db in
            try db.rows("SELECT id, question, statement FROM concepts ORDER BY id") {
                Concept(id: $0.int(at: 0), question: $0.string(at: 1), statement: $0.string(at: 2))
            }
        }
    }

    public func policies() throws -> [Policy] {
        try pool.read { db in
            try db.rows(Self.policySQL + " GROUP BY p.id ORDER BY p.id", [], Self.policy)
        }
    }

    public func policy(id: Int) throws -> PolicyDetail? {
        try pool.read { db in
            guard let policy = try db.rows(Self.policySQL + " WHERE p.id = ? GROUP BY p.id", [SQLiteValue(id)], Self.policy).first
            else { return nil }
            return PolicyDetail(policy: policy, measures: try Self.measures(db, policy: id, query: nil))
        }
    }

    /// Measures in plan order, optionally only those of one policy and/or matching a search
    /// (see `SearchQuery`).
    public func measures(policy: Int? = nil, query: String? = nil) throws -> [Measure] {
        try pool.read { db in try Self.measures(db, policy: policy, query: SearchQuery(query)) }
    }

    private static func measures(_ db: Database, policy: Int?, query: SearchQuery?) throws -> [Measure] {
        var conditions: [SQLFragment] = []
        if let policy { conditions.append(SQLFragment("m.policy_id = ?", [SQLiteValue(policy)])) }
        if let query {
            conditions.append(query.condition(key: "m.code", ftsTable: "measures_fts", ftsKey: "code", text: "title"))
        }
        var sql = "SELECT \(measureColumns) FROM measures m"
        if !conditions.isEmpty { sql += " WHERE " + conditions.map(\.sql).joined(separator: " AND ") }
        sql += " ORDER BY m.policy_id, m.position"
        return try db.rows(sql, conditions.flatMap(\.arguments), measure)
    }

    public func measure(code: String) throws -> Measure? {
        try pool.read { db in
            try db.rows("SELECT \(Self.measureColumns) FROM measures m WHERE m.code = ?", [.text(code)], Self.measure).first
        }
    }

    public func principles() throws -> [Principle] {
        try pool.read { db in
            try db.rows("SELECT id, name, interpretation FROM principles ORDER BY id") {
                Principle(id: $0.int(at: 0), name: $0.string(at: 1), interpretation: $0.string(at: 2))
            }
        }
    }

    /// Background events, oldest first (national before city within a month, then by title:
    /// every key of the order is served, so a cursor can name a position in it).
    public func timeline() throws -> [TimelineEvent] {
        try pool.read { db in try Self.timeline(db) }
    }

    private static func timeline(_ db: Database) throws -> [TimelineEvent] {
        try db.rows("SELECT date, scope, title FROM timeline_events ORDER BY date, scope = 'city', title, id") {
            // The CHECK constraint admits only the two scopes the enum knows.
            TimelineEvent(date: $0.string(at: 0), scope: TimelineEvent.Scope(rawValue: $0.string(at: 1)) ?? .national, title: $0.string(at: 2))
        }
    }

    public func governance() throws -> Governance {
        try pool.read { db in
            let roles = Dictionary(grouping: try db.rows("SELECT body_id, title, holder FROM governance_roles ORDER BY body_id, position") {
                (body: $0.int(at: 0), role: Governance.Role(title: $0.string(at: 1), holder: $0.string(at: 2)))
            }, by: \.body)
            let members = Dictionary(grouping: try db.rows("SELECT body_id, name FROM governance_members ORDER BY body_id, position") {
                (body: $0.int(at: 0), name: $0.string(at: 1))
            }, by: \.body)
            let duties = Dictionary(grouping: try db.rows("SELECT body_id, number, marker, text FROM governance_duties ORDER BY body_id, number") {
                (body: $0.int(at: 0), duty: Governance.Duty(number: $0.int(at: 1), marker: $0.string(at: 2), text: $0.string(at: 3)))
            }, by: \.body)
            let bodies = try db.rows("SELECT id, name, description FROM governance_bodies ORDER BY id") { row in
                let id = row.int(at: 0)
                return Governance.Body(
                    id: id, name: row.string(at: 1), description: row.string(at: 2),
                    roles: roles[id, default: []].map(\.role), members: members[id, default: []].map(\.name),
                    duties: duties[id, default: []].map(\.duty))
            }
            return Governance(bodies: bodies)
        }
    }
}

/// Reads for pages that show many KPIs at once (the HTML pages of issue 13): every KPI of a
/// project with its measurements, and the KPIs of a list of projects, each from one snapshot so
/// a page never mixes two states.
extension KPIStore {
    /// Every KPI of a live project (by id) with all its measurements (oldest first, as
    /// `series` gives them for the chart). An unknown project is `.project(.notFound)`, an
    /// archived one `.project(.archived)`.
    public func allSeries(projectID: Int, today: CalendarDate = .todayInJapan()) throws(KPIStoreError)
        -> [(kpi: ProjectKPI, measurements: [KPIMeasurement])] {
        try run {
            try pool.read { db in
                _ = try ProjectStore.loadLive(id: projectID, db)
                let kpis = try Self.kpiKeyset(projectID: projectID).rows(.all, in: db, row: Self.kpiRow(today), total: 0).items
                return try kpis.map { kpi in
                    (kpi, try Self.measurementKeyset(kpiID: kpi.id).rows(.all, in: db, row: Self.measurementRow, total: 0).items)
                }
            }
        }
    }

    /// The KPIs of the given projects, by project id, each project's by KPI id. Projects
    /// without KPIs (or unknown ids) are absent. The ids travel as one bound JSON array
    /// (`json_each`), so a long list never meets SQLite's limit on bound parameters.
    public func kpis(projectIDs: [Int], today: CalendarDate = .todayInJapan()) throws(KPIStoreError) -> [Int: [ProjectKPI]] {
        guard !projectIDs.isEmpty else { return [:] }
        let list = "[" + projectIDs.map(String.init).joined(separator: ",") + "]"
        return try run {
            try pool.read { db in
                let rows = try db.rows("""
                    SELECT \(Self.kpiColumns) FROM kpis k
                    WHERE k.project_id IN (SELECT value FROM json_each(?)) ORDER BY k.project_id, k.id
                    """, [.text(list)], Self.kpiRow(today))
                return Dictionary(grouping: rows, by: \.projectID)
            }
        }
    }
}

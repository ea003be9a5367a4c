import Foundation
import Testing
@testable import DXCore

// Migration 0009 (issue 12) moves each project's old `kpi` object into the new model: its
// first KPI, `target` as the target of the project's end fiscal year, `actual` as a
// measurement dated at the project's last update (in Japan, UTC+9).

@Suite("Migration 0009: the legacy kpi backfill")
struct KPIMigrationBackfillTests {
    /// A pool on a database migrated up to and including `through`, from the repository's own
    /// migration files, and a migrator over all of them.
    func withDatabase(migratedThrough through: Int, _ body: (DatabasePool, Migrator) throws -> Void) throws {
        try withTemporaryDirectory { root in
            let partial = root.appendingPathComponent("migrations-\(through)", isDirectory: true)
            try FileManager.default.createDirectory(at: partial, withIntermediateDirectories: true)
            for name in try FileManager.default.contentsOfDirectory(atPath: migrationsDirectory.path)
            where Migrator.version(ofFileName: name).map({ $0 <= through }) == true {
                try FileManager.default.copyItem(at: migrationsDirectory.appendingPathComponent(name), to: partial.appendingPathComponent(name))
            }
            let pool = try DatabasePool(path: root.appendingPathComponent("db.sqlite").path)
            let applied = try Migrator(directory: partial).migrate(pool)
            #expect(applied.last?.fileName.hasPrefix(String(format: "%04d_", through)) == true)
            try body(pool, Migrator(directory: migrationsDirectory))
        }
    }

    static let insertProject = """
        INSERT INTO projects (id, measure_code, title, department, start_fiscal_year, end_fiscal_year, kpi, created_at, updated_at)
        VALUES (?, '1-1', ?, 'デジタル統括課', 2022, ?, ?, '2022-04-01T00:00:00.000Z', ?)
        """

    @Test("each project's kpi becomes its first KPI: target at the end fiscal year, actual a measurement at the last update's date in Japan")
    func legacyKPIBecomesFirstKPIWithMeasurement() throws {
        try withDatabase(migratedThrough: 8) { pool, migrator in
            try pool.write { db in
                // Updated at 20:00 UTC on 31 March: already 1 April in Japan.
                try db.run(Self.insertProject, 1, "交付率（例）", 2025,
                           #"{"name":"マイナンバーカード交付率","unit":"%","target":95,"actual":81.3}"#, "2023-03-31T20:00:00.000Z")
                try db.run(Self.insertProject, 2, "KPIなし（例）", 2024, .null, "2023-06-01T00:00:00.000Z")
                try db.run(Self.insertProject, 3, "実績未定（例）", 2026,
                           #"{"name":"電子申請件数","unit":"件","target":1200,"actual":null}"#, "2023-07-01T03:00:00.000Z")
            }
            let applied = try migrator.migrate(pool)
            #expect(applied.first?.fileName.hasPrefix("0009_") == true)

            let kpis = try pool.read { db in
                try db.rows("SELECT project_id, name, unit, direction, targets, baseline_value FROM kpis ORDER BY id") { row in
                    [String(row.int(at: 0)), row.string(at: 1), row.string(at: 2), row.string(at: 3), row.string(at: 4),
                     row.optionalDouble(at: 5).map { "\($0)" } ?? "null"]
                }
            }
            #expect(kpis == [
                ["1", "マイナンバーカード交付率", "%", "increase", #"[{"fiscal_year":2025,"value":95}]"#, "null"],
                ["3", "電子申請件数", "件", "increase", #"[{"fiscal_year":2026,"value":1200}]"#, "null"],
            ], "one KPI per project with a kpi; none for project 2")

            let measurements = try pool.read { db in
                try db.rows("""
                    SELECT k.project_id, m.date, m.value, m.recorded_by, m.recorded_at
                    FROM kpi_measurements m JOIN kpis k ON k.id = m.kpi_id ORDER BY m.id
                    """) { row in "\(row.int(at: 0)) \(row.string(at: 1)) \(row.double(at: 2)) \(row.string(at: 3)) \(row.string(at: 4))" }
            }
            #expect(measurements == ["1 2023-04-01 81.3 migration-0009 2023-03-31T20:00:00.000Z"],
                    "the actual, dated in Japan; no measurement for a null actual")

            // What the API serves from it: the latest value, the target and the kept summary.
            let first = try pool.read { db in try db.scalar("SELECT id FROM kpis WHERE project_id = 1") }
            guard case .integer(let id)? = first else { Issue.record("no KPI for project 1"); return }
            let kpi = try KPIStore(pool: pool).kpi(projectID: 1, kpiID: Int(id), today: CalendarDate(iso: "2023-04-02") ?? .todayInJapan())
            #expect(kpi.latest == ProjectKPI.Latest(value: 81.3, date: "2023-04-01"))
            #expect(kpi.fields.targets.map(\.fiscalYear) == [2025])
            let summary = try pool.read { db in try db.scalar("SELECT kpi FROM projects WHERE id = 3") }
            #expect(summary == .text(#"{"name":"電子申請件数","unit":"件","target":1200,"actual":null}"#), "projects.kpi stays as it was")
        }
    }
}

/// Reads what a data catalog says about the published datasets: when each one's data last
/// changed. The descriptions themselves are the server's (they are about the API, not data).
public struct CatalogStore: Sendable {
    public let pool: DatabasePool

    public init(pool: DatabasePool) {
        self.pool = pool
    }

    /// The change dates, surveys and plan period, all read in one snapshot. Throws the underlying `SQLiteError`.
    public func snapshot() throws -> CatalogSnapshot {
        try pool.read { db in
            // Text comparison is time order: every timestamp is written by `Timestamp` or
            // strftime('%Y-%m-%dT%H:%M:%fZ'), the same fixed-width UTC form.
            let migrations = try db.scalar("SELECT max(applied_at) FROM schema_migrations")?.textValue ?? ""
            let history = try db.scalar("SELECT max(at) FROM project_history")?.textValue
            let projects = try db.scalar(
                """
                SELECT max(changed) FROM (
                    SELECT max(updated_at) AS changed FROM projects
                    UNION ALL SELECT max(archived_at) FROM projects
                    UNION ALL SELECT max(at) FROM project_history)
                """)?.textValue
            let surveys = try db.rows("SELECT id, title, period_start, period_end FROM surveys ORDER BY edition, id") {
                SurveyDates(id: $0.int(at: 0), title: $0.string(at: 1), periodStart: $0.string(at: 2), periodEnd: $0.string(at: 3))
            }
            // The schema's CHECK keeps start <= end; a range is only built when that holds.
            let period = try db.query("SELECT start_fiscal_year, end_fiscal_year FROM plan WHERE id = 1").first.flatMap { row in
                row.int("start_fiscal_year").flatMap { start in row.int("end_fiscal_year").map { (start, $0) } }
            }
            return CatalogSnapshot(migrations: migrations, projects: projects, history: history, surveys: surveys,
                                  planFiscalYears: period.flatMap { $0.0 <= $0.1 ? $0.0...$0.1 : nil })
        }
    }
}

extension SQLiteValue {
    /// The text of a TEXT value; nil for NULL and every other storage class.
    fileprivate var textValue: String? {
        if case .text(let text) = self { return text }
        return nil
    }
}

/// The project an evaluation or budget belongs to, as those writes need it: live, and the
/// fiscal years it spans, which bound the periods and years it can be given.
struct TrackedProject {
    let id: Int
    let startFiscalYear: Int
    let endFiscalYear: Int

    /// A live project, or `.projectNotFound` / `.projectArchived`.
    static func load(_ id: Int, _ db: Database) throws -> TrackedProject {
        let rows = try db.rows("SELECT start_fiscal_year, end_fiscal_year, archived_at FROM projects WHERE id = ?", [SQLiteValue(id)]) {
            ($0.int(at: 0), $0.int(at: 1), $0.optionalString(at: 2))
        }
        guard let (start, end, archivedAt) = rows.first else { throw TrackingStoreError.projectNotFound(id: id) }
        if let archivedAt { throw TrackingStoreError.projectArchived(id: id, at: archivedAt) }
        return TrackedProject(id: id, startFiscalYear: start, endFiscalYear: end)
    }

    /// Our rule (the issue leaves it open): evaluations and budgets name fiscal years within
    /// the project's own `start_fiscal_year`…`end_fiscal_year`; a project's span may later
    /// change, and what was recorded stays.
    func yearIssue(_ year: Int, field: String) -> FieldIssue? {
        guard !(startFiscalYear...endFiscalYear).contains(year) else { return nil }
        return FieldIssue(field: field, message: "must be within the project's fiscal years \(startFiscalYear)–\(endFiscalYear)")
    }
}

/// Runs `body`, turning whatever it throws into a `TrackingStoreError`.
func trackingRun<T>(_ body: () throws -> T) throws(TrackingStoreError) -> T {
    do {
        return try body()
    } catch let error as TrackingStoreError {
        throw error
    } catch let error as SQLiteError {
        throw .database(error)
    } catch {
        throw .unexpected(String(describing: error))
    }
}

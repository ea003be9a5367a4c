import Testing
@testable import DXCore

/// Migration 0012 (issue 9): the store's UPDATE names every column, so the search-index and
/// facet-count triggers must run only when one of their columns really changed. SQLite's
/// `total_changes()` counts the rows triggers write, which makes a fired trigger visible.
@Suite("Projects: update triggers fire only on change")
struct UpdateTriggerTests {
    /// Rows written by the statement `sql` on the writer, triggers included.
    static func rowsWritten(_ pool: DatabasePool, _ sql: String, _ arguments: SQLiteValue...) throws -> Int64 {
        try pool.write { db in
            guard case .integer(let before)? = try db.scalar("SELECT total_changes()") else { throw TestFailure("no total_changes") }
            try db.run(sql, arguments: arguments)
            guard case .integer(let after)? = try db.scalar("SELECT total_changes()") else { throw TestFailure("no total_changes") }
            return after - before
        }
    }

    static let everyColumnSQL = """
        UPDATE projects SET measure_code = measure_code, title = title, description = description, department = department,
            status = status, progress = ?, start_fiscal_year = start_fiscal_year, end_fiscal_year = end_fiscal_year,
            archived_at = archived_at WHERE id = ?
        """

    @Test func progressOnlyUpdateNamingEveryColumnFiresNoIndexOrFacetTrigger() throws {
        try withProjectStore { store in
            let project = try store.createProject()
            #expect(try Self.rowsWritten(store.pool, Self.everyColumnSQL, .integer(40), .integer(Int64(project.id))) == 1)
        }
    }

    @Test func textAndFacetChangesStillReindexAndRecount() throws {
        try withProjectStore { store in
            let project = try store.createProject(newProjectPatch(title: "古い題名"))
            var patch = ProjectPatch()
            patch.title = .set("新しい題名")
            _ = try store.update(id: project.id, patch, actor: "alice")
            #expect(try store.projects(ProjectQuery(search: SearchQuery("新しい"))).map(\.id) == [project.id])
            #expect(try store.projects(ProjectQuery(search: SearchQuery("古い"))).isEmpty)
            // A status change moves the project between facet counts (totals 0008, cube 0011).
            #expect(try Self.rowsWritten(store.pool, "UPDATE projects SET status = 'in_progress' WHERE id = ?", .integer(Int64(project.id))) > 1)
            try ProjectFacetCubeTests.expectCubeEqualsCounted(store, "after a status change")
        }
    }
}

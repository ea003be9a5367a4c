import Testing
@testable import DXCore

/// The dates and facts the DCAT catalog reads, in one snapshot.
@Suite("Catalog: store")
struct CatalogStoreTests {
    @Test func freshDatabaseDatesPlanContentByItsMigrationsAndHasNoProjectChanges() throws {
        try withMigratedPool { pool in
            let snapshot = try CatalogStore(pool: pool).snapshot()
            let applied = try pool.read { db in try db.scalar("SELECT max(applied_at) FROM schema_migrations") }
            #expect(applied == .text(snapshot.migrations))
            #expect(snapshot.projects == nil)
            #expect(snapshot.history == nil)
            #expect(snapshot.planFiscalYears == 2022...2025)
            #expect(snapshot.surveys == [SurveyDates(id: 15, title: "第15回都城市市民意識調査", periodStart: "2021-06-08", periodEnd: "2021-07-16")])
        }
    }

    /// Archiving takes a project out of every listing: a change to the projects dataset,
    /// even though no live row's updated_at moved.
    @Test func archivingAProjectMovesTheProjectsAndHistoryDates() throws {
        try withMigratedPool { pool in
            let store = ProjectStore(pool: pool)
            let project = try store.createProject()
            let created = try CatalogStore(pool: pool).snapshot()
            #expect(created.projects == project.updatedAt)
            #expect(created.history == project.updatedAt)

            _ = try store.archive(id: project.id, actor: "alice")
            let archived = try CatalogStore(pool: pool).snapshot()
            let archivedAt = try pool.read { db in try db.scalar("SELECT archived_at FROM projects WHERE id = ?", .integer(Int64(project.id))) }
            #expect(archived.projects.map(SQLiteValue.text) == archivedAt)
            #expect(archived.history.map(SQLiteValue.text) == archivedAt)
            #expect((archived.projects ?? "") >= (created.projects ?? ""))
        }
    }
}

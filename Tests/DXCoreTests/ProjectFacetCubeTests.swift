import Testing
@testable import DXCore

/// Migration 0011: facets under status, fiscal-year, measure and policy filters sum per-combination
/// counts kept by triggers. They must say exactly what counting the rows says, after every kind of write.
@Suite struct ProjectFacetCubeTests {
    static let all = ProjectFacet.allCases

    /// Filter sets a portal sidebar combines, each answered from the combination counts.
    static let queries: [ProjectQuery] = [
        ProjectQuery(statuses: [.inProgress, .planned], fiscalYears: [2024]),
        ProjectQuery(measureCodes: ["1-1", "1-2"], statuses: [.planned]),
        ProjectQuery(policyIDs: [1], fiscalYears: [2023, 2025]),
        ProjectQuery(measureCodes: ["1-2"], policyIDs: [1, 2], statuses: [.inProgress], fiscalYears: [2025]),
    ]

    /// Every query's facets through the combination counts and through counting rows (the same
    /// query plus an `updated_since` every project meets, which needs `projects`).
    static func expectCubeEqualsCounted(_ store: ProjectStore, _ comment: Comment) throws {
        for query in queries {
            var counting = query
            counting.updatedSince = "1970-01-01T00:00:00Z"
            let cube = try store.projectsPage(query, page: PageRequest(limit: 1), facets: all).facets
            let counted = try store.projectsPage(counting, page: PageRequest(limit: 1), facets: all).facets
            #expect(cube == counted, comment)
        }
    }

    @Test func filteredFacetCombinationCountsEqualCountedFacetsAfterCreateUpdateAndArchive() throws {
        try withProjectStore { store throws in
            let a = try store.createProject(newProjectPatch(measure: "1-1", department: "総務課", start: 2022, end: 2025))
            let b = try store.createProject(newProjectPatch(measure: "2-3", department: "総務課", start: 2023, end: 2023))
            let c = try store.createProject(newProjectPatch(measure: "1-2", department: "企画課", start: 2024, end: 2026))
            _ = try store.createProject(newProjectPatch(measure: "1-2", department: "企画課", start: 2024, end: 2026))
            try Self.expectCubeEqualsCounted(store, "after create")
            let planned = try store.projectsPage(ProjectQuery(measureCodes: ["1-2"], statuses: [.planned]), page: PageRequest(limit: 1), facets: [.measure]).facets
            #expect(planned["measure"]?.first { $0.value == .text("1-2") }?.count == 2, "two projects share one combination")

            _ = try store.setStatus(a.id, .inProgress)
            _ = try store.setStatus(c.id, .inProgress)
            var move = ProjectPatch()
            move.measureCode = .set("1-2")
            move.startFiscalYear = .set(2025)
            move.endFiscalYear = .set(2025)
            _ = try store.update(id: b.id, move, actor: "alice")
            try Self.expectCubeEqualsCounted(store, "after status changes and a move")

            _ = try store.archive(id: c.id, actor: "alice")
            try Self.expectCubeEqualsCounted(store, "after archiving")
            let inProgress = try store.projectsPage(ProjectQuery(fiscalYears: [2024]), page: PageRequest(limit: 1), facets: [.status]).facets
            #expect(inProgress["status"]?.first { $0.value == .text("in_progress") }?.count == 1, "the archived project no longer counts")
        }
    }
}

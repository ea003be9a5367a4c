import Testing
@testable import DXCore

/// Migration 0008: facets of the whole project set come from running totals kept by triggers.
/// They must say exactly what counting the rows says, after every kind of write.
@Suite struct ProjectFacetTotalsTests {
    static let all = ProjectFacet.allCases

    /// The totals path (no filter) and the counting path (an `updated_since` every project
    /// meets, which adds a condition and so counts rows) over the same projects.
    static func totalsAndCounted(_ store: ProjectStore) throws -> (totals: FacetCounts, counted: FacetCounts) {
        let totals = try store.projectsPage(ProjectQuery(), page: PageRequest(limit: 1), facets: all).facets
        let counted = try store.projectsPage(ProjectQuery(updatedSince: "1970-01-01T00:00:00Z"), page: PageRequest(limit: 1), facets: all).facets
        return (totals, counted)
    }

    @Test func wholeSetFacetTotalsEqualCountedFacetsAfterCreateUpdateAndArchive() throws {
        try withProjectStore { store throws in
            let a = try store.createProject(newProjectPatch(measure: "1-1", department: "総務課", start: 2022, end: 2025))
            let b = try store.createProject(newProjectPatch(measure: "2-3", department: "総務課", start: 2023, end: 2023))
            let c = try store.createProject(newProjectPatch(measure: "3-8", department: "企画課", start: 2024, end: 2026))
            var first = try Self.totalsAndCounted(store)
            #expect(first.totals == first.counted)
            #expect(first.totals["department"]?.map(\.count) == [1, 2], "\(String(describing: first.totals["department"]))")

            _ = try store.setStatus(a.id, .inProgress)
            var move = ProjectPatch()
            move.department = .set("企画課")
            move.measureCode = .set("1-2")
            move.startFiscalYear = .set(2025)
            move.endFiscalYear = .set(2025)
            _ = try store.update(id: b.id, move, actor: "alice")
            first = try Self.totalsAndCounted(store)
            #expect(first.totals == first.counted)
            // 総務課 fell from 2 to 1 and stays; nothing counts 2-3 or the pair 2023–2023 any more.
            #expect(first.totals["measure"]?.contains { $0.value == .text("2-3") } == false)

            _ = try store.archive(id: c.id, actor: "alice")
            let after = try Self.totalsAndCounted(store)
            #expect(after.totals == after.counted)
            #expect(after.totals["status"]?.map(\.count).reduce(0, +) == 2)
            #expect(after.totals["fiscal_year"]?.contains { $0.value == .integer(2026) } == false, "the archived project's years are gone")
        }
    }
}

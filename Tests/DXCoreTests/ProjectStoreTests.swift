import DXSync
import Dispatch
import Foundation
import Testing
@testable import DXCore

/// A patch with the required fields of a create, for tests.
func newProjectPatch(measure: String = "1-7", title: String = "AIチャットボット導入事業", department: String = "デジタル統括課",
                     start: Int = 2022, end: Int = 2024) -> ProjectPatch {
    var patch = ProjectPatch()
    patch.measureCode = .set(measure)
    patch.title = .set(title)
    patch.department = .set(department)
    patch.startFiscalYear = .set(start)
    patch.endFiscalYear = .set(end)
    return patch
}

func withProjectStore<T>(_ body: (ProjectStore) throws -> T) throws -> T {
    try withMigratedPool { pool in try body(ProjectStore(pool: pool)) }
}

extension ProjectStore {
    func createProject(_ patch: ProjectPatch = newProjectPatch(), actor: String = "alice") throws -> Project {
        guard case .created(let project, _) = try create(patch, actor: actor) else { throw TestFailure("not created") }
        return project
    }

    func setStatus(_ id: Int, _ status: ProjectStatus, actor: String = "alice") throws(ProjectStoreError) -> Project {
        var patch = ProjectPatch()
        patch.status = .set(status.rawValue)
        return try update(id: id, patch, actor: actor).project
    }
}

@Suite("Projects: store")
struct ProjectStoreTests {
    @Test("a new project starts planned with defaults, and its creation is the first history row")
    func createDefaults() throws {
        try withProjectStore { store throws in
            let project = try store.createProject()
            #expect(project.fields.status == .planned && project.fields.progress == 0 && project.fields.description == "")
            #expect(project.fields.kpi == nil && project.version == 1 && project.policyID == 1)
            let history = try store.history(projectID: project.id)
            #expect(history.count == 1)
            #expect(history[0].action == .create && history[0].actor == "alice")
            #expect(history[0].changes["title"] == FieldChange(old: .null, new: .string("AIチャットボット導入事業")))
            #expect(history[0].changes["status"] == FieldChange(old: .null, new: .string("planned")))
        }
    }

    @Test("every bad field is reported at once and nothing is written")
    func validationCollectsEverything() throws {
        try withProjectStore { store throws in
            var patch = ProjectPatch()
            patch.measureCode = .set("9-9")
            patch.title = .set("  ")
            patch.progress = .set(101)
            patch.startFiscalYear = .set(2025)
            patch.endFiscalYear = .set(2023)
            patch.status = .set("done")
            patch.kpi = .set(KPIPatch(unit: .set("件")))
            let error = #expect(throws: ProjectStoreError.self) { try store.create(patch, actor: "alice") }
            guard case .invalid(let issues)? = error else { Issue.record("\(String(describing: error))"); return }
            #expect(Set(issues.map(\.field)) == ["measure_code", "title", "department", "progress", "end_fiscal_year", "status", "kpi.name", "kpi.target"])
            #expect(try store.projects().isEmpty)
        }
    }

    @Test("fiscal years must lie in 2000–2100 and a malformed measure code is named as such")
    func boundsAndFormats() throws {
        try withProjectStore { store throws in
            let error = #expect(throws: ProjectStoreError.self) {
                try store.create(newProjectPatch(measure: "1-x", start: 1999, end: 2101), actor: "alice")
            }
            #expect(error == .invalid([
                FieldIssue(field: "measure_code", message: "must be a measure code like 1-1"),
                FieldIssue(field: "start_fiscal_year", message: "must be from 2000 to 2100"),
                FieldIssue(field: "end_fiscal_year", message: "must be from 2000 to 2100"),
            ]))
        }
    }

    @Test("a create may not start anywhere but planned")
    func createStartsPlanned() throws {
        try withProjectStore { store throws in
            var patch = newProjectPatch()
            patch.status = .set("completed")
            #expect(throws: ProjectStoreError.self) { try store.create(patch, actor: "alice") }
        }
    }

    @Test("every allowed transition succeeds", arguments: ProjectStatus.allCases)
    func allowedTransitions(from: ProjectStatus) throws {
        for target in from.allowedTargets {
            try withProjectStore { store throws in
                let project = try store.createProject()
                try Self.move(store, project.id, to: from)
                let moved = try store.setStatus(project.id, target)
                #expect(moved.fields.status == target)
                #expect(try store.history(projectID: project.id).last?.changes["status"] == FieldChange(old: .string(from.rawValue), new: .string(target.rawValue)))
            }
        }
    }

    @Test("every forbidden transition is a conflict naming the allowed targets", arguments: ProjectStatus.allCases)
    func forbiddenTransitions(from: ProjectStatus) throws {
        for target in ProjectStatus.allCases where target != from && !from.allowedTargets.contains(target) {
            try withProjectStore { store throws in
                let project = try store.createProject()
                try Self.move(store, project.id, to: from)
                let historyBefore = try store.history(projectID: project.id).count
                let error = #expect(throws: ProjectStoreError.self) { try store.setStatus(project.id, target) }
                #expect(error == .forbiddenTransition(from: from, to: target))
                #expect(try store.history(projectID: project.id).count == historyBefore)
                #expect(try store.project(id: project.id).fields.status == from)
            }
        }
    }

    /// Reaches `status` from planned along allowed transitions.
    static func move(_ store: ProjectStore, _ id: Int, to status: ProjectStatus) throws {
        let path: [ProjectStatus] = switch status {
        case .planned: []
        case .inProgress: [.inProgress]
        case .completed: [.inProgress, .completed]
        case .onHold: [.onHold]
        case .cancelled: [.cancelled]
        }
        for step in path { _ = try store.setStatus(id, step) }
    }

    @Test("a patch merges: null clears optional fields, kpi members merge, required fields cannot be nulled")
    func mergePatch() throws {
        try withProjectStore { store throws in
            var create = newProjectPatch()
            create.description = .set("説明")
            create.kpi = .set(KPIPatch(name: .set("利用件数"), unit: .set("件"), target: .set(1000)))
            let project = try store.createProject(create)
            var patch = ProjectPatch()
            patch.kpi = .set(KPIPatch(actual: .set(250)))
            patch.description = .null
            patch.note = "first count"
            let (updated, changed) = try store.update(id: project.id, patch, actor: "bob")
            #expect(changed && updated.version == 2)
            #expect(updated.fields.kpi == KPI(name: "利用件数", unit: "件", target: 1000, actual: 250))
            #expect(updated.fields.description == "")
            let last = try #require(try store.history(projectID: project.id).last)
            #expect(last.actor == "bob" && last.note == "first count" && last.action == .update)
            // The legacy `kpi` writes through to the first KPI (migration 0009): the same history
            // row names the measurement it recorded.
            #expect(Set(last.changes.keys).subtracting(["kpi", "description"])
                == ["kpis/1/measurements/1/date", "kpis/1/measurements/1/value", "kpis/1/measurements/1/note"])

            var nullTitle = ProjectPatch()
            nullTitle.title = .null
            #expect(throws: ProjectStoreError.invalid([FieldIssue(field: "title", message: "is required and cannot be null")])) {
                try store.update(id: project.id, nullTitle, actor: "bob")
            }
        }
    }

    @Test("a patch that changes nothing writes no history row and keeps the version")
    func noOpPatch() throws {
        try withProjectStore { store throws in
            let project = try store.createProject()
            var patch = ProjectPatch()
            patch.title = .set(project.fields.title)
            let (same, changed) = try store.update(id: project.id, patch, actor: "alice")
            #expect(!changed && same.version == 1)
            #expect(try store.history(projectID: project.id).count == 1)
        }
    }

    @Test("a failed precondition changes nothing")
    func precondition() throws {
        try withProjectStore { store throws in
            let project = try store.createProject()
            var patch = ProjectPatch()
            patch.progress = .set(10)
            let error = #expect(throws: ProjectStoreError.self) {
                try store.update(id: project.id, patch, actor: "alice", precondition: { $0.version == 7 })
            }
            #expect(error == .preconditionFailed(current: project))
            #expect(try store.update(id: project.id, patch, actor: "alice", precondition: { $0.version == 1 }).project.version == 2)
        }
    }

    @Test("archiving hides a project from lists and counts but keeps its history")
    func archive() throws {
        try withProjectStore { store throws in
            let project = try store.createProject()
            _ = try store.createProject(newProjectPatch(title: "別事業"))
            _ = try store.archive(id: project.id, actor: "alice", note: "duplicate")
            #expect(throws: ProjectStoreError.self) { try store.project(id: project.id) }
            #expect(try store.projects().map(\.fields.title) == ["別事業"])
            #expect(try PlanStore(pool: store.pool).measure(code: "1-7")?.projectCount == 1)
            let history = try store.history(projectID: project.id)
            #expect(history.map(\.action) == [.create, .archive])
            #expect(history.last?.note == "duplicate")
            #expect(throws: ProjectStoreError.self) { try store.setStatus(project.id, .inProgress) }
            #expect(throws: ProjectStoreError.notFound(id: 999)) { try store.history(projectID: 999) }
        }
    }

    @Test("filters, search and sorts")
    func listing() throws {
        try withProjectStore { store throws in
            let a = try store.createProject(newProjectPatch(measure: "1-7", title: "AIチャットボット導入", department: "デジタル統括課", start: 2022, end: 2023))
            let b = try store.createProject(newProjectPatch(measure: "2-2", title: "RPAによる業務効率化", department: "総務課", start: 2024, end: 2025))
            let c = try store.createProject(newProjectPatch(measure: "3-1", title: "農業DX実証", department: "農政課", start: 2023, end: 2025))
            usleep(3_000)  // timestamps have millisecond resolution: make b's update the latest
            _ = try store.setStatus(b.id, .inProgress)
            #expect(try store.projects(ProjectQuery(measureCode: "2-2")).map(\.id) == [b.id])
            #expect(try store.projects(ProjectQuery(policyID: 3)).map(\.id) == [c.id])
            #expect(try store.projects(ProjectQuery(status: .inProgress)).map(\.id) == [b.id])
            #expect(try store.projects(ProjectQuery(department: "農政課")).map(\.id) == [c.id])
            #expect(try store.projects(ProjectQuery(fiscalYear: 2023)).map(\.id) == [a.id, c.id])
            #expect(try store.projects(ProjectQuery(search: SearchQuery("チャットボット"))).map(\.id) == [a.id])
            #expect(try store.projects(ProjectQuery(search: SearchQuery("農業"))).map(\.id) == [c.id])
            #expect(try store.projects(ProjectQuery(search: SearchQuery("総務課"))).map(\.id) == [b.id])
            #expect(try store.projects(ProjectQuery(sort: .updatedAtDescending)).first?.id == b.id)
            #expect(try store.projects(ProjectQuery(sort: .title)).map(\.id) == [a.id, b.id, c.id])
        }
    }

    @Test("progress per policy and measure counts live projects by status, with their mean progress")
    func progressReport() throws {
        try withProjectStore { store throws in
            let a = try store.createProject(newProjectPatch(measure: "1-7"))
            _ = try store.createProject(newProjectPatch(measure: "1-7"))
            var patch = ProjectPatch()
            patch.status = .set("in_progress")
            patch.progress = .set(45)
            _ = try store.update(id: a.id, patch, actor: "alice")
            let report = try store.progress()
            let measure = try #require(report.measures.first { $0.code == "1-7" })
            #expect(measure.projectCount == 2 && measure.statusCounts == StatusCounts(planned: 1, inProgress: 1))
            #expect(measure.meanProgress == 22.5)
            #expect(report.measures.first { $0.code == "1-1" }?.meanProgress == nil)
            #expect(report.policies[0].projectCount == 2 && report.policies[1].projectCount == 0)
            let policy = try #require(try PlanStore(pool: store.pool).policies().first)
            #expect(policy.statusCounts == StatusCounts(planned: 1, inProgress: 1))
        }
    }

    @Test("an idempotency key replays the first answer; with another body it is refused")
    func idempotency() throws {
        try withProjectStore { store throws in
            let key = ProjectStore.IdempotencyKey(key: "k1", tokenName: "alice", requestHash: String(repeating: "a", count: 64))
            let first = try store.create(newProjectPatch(), actor: "alice", idempotency: key, render: { Array("p\($0.id)".utf8) })
            let second = try store.create(newProjectPatch(), actor: "alice", idempotency: key, render: { _ in [] })
            guard case .created(let project, let body) = first else { Issue.record("first not created"); return }
            #expect(second == .replayed(ProjectStore.StoredResponse(status: 201, body: body, projectID: project.id)))
            #expect(try store.projects().count == 1)
            var other = key
            other.requestHash = String(repeating: "b", count: 64)
            #expect(throws: ProjectStoreError.idempotencyKeyReused(key: "k1")) { try store.create(newProjectPatch(), actor: "alice", idempotency: other) }
            // Keys are per token: bob's k1 is another key.
            other.tokenName = "bob"
            guard case .created = try store.create(newProjectPatch(), actor: "bob", idempotency: other) else { Issue.record("bob's create replayed"); return }
        }
    }

    @Test("an idempotency key older than 24 hours is forgotten and purged")
    func idempotencyExpiry() throws {
        try withProjectStore { store throws in
            let key = ProjectStore.IdempotencyKey(key: "k1", tokenName: "alice", requestHash: String(repeating: "a", count: 64))
            _ = try store.create(newProjectPatch(), actor: "alice", idempotency: key)
            let dayAndASecondAgo = Timestamp.format(seconds: Int(Date().timeIntervalSince1970) - 86_401)
            try store.pool.write { db in try db.run("UPDATE idempotency_keys SET created_at = ?", .text(dayAndASecondAgo)) }
            var other = key
            other.requestHash = String(repeating: "b", count: 64)
            guard case .created = try store.create(newProjectPatch(), actor: "alice", idempotency: other) else {
                Issue.record("an expired key was replayed")
                return
            }
            #expect(try store.pool.read { db in try db.scalar("SELECT count(*) FROM idempotency_keys") } == .integer(1))
            #expect(try store.projects().count == 2)
        }
    }

    @Test("many concurrent writers lose no update and no history row")
    func concurrentWriters() throws {
        try withProjectStore { store throws in
            let project = try store.createProject()
            let failures = Locked(0)
            DispatchQueue.concurrentPerform(iterations: 10) { worker in
                for step in 0..<5 {
                    var patch = ProjectPatch()
                    patch.progress = .set(worker * 5 + step + 1)
                    do { _ = try store.update(id: project.id, patch, actor: "w\(worker)") } catch { failures.withLock { $0 += 1 } }
                }
            }
            #expect(failures.withLock { $0 } == 0)
            #expect(try store.history(projectID: project.id).count == 51)
            #expect(try store.project(id: project.id).version == 51)
        }
    }

    @Test("history cannot be rewritten")
    func historyAppendOnly() throws {
        try withProjectStore { store throws in
            _ = try store.createProject()
            #expect(throws: SQLiteError.self) { try store.pool.write { db in try db.run("DELETE FROM project_history") } }
            #expect(throws: SQLiteError.self) { try store.pool.write { db in try db.run("UPDATE project_history SET actor = 'mallory'") } }
        }
    }
}

import Testing
@testable import DXCore

@Suite("Schema constraints (migration 0001)")
struct SchemaConstraintTests {
    func expectConstraintError(_ sql: String, _ arguments: [SQLiteValue] = [], sourceLocation: SourceLocation = #_sourceLocation) throws {
        try withMigratedPool { pool throws in
            let error = #expect(throws: SQLiteError.self, sourceLocation: sourceLocation) {
                try pool.write { db in try db.run(sql, arguments: arguments) }
            }
            #expect(error?.isConstraint == true, "\(String(describing: error))", sourceLocation: sourceLocation)
        }
    }

    @Test("a measure code must agree with its policy and position")
    func measureCodeFormat() throws {
        try expectConstraintError("INSERT INTO measures (code, policy_id, position, title) VALUES ('1_12', 1, 12, 'x')")
        try expectConstraintError("INSERT INTO measures (code, policy_id, position, title) VALUES ('2-12', 1, 12, 'x')")
    }

    @Test("a measure under an unknown policy is refused")
    func measureNeedsPolicy() throws {
        try expectConstraintError("INSERT INTO measures (code, policy_id, position, title) VALUES ('9-1', 9, 1, 'x')")
    }

    @Test("duplicate positions, a second plan row, bad dates and scopes are refused")
    func otherConstraints() throws {
        try expectConstraintError("INSERT INTO measures (code, policy_id, position, title) VALUES ('1-1', 1, 1, 'again')")
        try expectConstraintError("INSERT INTO plan SELECT 2, title, subtitle, volume, purpose, positioning, start_fiscal_year, end_fiscal_year, start_label, end_label, period_note FROM plan")
        try expectConstraintError("INSERT INTO timeline_events (date, scope, title) VALUES ('2021-13', 'city', 'x')")
        try expectConstraintError("INSERT INTO timeline_events (date, scope, title) VALUES ('2021/01', 'city', 'x')")
        try expectConstraintError("INSERT INTO timeline_events (date, scope, title) VALUES ('2021-01', 'prefecture', 'x')")
        try expectConstraintError("INSERT INTO concepts (id, question, statement) VALUES (7, 'no tildes', 'x')")
        try expectConstraintError("INSERT INTO governance_duties (body_id, number, marker, text) VALUES (2, 6, '①', 'x')")
        try expectConstraintError("INSERT INTO measures (code, policy_id, position, title) VALUES ('1-12', 1, 'twelve', 'x')")
    }

    @Test("a policy with measures cannot be deleted")
    func policyDeletionRestricted() throws {
        try expectConstraintError("DELETE FROM policies WHERE id = 1")
    }

    @Test("the search index follows measure edits")
    func searchIndexFollowsEdits() throws {
        try withMigratedPool { pool throws in
            try pool.write { db in try db.run("UPDATE measures SET title = ? WHERE code = '3-7'", "林業のデジタル化") }
            let store = PlanStore(pool: pool)
            #expect(try store.measures(query: "林業の").map(\.code) == ["3-7"])
            #expect(try store.measures(query: "農業のデ").isEmpty)
        }
    }
}

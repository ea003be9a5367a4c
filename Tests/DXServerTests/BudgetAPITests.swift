import DXCore
import DXServer
import Foundation
import Testing

// Budgets per fiscal year, in-process: idempotent PUT (201 then 200), validation in one 422,
// If-Match / If-None-Match, history rows, totals by policy and measure, and the progress roll-up.

private func withBudgetedProject<T>(_ body: (ProjectClient, Int) throws -> T) throws -> T {
    try withAPIService { server in
        let client = ProjectClient(server: server, token: try server.context.auth.tokens.create(name: "alice"))
        return try body(client, try client.create())
    }
}

private func errorFields(_ response: HTTPResponse) throws -> [String] {
    let problem = try #require(try response.json() as? [String: Any], "\(response.status) \(response.text)")
    let errors = try #require(problem["errors"] as? [[String: Any]], "\(response.status) \(response.text)")
    return errors.compactMap { $0["field"] as? String }.sorted()
}

@Suite("Budget API")
struct BudgetAPITests {
    @Test("PUT creates a fiscal year's budget with 201 and Location, replaces it with 200, and the same PUT again changes nothing")
    func putCreatesThenReplaces() throws {
        try withBudgetedProject { client, id throws in
            let path = "/api/v1/projects/\(id)/budget/2023"
            let created = try client.write("PUT", path, #"{"planned_yen":12000000,"note":"当初予算"}"#)
            #expect(created.status == 201, "\(created.text)")
            #expect(created.header("Location") == path)
            #expect(created.header("ETag") == "\"b\(id)-2023-v1\"")
            let object = try #require(try created.json() as? [String: Any])
            #expect(object["actual_yen"] is NSNull, "null until settled")
            #expect(object["fiscal_year_label"] as? String == "令和5年度")
            let replaced = try client.write("PUT", path, #"{"planned_yen":12000000,"actual_yen":11500000,"note":"決算"}"#)
            #expect(replaced.status == 200)
            #expect(replaced.header("ETag") == "\"b\(id)-2023-v2\"")
            let same = try client.write("PUT", path, #"{"planned_yen":12000000,"actual_yen":11500000,"note":"決算"}"#)
            #expect(same.status == 200 && same.header("ETag") == "\"b\(id)-2023-v2\"")
            let list = try client.server.data("/api/v1/projects/\(id)/budget")
            #expect(list.count == 1 && list.first?["actual_yen"] as? Int == 11_500_000)
            // A PUT replaces the whole year: leaving actual_yen out makes it unsettled again.
            let reset = try client.write("PUT", path, #"{"planned_yen":12000000,"note":"決算"}"#)
            #expect((try reset.json() as? [String: Any])?["actual_yen"] is NSNull)
        }
    }

    @Test("every bad member of a budget is listed in one 422: negative, fractional, over the maximum, wrong type, unknown, read-only")
    func invalidBudgetListsEveryField() throws {
        try withBudgetedProject { client, id throws in
            let response = try client.write("PUT", "/api/v1/projects/\(id)/budget/2023",
                                            #"{"planned_yen":-1,"actual_yen":1.5,"note":5,"version":3,"extra":true}"#)
            #expect(response.status == 422)
            #expect(try errorFields(response) == ["actual_yen", "extra", "note", "planned_yen", "version"])
            let big = try client.write("PUT", "/api/v1/projects/\(id)/budget/2023", #"{"planned_yen":1000000000001,"actual_yen":"1"}"#)
            #expect(try errorFields(big) == ["actual_yen", "planned_yen"])
            #expect(try errorFields(try client.write("PUT", "/api/v1/projects/\(id)/budget/2023", "{}")) == ["planned_yen"])
            #expect(try client.server.data("/api/v1/projects/\(id)/budget").isEmpty)
        }
    }

    @Test("a fiscal year outside the project's years is a 422; outside 2000–2100 or non-canonical in the path a 404")
    func budgetYearBounds() throws {
        try withBudgetedProject { client, id throws in
            let outside = try client.write("PUT", "/api/v1/projects/\(id)/budget/2030", #"{"planned_yen":1}"#)
            #expect(outside.status == 422)
            #expect(try errorFields(outside) == ["fiscal_year"])
            #expect(try client.write("PUT", "/api/v1/projects/\(id)/budget/1999", #"{"planned_yen":1}"#).status == 404)
            #expect(try client.server.get("/api/v1/projects/\(id)/budget/02023").status == 404)
            #expect(try client.server.get("/api/v1/projects/\(id)/budget/2023").status == 404)
        }
    }

    @Test("If-Match with a stale ETag is 412 and writes nothing; If-None-Match: * only creates; no token is 401")
    func putHonoursPreconditions() throws {
        try withBudgetedProject { client, id throws in
            let path = "/api/v1/projects/\(id)/budget/2022"
            #expect(try client.write("PUT", path, #"{"planned_yen":5}"#, headers: [("If-Match", "*")]).status == 412, "nothing to match yet")
            #expect(try client.write("PUT", path, #"{"planned_yen":5}"#, headers: [("If-None-Match", "*")]).status == 201)
            #expect(try client.write("PUT", path, #"{"planned_yen":6}"#, headers: [("If-None-Match", "*")]).status == 412)
            let stale = try client.write("PUT", path, #"{"planned_yen":7}"#, headers: [("If-Match", "\"b\(id)-2022-v9\"")])
            #expect(stale.status == 412)
            #expect(try client.write("PUT", path, #"{"planned_yen":8}"#, headers: [("If-Match", "\"b\(id)-2022-v1\"")]).status == 200)
            #expect(try client.write("PUT", path, #"{"planned_yen":9}"#, token: .some(nil)).status == 401)
            let object = try #require(try client.server.get(path).json() as? [String: Any])
            #expect(object["planned_yen"] as? Int == 8)
        }
    }

    @Test("every budget write is a row of the project's history, old and new values per field")
    func budgetWritesAreHistoryRows() throws {
        try withBudgetedProject { client, id throws in
            _ = try client.write("PUT", "/api/v1/projects/\(id)/budget/2023", #"{"planned_yen":100}"#)
            _ = try client.write("PUT", "/api/v1/projects/\(id)/budget/2023", #"{"planned_yen":100,"actual_yen":90}"#)
            let history = try client.history(id)
            #expect(history.count == 3)
            let created = try #require(history[1]["changes"] as? [String: [String: Any]])
            #expect(created["budget.2023.planned_yen"]?["new"] as? Int == 100)
            #expect(created["budget.2023.planned_yen"]?["old"] is NSNull)
            let settled = try #require(history[2]["changes"] as? [String: [String: Any]])
            #expect(Set(settled.keys) == ["budget.2023.actual_yen"])
            #expect(settled["budget.2023.actual_yen"]?["new"] as? Int == 90)
            #expect(history[2]["actor"] as? String == "alice")
        }
    }

    @Test("GET /api/v1/budget totals each fiscal year by policy and measure, settled actuals only, JSON and CSV")
    func budgetTotalsByPolicyAndMeasure() throws {
        try withBudgetedProject { client, first throws in
            let second = try client.create(#"{"measure_code":"1-7","title":"二つ目","department":"課","start_fiscal_year":2023,"end_fiscal_year":2023}"#)
            let third = try client.create(#"{"measure_code":"2-1","title":"三つ目","department":"課","start_fiscal_year":2023,"end_fiscal_year":2024}"#)
            _ = try client.write("PUT", "/api/v1/projects/\(first)/budget/2023", #"{"planned_yen":1000,"actual_yen":900}"#)
            _ = try client.write("PUT", "/api/v1/projects/\(second)/budget/2023", #"{"planned_yen":500}"#)
            _ = try client.write("PUT", "/api/v1/projects/\(third)/budget/2023", #"{"planned_yen":300,"actual_yen":300}"#)
            _ = try client.write("PUT", "/api/v1/projects/\(third)/budget/2024", #"{"planned_yen":7}"#)
            let rows = try client.server.data("/api/v1/budget?fiscal_year=2023&limit=500")
            #expect(rows.count == 3 + 29, "every policy and measure, zeros included")
            let policy1 = try #require(rows.first { $0["level"] as? String == "policy" && $0["policy_id"] as? Int == 1 })
            #expect(policy1["planned_yen"] as? Int == 1500 && policy1["actual_yen"] as? Int == 900)
            #expect(policy1["project_count"] as? Int == 2 && policy1["settled_count"] as? Int == 1)
            let measure17 = try #require(rows.first { $0["measure_code"] as? String == "1-7" })
            #expect(measure17["planned_yen"] as? Int == 1500)
            let measure11 = try #require(rows.first { $0["measure_code"] as? String == "1-1" })
            #expect(measure11["planned_yen"] as? Int == 0 && measure11["actual_yen"] is NSNull)
            let policy2 = try #require(rows.first { $0["level"] as? String == "policy" && $0["policy_id"] as? Int == 2 })
            #expect(policy2["planned_yen"] as? Int == 300)
            #expect(try client.server.data("/api/v1/budget?limit=500").count == 2 * 32, "two fiscal years")
            let csv = try client.server.get("/api/v1/budget.csv?fiscal_year=2023&header=ja")
            #expect(csv.text.hasPrefix("年度,年度（和暦）,集計単位,基本方針,施策コード,名称,予算額（円）,決算額（円）"))
            #expect(try client.server.get("/api/v1/budget?fiscal_year=1999").status == 400)
            // An archived project's budget leaves the totals.
            #expect(try client.write("DELETE", "/api/v1/projects/\(second)").status == 204)
            let after = try client.server.data("/api/v1/budget?fiscal_year=2023&limit=500")
            #expect(after.first { $0["level"] as? String == "policy" && $0["policy_id"] as? Int == 1 }?["planned_yen"] as? Int == 1000)
        }
    }

    @Test("GET /api/v1/progress gives per policy and measure the latest ratings' distribution and the budget per fiscal year")
    func progressRollsUpRatingsAndBudget() throws {
        try withBudgetedProject { client, first throws in
            let second = try client.create()
            _ = try client.write("POST", "/api/v1/projects/\(first)/evaluations", #"{"period":"2023H1","rating":"D"}"#)
            _ = try client.write("POST", "/api/v1/projects/\(first)/evaluations", #"{"period":"2023H2","rating":"B"}"#)
            _ = try client.write("PUT", "/api/v1/projects/\(second)/budget/2024", #"{"planned_yen":2500,"actual_yen":2000}"#)
            let progress = try #require(try client.server.get("/api/v1/progress").json() as? [String: Any])
            let measures = try #require(progress["measures"] as? [[String: Any]])
            let m17 = try #require(measures.first { $0["code"] as? String == "1-7" })
            let ratings = try #require(m17["ratings"] as? [String: Int])
            #expect(ratings == ["A": 0, "B": 1, "C": 0, "D": 0, "unevaluated": 1], "the latest period (2023H2) counts")
            let budget = try #require(m17["budget"] as? [[String: Any]])
            #expect(budget.count == 1 && budget.first?["fiscal_year"] as? Int == 2024 && budget.first?["actual_yen"] as? Int == 2000)
            let policies = try #require(progress["policies"] as? [[String: Any]])
            let p1 = try #require(policies.first { $0["id"] as? Int == 1 })
            #expect((p1["ratings"] as? [String: Int])?["B"] == 1)
            #expect(((p1["budget"] as? [[String: Any]])?.first)?["planned_yen"] as? Int == 2500)
            let p3 = try #require(policies.first { $0["id"] as? Int == 3 })
            #expect((p3["budget"] as? [[String: Any]])?.isEmpty == true)
        }
    }
}

@testable import DXServer
import Foundation
import Testing

/// Array query parameters (OpenAPI 3.1 §4.8.12.4, `style: form`) as the document states them
/// and `QueryParameterRules` enforces them: `explode: false` splits on commas, `explode: true`
/// takes one item per repetition; each item meets `items`, their number `minItems`/`maxItems`.
@Suite struct ArrayQueryParameterRuleTests {
    static func rules(_ operation: String) -> [String: QueryParameterRules.Rule] {
        let rules = QueryParameterRules(document: ServedOpenAPI.json).operations[operation] ?? []
        return Dictionary(rules.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    }

    @Test func theDocumentsArrayAndDateTimeParametersAreRead() throws {
        let projects = Self.rules("GET /api/v1/projects")
        guard case let .array(.string(_, _, measures?, _), 1, 50, false)? = projects["measure"]?.kind else {
            Issue.record("measure: \(String(describing: projects["measure"]?.kind))"); return
        }
        #expect(measures.count == 29)
        guard case let .array(.string(1, _, nil, pattern?), 1, 50, true)? = projects["department"]?.kind else {
            Issue.record("department: \(String(describing: projects["department"]?.kind))"); return
        }
        #expect(pattern.source == QueryParameterRules.noControlCharacters)
        guard case .dateTime? = projects["updated_since"]?.kind else { Issue.record("updated_since"); return }
        guard case .array(.string(_, _, _?, _), 1, 5, false)? = projects["facets"]?.kind else { Issue.record("facets"); return }
        guard case .string(_, _, ["en", "ja"]?, _)? = projects["header"]?.kind else { Issue.record("header"); return }
        let history = Self.rules("GET /api/v1/projects/{id}/history")
        guard case .array(.string(_, _, ["create", "update", "archive"]?, _), 1, 50, false)? = history["action"]?.kind else { Issue.record("action"); return }
        guard case let .array(.string(1, _, nil, actorPattern?), 1, 50, true)? = history["actor"]?.kind else { Issue.record("actor"); return }
        #expect(actorPattern.source == QueryParameterRules.noControlCharacters)
        guard case .array(.string(_, _, ["action", "actor"]?, _), 1, 2, false)? = history["facets"]?.kind else { Issue.record("history facets"); return }
    }

    @Test func measureItemOutsideThe29CodesIs400NamingMeasure() throws {
        try withAPIService { api in
            for target in ["/api/v1/projects?measure=1-1,9-9", "/api/v1/projects?measure=1-1&measure=1-12", "/api/v1/projects?measure=1-1,"] {
                let response = try api.get(target)
                #expect(response.status == 400, "\(target)")
                #expect(try (response.json() as? [String: Any])?["parameter"] as? String == "measure")
            }
            #expect(try api.get("/api/v1/projects?measure=1-1,3-8&measure=2-10").status == 200)
        }
    }

    @Test func departmentIsNeverSplitOnCommasAndEachItemIsChecked() throws {
        try withAPIService { api in
            // One department whose name has a comma: a valid single item, not two.
            #expect(try api.get("/api/v1/projects?department=a,,b").status == 200)
            let response = try api.get("/api/v1/projects?department=a&department=b%01")
            #expect(response.status == 400)
            #expect(try (response.json() as? [String: Any])?["parameter"] as? String == "department")
            let tooMany = (0...50).map { "department=d\($0)" }.joined(separator: "&")
            #expect(try api.get("/api/v1/projects?\(tooMany)").status == 400)
        }
    }

    @Test func updatedSinceWithoutAnOffsetIs400() throws {
        try withAPIService { api in
            let response = try api.get("/api/v1/projects?updated_since=2024-04-01T00:00:00")
            #expect(response.status == 400)
            #expect(try (response.json() as? [String: Any])?["parameter"] as? String == "updated_since")
            #expect(try api.get("/api/v1/projects?updated_since=2024-04-01T00:00:00%2B09:00").status == 200)
        }
    }

    @Test func historyArrayParametersAtTheirEdgesAreAccepted() throws {
        try withAPIService { api in
            let token = try api.adminToken()
            let body: [String: Any] = ["measure_code": "1-7", "title": "履歴の検索", "department": "デジタル統括課",
                                       "start_fiscal_year": 2022, "end_fiscal_year": 2025]
            let created = try api.request("POST", "/api/v1/projects", headers: [
                ("Authorization", "Bearer \(token)"), ("Content-Type", "application/json"),
            ], body: Array(try JSONSerialization.data(withJSONObject: body)))
            #expect(created.status == 201)
            let id = try #require((created.json() as? [String: Any])?["id"] as? Int)
            let actors = (0..<50).map { "actor=a\($0)" }.joined(separator: "&")
            for query in ["action=create,update,archive", "action=create&action=update", actors, "facets=action,actor", "header=ja"] {
                let target = "/api/v1/projects/\(id)/history?\(query)"
                #expect(try api.get(target).status == 200, "\(target)")
            }
            for query in ["action=create,delete", "actor=", "actor=a&actor=b%07", "facets=action,actor,action", "header=fr"] {
                let target = "/api/v1/projects/\(id)/history?\(query)"
                #expect(try api.get(target).status == 400, "\(target)")
            }
        }
    }
}

import DXCore
@testable import DXServer
import Foundation
import Testing

/// Integers in queries have one spelling, as in paths (`CanonicalInteger`): `?policy=+1`,
/// `%2B1`, ` 1`, `01`, `1.0` are a 400 naming the parameter, never a second URL (a second cache
/// entry) for the answer of `?policy=1`.
@Suite struct CanonicalIntegerQueryTests {
    static let nonCanonical = ["%2B1", "+1", "%201", "1%20", "01", "001", "1.0", "1e0", "0x1", "-0", "%EF%BC%91"]  // last: full-width 1

    /// Every integer query parameter of the served document (item or whole), with a path that
    /// fills its path parameters with ones that exist.
    static func integerParameters() throws -> [(target: String, name: String)] {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(ServedOpenAPI.json.utf8)) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let shared = (document["components"] as? [String: Any])?["parameters"] as? [String: [String: Any]] ?? [:]
        var found: [(String, String)] = []
        for (path, operations) in paths where !path.hasSuffix(".csv") {
            guard let get = operations["get"] as? [String: Any] else { continue }
            for entry in get["parameters"] as? [[String: Any]] ?? [] {
                let parameter = (entry["$ref"] as? String).flatMap { shared[String($0.split(separator: "/").last ?? "")] } ?? entry
                guard parameter["in"] as? String == "query", let name = parameter["name"] as? String,
                      let schema = parameter["schema"] as? [String: Any] else { continue }
                let type = schema["type"] as? String == "array" ? (schema["items"] as? [String: Any])?["type"] as? String : schema["type"] as? String
                guard type == "integer" else { continue }
                let target = path.replacingOccurrences(of: "{id}", with: path.hasPrefix("/api/v1/surveys") ? "15" : "1")
                    .replacingOccurrences(of: "{kpi_id}", with: "1")
                found.append((target, name))
            }
        }
        return found.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
    }

    @Test func everyIntegerQueryParameterRefusesANonCanonicalSpelling() throws {
        let parameters = try Self.integerParameters()
        #expect(Set(parameters.map(\.name)) == ["limit", "policy", "fiscal_year"], "the parameters this test knows of")
        #expect(parameters.count >= 15)
        try withAPIService { api throws in
            let token = try api.adminToken()
            // A project with a KPI, so that every nested collection exists.
            let project = #"{"measure_code":"1-1","title":"t","department":"d","start_fiscal_year":2023,"end_fiscal_year":2024,"kpi":{"name":"k","unit":"%","target":1}}"#
            #expect(try api.request("POST", "/api/v1/projects", headers: [("Authorization", "Bearer \(token)"), ("Content-Type", "application/json")],
                                    body: Array(project.utf8)).status == 201)
            for (target, name) in parameters {
                let good = name == "fiscal_year" ? "2023" : "1"
                let accepted = try api.get("\(target)?\(name)=\(good)")
                #expect(accepted.status == 200, "\(target)?\(name)=\(good): \(accepted.text)")
                for spelling in Self.nonCanonical {
                    let raw = name == "fiscal_year" ? spelling.replacingOccurrences(of: "1", with: "2023") : spelling
                    let response = try api.get("\(target)?\(name)=\(raw)")
                    #expect(response.status == 400, "\(target)?\(name)=\(raw)")
                    let problem = try response.json() as? [String: Any]
                    #expect(problem?["parameter"] as? String == name, "\(target)?\(name)=\(raw)")
                }
            }
        }
    }

    @Test func aNonCanonicalItemOfAMultiValueFilterIs400() throws {
        try withAPIService { api throws in
            for target in ["/api/v1/projects?policy=1,%2B2", "/api/v1/projects?fiscal_year=2023,02024", "/api/v1/projects?policy=1&policy=01"] {
                #expect(try api.get(target).status == 400, "\(target)")
            }
        }
    }

    @Test func thePagesListRefusesANonCanonicalLimit() throws {
        try withAPIService { api throws in
            #expect(try api.get("/projects?limit=%2B10").status == 400)
            #expect(try api.get("/projects?limit=10").status == 200)
        }
    }

    @Test func integerPathParametersAreCanonicalOnEveryRoute() throws {
        try withAPIService { api throws in
            for target in ["/api/v1/policies/%2B1", "/api/v1/policies/01", "/api/v1/projects/%201", "/api/v1/surveys/015",
                           "/api/v1/surveys/15/questions/01", "/api/v1/projects/1/budget/02023", "/policies/01", "/surveys/+15"] {
                #expect(try api.get(target).status == 404, "\(target)")
            }
        }
    }
}

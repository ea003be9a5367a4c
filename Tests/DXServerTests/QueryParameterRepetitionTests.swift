@testable import DXServer
import Foundation
import Testing

/// A query parameter that takes one value (every one that is not an array) given twice with
/// different values is a 400 naming it, on every route, as a singleton header field sent twice
/// is; the same value twice is accepted. Array filters keep their documented repetition.
@Suite struct QueryParameterRepetitionTests {
    /// Every one-value query parameter of every GET operation of the served document, with a
    /// target whose path parameters name things that exist, and a value its schema accepts.
    static func singleValueParameters() throws -> [(target: String, name: String, value: String)] {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(ServedOpenAPI.json.utf8)) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let shared = (document["components"] as? [String: Any])?["parameters"] as? [String: [String: Any]] ?? [:]
        var found: [(String, String, String)] = []
        for (path, operations) in paths {
            guard let get = operations["get"] as? [String: Any] else { continue }
            for entry in get["parameters"] as? [[String: Any]] ?? [] {
                let parameter = (entry["$ref"] as? String).flatMap { shared[String($0.split(separator: "/").last ?? "")] } ?? entry
                guard parameter["in"] as? String == "query", let name = parameter["name"] as? String,
                      let schema = parameter["schema"] as? [String: Any], schema["type"] as? String != "array" else { continue }
                let value: String
                if let allowed = schema["enum"] as? [String], let first = allowed.first {
                    value = first
                } else if schema["type"] as? String == "integer" {
                    value = name == "fiscal_year" ? "2023" : "1"
                } else if schema["format"] as? String == "date-time" {
                    value = "2024-04-01T00:00:00Z"
                } else {
                    value = "a"
                }
                let target = path.replacingOccurrences(of: "{id}", with: path.hasPrefix("/api/v1/surveys") ? "15" : "1")
                    .replacingOccurrences(of: "{kpi_id}", with: "1")
                found.append((target, name, value))
            }
        }
        return found.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
    }

    @Test func aOneValueQueryParameterGivenTwiceWithDifferentValuesIs400OnEveryRoute() throws {
        let parameters = try Self.singleValueParameters()
        #expect(Set(parameters.map(\.name)).isSuperset(of: ["limit", "cursor", "sort", "q"]), "the parameters this test knows of")
        #expect(parameters.count >= 20)
        try withAPIService { api throws in
            for (target, name, value) in parameters {
                let other = value == "1" ? "2" : value == "2023" ? "2024" : value + "b"
                let response = try api.get("\(target)?\(name)=\(value)&\(name)=\(other)")
                #expect(response.status == 400, "\(target)?\(name)=\(value)&\(name)=\(other)")
                #expect(response.header("Content-Type")?.hasPrefix("application/problem+json") == true)
                let problem = try response.json() as? [String: Any]
                #expect(problem?["parameter"] as? String == name, "\(target) \(name)")
                #expect((problem?["detail"] as? String)?.contains("more than once") == true, "\(target) \(name): \(response.text)")
            }
        }
    }

    @Test func theSameValueTwiceIsAnsweredAsOnce() throws {
        try withAPIService { api throws in
            for (target, name, value) in try Self.singleValueParameters() {
                let once = try api.get("\(target)?\(name)=\(value)")
                let twice = try api.get("\(target)?\(name)=\(value)&\(name)=\(value)")
                #expect(twice.status == once.status, "\(target)?\(name)=\(value) twice: \(twice.text)")
                #expect(twice.status != 400 || once.status == 400, "\(target) \(name)")
            }
        }
    }

    @Test func aRepeatedArrayFilterStillMeansBoth() throws {
        try withAPIService { api throws in
            #expect(try api.get("/api/v1/projects?status=planned&status=completed").status == 200)
            #expect(try api.get("/api/v1/projects?policy=1&policy=2").status == 200)
        }
    }

    @Test func theProjectsPageRefusesARepeatedOneValueFieldWithItsOwnPage() throws {
        try withAPIService { api throws in
            for target in ["/projects?limit=10&limit=20", "/projects?q=a&q=b", "/projects?sort=id&sort=title"] {
                let response = try api.get(target)
                #expect(response.status == 400, "\(target)")
                #expect(response.header("Content-Type")?.hasPrefix("text/html") == true, "\(target)")
            }
            #expect(try api.get("/projects?limit=10&limit=10&status=planned&status=completed").status == 200)
        }
    }
}

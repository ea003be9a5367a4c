import DXServer
import Foundation
import Testing

/// The OpenAPI document is the authoritative description of the API, so it must say exactly
/// what the router serves: these tests hold the two together in both directions.
@Suite struct OpenAPITests {
    static let methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    /// Areas developed on other branches. Until their routes are merged, their documented
    /// operations may be missing from the router, but only while the router has no route in the
    /// area at all: once any lands, the area is checked as strictly as the rest.
    static let pendingAreas = ["/api/v1/projects", "/api/v1/progress", "/api/v1/surveys"]

    static func document() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(ServedOpenAPI.json.utf8)) as? [String: Any])
    }

    /// "GET /api/v1/measures", one per documented operation.
    static func operations(_ doc: [String: Any]) throws -> Set<String> {
        let paths = try #require(doc["paths"] as? [String: Any])
        var result: Set<String> = []
        for (path, item) in paths {
            let item = try #require(item as? [String: Any], "path item \(path)")
            for method in methods where item[method] != nil { result.insert("\(method.uppercased()) \(path)") }
        }
        return result
    }

    static func area(of path: String) -> String? {
        pendingAreas.first { path == $0 || path.hasPrefix($0 + "/") || path.hasPrefix($0 + ".") }
    }

    @Test func documentIsOpenAPI31WithAResponseForEveryOperation() throws {
        let doc = try Self.document()
        #expect(doc["openapi"] as? String == "3.1.0")
        let info = try #require(doc["info"] as? [String: Any])
        #expect(info["title"] as? String == "都城市DX推進計画 open API")
        #expect(info["version"] as? String == "1.0.0")
        let paths = try #require(doc["paths"] as? [String: Any])
        #expect(!paths.isEmpty)
        for (path, item) in paths {
            let item = try #require(item as? [String: Any])
            for method in Self.methods {
                guard let operation = item[method] else { continue }
                let responses = (operation as? [String: Any])?["responses"] as? [String: Any] ?? [:]
                #expect(!responses.isEmpty, "\(method.uppercased()) \(path) has no response")
            }
        }
    }

    /// A dangling `$ref` makes the document unusable for every generator and fuzzer; checked
    /// here too so that `swift test` alone catches it, without the Python validator.
    @Test func everyReferenceResolves() throws {
        let doc = try Self.document()
        var refs: [String] = []
        func collect(_ value: Any) {
            if let object = value as? [String: Any] {
                if let ref = object["$ref"] as? String { refs.append(ref) }
                object.values.forEach(collect)
            } else if let array = value as? [Any] {
                array.forEach(collect)
            }
        }
        collect(doc)
        #expect(!refs.isEmpty)
        for ref in Set(refs) {
            #expect(ref.hasPrefix("#/"), "\(ref) is not local")
            var node: Any? = doc
            for token in ref.dropFirst(2).split(separator: "/") {
                let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
                node = (node as? [String: Any])?[key]
            }
            #expect(node != nil, "\(ref) does not resolve")
        }
    }

    @Test func documentAndRouterAgree() throws {
        let documented = try Self.operations(try Self.document())
        let routes = try withMigratedContext { context in APIRouter.make(context: context, metrics: Metrics()).routes }
        // HEAD and OPTIONS are answered for every path by the service, not routed.
        // The HTML pages are outside /api and outside the document (PageRoutes).
        let served = routes.filter { $0.method != "HEAD" && $0.method != "OPTIONS" && !PageRoutes.patterns.contains($0.pattern) }
        let routed = Set(served.map { "\($0.method) \($0.pattern)" })
        let csvRouted = Set(served.filter { $0.method == "GET" && $0.options.csv }.map { "GET \($0.pattern).csv" })
        let presentAreas = Set(served.compactMap { Self.area(of: $0.pattern) })

        // Sets compared whole, so a failure lists every mismatch at once and nothing else.
        let undocumented = routed.union(csvRouted).subtracting(documented).sorted()
        #expect(undocumented.isEmpty, "routed (or the CSV form of a routed collection) but not documented: \(undocumented)")
        let unrouted = documented.filter { operation in
            let path = String(operation.split(separator: " ", maxSplits: 1)[1])
            if let area = Self.area(of: path), !presentAreas.contains(area) { return false }
            return !(path.hasSuffix(".csv") ? csvRouted : routed).contains(operation)
        }.sorted()
        #expect(unrouted.isEmpty, "documented but not routed (a .csv path needs a CSV route): \(unrouted)")
    }

    @Test func servedDocumentIsTheSameBytesWithETagAndCORS() throws {
        try withAPIService { api in
            let response = try api.get("/openapi.json", headers: [("Origin", "https://www.city.miyakonojo.miyazaki.jp")])
            #expect(response.status == 200)
            #expect(response.header("Content-Type") == "application/json; charset=utf-8")
            #expect(response.body == Array(ServedOpenAPI.json.utf8))
            #expect(response.header("Access-Control-Allow-Origin") == "*")
            let etag = try #require(response.header("ETag"))
            let again = try api.get("/openapi.json", headers: [("If-None-Match", etag)])
            #expect(again.status == 304)
            #expect(again.body.isEmpty)

            let preflight = try api.request("OPTIONS", "/openapi.json", headers: [
                ("Origin", "https://www.city.miyakonojo.miyazaki.jp"), ("Access-Control-Request-Method", "GET"),
            ])
            #expect(preflight.status == 204)
            #expect(preflight.header("Access-Control-Allow-Methods")?.contains("GET") == true)
        }
    }
}

import DXCore
@testable import DXServer
import Foundation
import Testing

/// `openapi/openapi.json` holds each thing once; the route table supplies the rest
/// (`OpenAPIAssembler`). These tests hold both halves to that.
@Suite struct OpenAPIAssemblyTests {
    static func served() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(ServedOpenAPI.json.utf8)) as? [String: Any])
    }

    static func operation(_ doc: [String: Any], _ method: String, _ path: String) throws -> [String: Any] {
        let paths = try #require(doc["paths"] as? [String: Any])
        let item = try #require(paths[path] as? [String: Any], "\(path) is not documented")
        return try #require(item[method] as? [String: Any], "\(method) \(path) is not documented")
    }

    static func responses(_ operation: [String: Any]) -> [String: Any] {
        operation["responses"] as? [String: Any] ?? [:]
    }

    static func refs(_ value: Any?) -> [String] {
        (value as? [Any] ?? []).compactMap { ($0 as? [String: Any])?["$ref"] as? String }
    }

    /// The routes the file documents: one it does not is `OpenAPITests.documentAndRouterAgree`'s
    /// to report, once, not every test's here.
    static let routes: [Route] = {
        let all = (try? withMigratedContext { APIRouter.make(context: $0, metrics: Metrics()).routes }) ?? []
        let paths = (try? ServedOpenAPI.source())?["paths"] as? [String: Any] ?? [:]
        return all.filter { ((paths[$0.pattern] as? [String: Any])?[$0.method.lowercased()]) != nil }
    }()

    @Test func editedFileHasNoCSVTwinNoSharedHeaderAndNoSharedProblem() throws {
        let source = try ServedOpenAPI.source()
        let paths = try #require(source["paths"] as? [String: Any])
        #expect(paths.keys.filter { $0.hasSuffix(".csv") }.isEmpty)
        var repeats: [String] = []
        func walk(_ value: Any, _ where_: String) {
            if let object = value as? [String: Any] {
                // `components/headers` defines them: that is the one place they are written.
                if where_ != "/components", let headers = object["headers"] as? [String: Any] {
                    for name in ["X-Request-Id", "Access-Control-Allow-Origin"] where headers[name] != nil { repeats.append("\(where_) \(name)") }
                }
                for (key, child) in object { walk(child, where_ + "/" + key) }
            } else if let array = value as? [Any] {
                array.forEach { walk($0, where_) }
            }
        }
        walk(source, "")
        #expect(repeats.isEmpty, "shared headers written out: \(repeats)")
        for (path, item) in paths {
            for (method, operation) in item as? [String: Any] ?? [:] {
                let responses = Self.responses(operation as? [String: Any] ?? [:])
                #expect(responses["default"] == nil && responses["412"] == nil, "\(method) \(path) repeats a shared response")
            }
        }
    }

    @Test func everyCSVRouteHasAGeneratedCSVTwin() throws {
        let doc = try Self.served()
        let csvRoutes = Self.routes.filter { $0.method == "GET" && $0.options.csv }
        #expect(csvRoutes.count >= 10)
        for route in csvRoutes {
            let json = try Self.operation(doc, "get", route.pattern)
            let twin = try Self.operation(doc, "get", route.pattern + ".csv")
            let id = try #require(json["operationId"] as? String)
            #expect(twin["operationId"] as? String == id + "Csv")
            #expect(twin["tags"] as? [String] == json["tags"] as? [String])
            let ok = try #require(Self.responses(twin)["200"] as? [String: Any])
            #expect((ok["content"] as? [String: Any])?.keys.sorted() == ["text/csv"])
            #expect((ok["headers"] as? [String: Any])?["Content-Disposition"] != nil)
            #expect(Self.responses(twin)["406"] == nil, "a .csv path always answers CSV")
            #expect(Set(Self.refs(twin["parameters"])).isSuperset(of: ["#/components/parameters/limit", "#/components/parameters/cursor",
                                                                       "#/components/parameters/bom", "#/components/parameters/csvHeader"]))
            let jsonOK = try #require(Self.responses(json)["200"] as? [String: Any])
            #expect((jsonOK["content"] as? [String: Any])?["text/csv"] != nil, "GET \(route.pattern) with Accept: text/csv")
            #expect(Self.responses(json)["406"] != nil)
        }
    }

    @Test func sharedProblemResponsesFollowTheRouteTable() throws {
        let doc = try Self.served()
        for route in Self.routes where route.method != "HEAD" && route.method != "OPTIONS" {
            let responses = Self.responses(try Self.operation(doc, route.method.lowercased(), route.pattern))
            let name = "\(route.method) \(route.pattern)"
            #expect(responses["default"] != nil && responses["412"] != nil, "\(name)")
            if route.method == "GET" { #expect(responses["304"] != nil, "\(name)") }
            if !route.options.nonBlocking { #expect(responses["503"] != nil, "\(name)") }
            if route.pattern.contains("{") { #expect(responses["404"] != nil && responses["400"] != nil, "\(name)") }
            if route.options.requiresToken { #expect(responses["401"] != nil, "\(name)") }
            if route.options.acceptsJSONBody {
                #expect(responses["413"] != nil && responses["415"] != nil && responses["422"] != nil, "\(name)")
            }
        }
    }

    @Test func everyInlineResponseCarriesTheSharedHeaders() throws {
        let doc = try Self.served()
        var missing: [String] = []
        let paths = try #require(doc["paths"] as? [String: Any])
        for (path, item) in paths {
            for (method, operation) in item as? [String: Any] ?? [:] {
                for (status, response) in Self.responses(operation as? [String: Any] ?? [:]) {
                    guard let response = response as? [String: Any], response["$ref"] == nil else { continue }
                    let headers = response["headers"] as? [String: Any] ?? [:]
                    for header in ["X-Request-Id", "Access-Control-Allow-Origin"] where headers[header] == nil {
                        missing.append("\(method) \(path) \(status) \(header)")
                    }
                    if method == "get", status == "200", Self.refs(((operation as? [String: Any])?["parameters"])).contains("#/components/parameters/limit"),
                       headers["Link"] == nil {
                        missing.append("\(method) \(path) 200 Link")
                    }
                }
            }
        }
        let components = try #require(doc["components"] as? [String: Any])
        for (name, response) in components["responses"] as? [String: Any] ?? [:] {
            let headers = (response as? [String: Any])?["headers"] as? [String: Any] ?? [:]
            if headers["X-Request-Id"] == nil { missing.append("components/responses/\(name) X-Request-Id") }
        }
        #expect(missing.isEmpty, "\(missing)")
    }

    /// What a helper adding an endpoint writes: one operation, nothing shared. The rest comes
    /// from its route's options.
    @Test func aNewCollectionNeedsOnlyItsOwnOperation() throws {
        let source = #"""
        {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
         "paths": {"/api/v1/kpis/{id}": {"get": {"operationId": "listKpis", "summary": "KPIs", "tags": ["kpis"],
           "parameters": [{"$ref": "#/components/parameters/limit"}],
           "responses": {"200": {"description": "KPIs", "content": {"application/json": {"schema": {"type": "object"}}}}},
           "x-csv": {"note": "Streamed."}}}},
         "components": {"parameters": {"limit": {"name": "limit", "in": "query", "schema": {"type": "integer"}}}}}
        """#
        let route = OpenAPIAssembler.RouteSummary(method: "GET", pattern: "/api/v1/kpis/{id}", options: .publicCollection)
        let document = OpenAPIDocument(source: source, routes: [route])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(document.bytes)) as? [String: Any])
        let json = try Self.operation(doc, "get", "/api/v1/kpis/{id}")
        #expect(json["x-csv"] == nil)
        #expect(Set(Self.responses(json).keys) == ["200", "304", "400", "404", "406", "412", "503", "default"])
        let ok = try #require(Self.responses(json)["200"] as? [String: Any])
        #expect(Set((ok["headers"] as? [String: Any] ?? [:]).keys) == ["X-Request-Id", "Access-Control-Allow-Origin", "ETag", "Link"])
        #expect(Set((ok["content"] as? [String: Any] ?? [:]).keys) == ["application/json", "text/csv"])
        let twin = try Self.operation(doc, "get", "/api/v1/kpis/{id}.csv")
        #expect(twin["operationId"] as? String == "listKpisCsv")
        #expect(twin["summary"] as? String == "KPIs (CSV)")
        #expect((twin["description"] as? String)?.hasSuffix("\n\nStreamed.") == true)
        #expect(Set(Self.responses(twin).keys) == ["200", "304", "400", "404", "412", "503", "default"])
    }

    @Test func aWriteGetsTokenBodyAndSizeProblems() throws {
        let source = #"""
        {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
         "paths": {"/api/v1/kpis": {"post": {"operationId": "createKpi", "responses": {"201": {"description": "Created."}}}}}}
        """#
        let route = OpenAPIAssembler.RouteSummary(method: "POST", pattern: "/api/v1/kpis", options: .write)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(OpenAPIDocument(source: source, routes: [route]).bytes)) as? [String: Any])
        let responses = Self.responses(try Self.operation(doc, "post", "/api/v1/kpis"))
        #expect(Set(responses.keys) == ["201", "400", "401", "412", "413", "415", "422", "503", "507", "default"])
        let created = try #require(responses["201"] as? [String: Any])
        #expect((created["headers"] as? [String: Any])?["ETag"] == nil, "only a cacheable GET's 2xx has a generated ETag")
    }

    @Test func anUnreadableSourceServesAStubWithNoPaths() throws {
        let document = OpenAPIDocument(source: #"{"openapi": "3.1.0", "openapi": "3.1.0"}"#, routes: [])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(document.bytes)) as? [String: Any])
        #expect((doc["paths"] as? [String: Any])?.isEmpty == true)
        #expect(((doc["info"] as? [String: Any])?["description"] as? String)?.contains("openapi") == true)
    }
}

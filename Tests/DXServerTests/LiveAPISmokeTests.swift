import Foundation
import DXServer
import Testing

/// One request of each API area through a real socket, so that what runs in-process by default
/// (`withAPIService`) is known to hold on the live server too: the engine's own fields (`Date`,
/// `Server`, framing), the worker pool, and the response cache seen from a second connection.
/// Behaviour is asserted in the in-process suites; these check that the wire agrees.
@Suite("API smoke tests through a live server")
struct LiveAPISmokeTests {
    @Test func planCollectionOverASocketCarriesTheEngineFieldsAndA304OnANewConnection() throws {
        try withAPIServer { api in
            let response = try api.get("/api/v1/measures")
            #expect(response.status == 200)
            #expect(try api.data("/api/v1/measures").count == 29)
            #expect(response.header("Content-Length") == String(response.body.count))
            #expect(response.header("Server") == "dxserve")
            #expect(response.header("Date").flatMap(HTTPDate.parse) != nil, "an IMF-fixdate from the engine")
            let etag = try #require(response.header("ETag"))
            #expect(try api.get("/api/v1/measures", headers: [("If-None-Match", etag)]).status == 304)
            #expect(try api.get("/api/v1/measures.csv").header("Content-Type") == "text/csv; charset=utf-8; header=present")
        }
    }

    @Test func projectWriteOverASocketIsReadOnTheNextConnection() throws {
        try withAPIServer { api in
            let token = try api.adminToken()
            let body = Array(#"{"measure_code":"1-1","title":"t","department":"d","start_fiscal_year":2023,"end_fiscal_year":2024}"#.utf8)
            let created = try api.request("POST", "/api/v1/projects",
                                          headers: [("Authorization", "Bearer \(token)"), ("Content-Type", "application/json")], body: body)
            #expect(created.status == 201)
            #expect(created.header("Location") == "/api/v1/projects/1")
            let read = try api.get("/api/v1/projects/1")
            #expect(read.status == 200)
            #expect(read.header("ETag") == created.header("ETag"))
            #expect(try api.data("/api/v1/projects").count == 1)
            #expect(try api.request("POST", "/api/v1/projects", headers: [("Content-Type", "application/json")], body: body).status == 401)
        }
    }

    @Test func surveyAndItsChartOverASocket() throws {
        try withAPIServer { api in
            #expect(try api.data("/api/v1/surveys").count == 1)
            let chart = try api.get("/api/v1/surveys/15/questions/1/chart.svg")
            #expect(chart.status == 200)
            #expect(chart.header("Content-Type")?.hasPrefix("image/svg+xml") == true)
            #expect(chart.header("Content-Length") == String(chart.body.count))
        }
    }

    @Test func systemRoutesAndTheDocumentOverASocket() throws {
        try withAPIServer { api in
            #expect(try api.get("/healthz").status == 200)
            #expect(try api.get("/readyz").status == 200)
            let metrics = try api.get("/metrics")
            #expect(metrics.status == 200)
            #expect(metrics.text.contains("dxserve_"))
            let document = try api.get("/openapi.json")
            #expect(document.status == 200)
            #expect(document.body == Array(ServedOpenAPI.json.utf8))
        }
    }

    @Test func headOverASocketHasTheGetFieldsAndNoBody() throws {
        try withAPIServer { api in
            let get = try api.get("/api/v1/plan")
            let head = try api.request("HEAD", "/api/v1/plan")
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
            #expect(head.header("Content-Length") == String(get.body.count))
            #expect(head.header("ETag") == get.header("ETag"))
        }
    }
}

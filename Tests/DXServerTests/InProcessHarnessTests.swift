import DXServer
import Foundation
import Testing

/// The in-process harness answers as the live server does, so API suites can use it.
@Suite("In-process API harness")
struct InProcessHarnessTests {
    @Test func servesACollectionAndItsConditionalRequestWithoutASocket() throws {
        try withAPIService { api in
            let first = try api.get("/api/v1/measures")
            #expect(first.status == 200)
            let etag = try #require(first.header("ETag"))
            let again = try api.get("/api/v1/measures", headers: [("If-None-Match", etag)])
            #expect(again.status == 304)
        }
    }

    @Test func answersAWriteWithATokenMadeInTheSameDatabase() throws {
        try withAPIService { api in
            let token = try api.adminToken()
            let body = Array(#"{"measure_code":"1-1","title":"t","department":"d","start_fiscal_year":2023,"end_fiscal_year":2024}"#.utf8)
            let created = try api.request("POST", "/api/v1/projects",
                                          headers: [("Authorization", "Bearer \(token)"), ("Content-Type", "application/json")], body: body)
            #expect(created.status == 201)
            #expect(created.header("Location") == "/api/v1/projects/1")
        }
    }
}

/// The in-process harness is only worth its speed if it answers byte for byte what the live
/// server answers: the same requests through both, compared field for field.
@Suite("In-process and live harnesses agree")
struct HarnessParityTests {
    /// Status, every field but those of the moment (`Date`, a generated `X-Request-Id`) with
    /// the harness's own base URL written as BASE, and the body.
    static func comparable(_ response: HTTPResponse, base: String) -> [String] {
        let fields = response.headers.filter { !["date", "x-request-id"].contains($0.name.lowercased()) }
            .map { "\($0.name): \($0.value.replacingOccurrences(of: base, with: "BASE"))" }
        return ["\(response.status)"] + fields + [response.text.replacingOccurrences(of: base, with: "BASE")]
    }

    static let requests: [(method: String, target: String, headers: [(String, String)])] = [
        ("GET", "/api/v1/measures?limit=5", []),
        ("GET", "/api/v1/measures.csv?bom=1", []),
        ("GET", "/api/v1/measures", [("Accept-Encoding", "gzip")]),
        ("HEAD", "/api/v1/plan", []),
        ("GET", "/api/v1/measures/9-9", []),
        ("DELETE", "/api/v1/plan", []),
        ("POST", "/api/v1/projects", [("Content-Type", "application/json")]),
        ("OPTIONS", "/api/v1/measures", [("Origin", "https://a.example"), ("Access-Control-Request-Method", "GET")]),
        ("GET", "/api/v1/surveys/15/questions/1/chart.svg", []),
        ("GET", "/api/v1/plan", [("If-Match", "\"stale\"")]),
    ]

    @Test func everyRequestGetsTheSameStatusFieldsAndBodyInProcessAndLive() throws {
        let inProcess = try withAPIService { api in
            try Self.requests.map { Self.comparable(try api.request($0.method, $0.target, headers: $0.headers), base: api.baseURL) }
        }
        let live = try withAPIServer { api in
            try Self.requests.map { Self.comparable(try api.request($0.method, $0.target, headers: $0.headers), base: api.baseURL) }
        }
        for (index, request) in Self.requests.enumerated() {
            #expect(inProcess[index] == live[index], "\(request.method) \(request.target)")
        }
    }

    @Test func aConditionalRequestIs304InBothWithTheSameFields() throws {
        func answers(_ api: some APIHarness) throws -> [String] {
            let etag = try #require(try api.get("/api/v1/measures").header("ETag"))
            return Self.comparable(try api.get("/api/v1/measures", headers: [("If-None-Match", etag)]), base: api.baseURL)
        }
        let inProcess = try withAPIService { try answers($0) }
        let live = try withAPIServer { try answers($0) }
        #expect(inProcess == live)
        #expect(inProcess.first == "304")
    }
}

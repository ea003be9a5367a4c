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

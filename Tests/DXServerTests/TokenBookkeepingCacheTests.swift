import DXCore
@testable import DXServer
import Testing

/// Issue 8 item 15: using a token (its `last_used_at`) must not empty the public response
/// cache; only data writes do.
@Suite("Token use and the response cache")
struct TokenBookkeepingCacheTests {
    @Test func authenticatedRequestThatFailsValidationKeepsTheNextPublicGETAHit() throws {
        try withAPIService { api throws in
            let token = try api.adminToken()
            #expect(try api.get("/api/v1/measures").status == 200)  // miss, stored
            #expect(try api.get("/api/v1/measures").status == 200)  // hit
            #expect(api.service.cache.hitCount == 1)

            let invalid = try api.request("PATCH", "/api/v1/projects/1",
                                          headers: [("Authorization", "Bearer \(token)"), ("Content-Type", "application/json")],
                                          body: Array(#"{"progress":1000}"#.utf8))
            #expect(invalid.status == 422 || invalid.status == 404)
            // The watcher's once-a-second check does not see the token use as a change.
            #expect(api.context.pool.externalChangeCheck() == false)

            let misses = api.service.cache.missCount
            #expect(try api.get("/api/v1/measures").status == 200)
            #expect(api.service.cache.hitCount == 2)
            #expect(api.service.cache.missCount == misses)
        }
    }

    @Test func aRealWriteStillMakesTheNextPublicGETAMiss() throws {
        try withAPIService { api throws in
            let token = try api.adminToken()
            _ = try api.get("/api/v1/projects")
            let body = Array(#"{"measure_code":"1-1","title":"t","department":"d","start_fiscal_year":2023,"end_fiscal_year":2024}"#.utf8)
            let created = try api.request("POST", "/api/v1/projects",
                                          headers: [("Authorization", "Bearer \(token)"), ("Content-Type", "application/json")], body: body)
            #expect(created.status == 201)
            let misses = api.service.cache.missCount
            let list = try api.get("/api/v1/projects")
            #expect(api.service.cache.missCount == misses + 1)
            #expect(list.text.contains("\"title\":\"t\""))
        }
    }
}

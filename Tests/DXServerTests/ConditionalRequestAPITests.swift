import DXCore
import DXServer
import Foundation
import Testing

/// Item 2 through the API: the four preconditions on every method, in RFC 9110 §13.2.2's
/// order; writes evaluate them inside the store's transaction, and a failure writes nothing.
@Suite("Conditional requests (RFC 9110 §13)")
struct ConditionalRequestAPITests {
    static let body = Array(#"{"measure_code":"1-1","title":"t","department":"d","start_fiscal_year":2023,"end_fiscal_year":2024}"#.utf8)

    /// A project (id 1) and the admin's headers.
    private func withProject(_ body: (InProcessAPI, [(String, String)]) throws -> Void) throws {
        try withAPIService { api in
            let auth = [("Authorization", "Bearer \(try api.adminToken())"), ("Content-Type", "application/json")]
            let created = try api.request("POST", "/api/v1/projects", headers: auth, body: Self.body)
            try #require(created.status == 201)
            try body(api, auth)
        }
    }

    private func historyCount(_ api: InProcessAPI) throws -> Int {
        let history = try #require(try api.get("/api/v1/projects/1/history").json() as? [String: Any])
        return try #require(history["data"] as? [Any]).count
    }

    @Test func staleIfMatchOnGetAndHeadIs412() throws {
        try withAPIService { api in
            for method in ["GET", "HEAD"] {
                for target in ["/api/v1/plan", "/api/v1/measures", "/healthz"] {
                    let response = try api.request(method, target, headers: [("If-Match", "\"stale\"")])
                    #expect(response.status == 412, "\(method) \(target)")
                }
            }
            let problem = try api.get("/api/v1/plan", headers: [("If-Match", "\"stale\"")])
            #expect(problem.header("Content-Type") == "application/problem+json; charset=utf-8")
            #expect(problem.header("ETag") == nil)
        }
    }

    @Test func ifMatchStarOrTheCurrentTagOnGetIs200() throws {
        try withAPIService { api in
            let etag = try #require(try api.get("/api/v1/plan").header("ETag"))
            #expect(try api.get("/api/v1/plan", headers: [("If-Match", "*")]).status == 200)
            #expect(try api.get("/api/v1/plan", headers: [("If-Match", etag)]).status == 200)
        }
    }

    @Test func ifNoneMatchStarOnPatchOrDeleteOfAnExistingProjectIs412AndNothingIsWritten() throws {
        try withProject { api, auth in
            let before = try api.get("/api/v1/projects/1")
            let patch = try api.request("PATCH", "/api/v1/projects/1", headers: auth + [("If-None-Match", "*")], body: Array(#"{"progress":50}"#.utf8))
            #expect(patch.status == 412)
            let problem = try #require(try patch.json() as? [String: Any])
            #expect(problem["precondition"] as? String == "If-None-Match")
            let delete = try api.request("DELETE", "/api/v1/projects/1", headers: [auth[0], ("If-None-Match", "*")])
            #expect(delete.status == 412)
            let after = try api.get("/api/v1/projects/1")
            #expect(after.status == 200)
            #expect(after.body == before.body)
            #expect(try historyCount(api) == 1, "only the creation")
        }
    }

    @Test func currentTagInIfNoneMatchOnPatchIs412() throws {
        try withProject { api, auth in
            let etag = try #require(try api.get("/api/v1/projects/1").header("ETag"))
            let patch = try api.request("PATCH", "/api/v1/projects/1", headers: auth + [("If-None-Match", "\"x\", W/\(etag)")], body: Array(#"{"progress":50}"#.utf8))
            #expect(patch.status == 412)
            #expect(try historyCount(api) == 1)
            let other = try api.request("PATCH", "/api/v1/projects/1", headers: auth + [("If-None-Match", "\"p1-v9\"")], body: Array(#"{"progress":50}"#.utf8))
            #expect(other.status == 200)
            #expect(try historyCount(api) == 2)
        }
    }

    @Test func weakTagInIfNoneMatchMatchesOnGetButAWeakTagInIfMatchNeverMatches() throws {
        try withProject { api, auth in
            let etag = try #require(try api.get("/api/v1/projects/1").header("ETag"))
            #expect(try api.get("/api/v1/projects/1", headers: [("If-None-Match", "W/\(etag)")]).status == 304)
            #expect(try api.get("/api/v1/projects/1", headers: [("If-Match", "W/\(etag)")]).status == 412)
            let patch = try api.request("PATCH", "/api/v1/projects/1", headers: auth + [("If-Match", "W/\(etag)")], body: Array(#"{"progress":50}"#.utf8))
            #expect(patch.status == 412)
            #expect(try historyCount(api) == 1)
        }
    }

    @Test func projectsCarryLastModifiedFromUpdatedAtAndHonourIfModifiedSince() throws {
        try withProject { api, _ in
            let response = try api.get("/api/v1/projects/1")
            let lastModified = try #require(response.header("Last-Modified"))
            let seconds = try #require(HTTPDate.parse(lastModified))
            let project = try #require(try response.json() as? [String: Any])
            #expect((project["updated_at"] as? String)?.hasPrefix(Timestamp.format(seconds: seconds).prefix(19)) == true)
            // Dates compare against updated_at at full precision: a date after it is 304.
            let later = HTTPDate.format(epochSeconds: seconds + 1)
            // A date after the server's clock is ignored, so wait until `later` is not one.
            while Int(time(nil)) < seconds + 1 { usleep(20_000) }
            let notModified = try api.get("/api/v1/projects/1", headers: [("If-Modified-Since", later)])
            #expect(notModified.status == 304)
            #expect(notModified.header("Last-Modified") == lastModified)
            #expect(notModified.body.isEmpty)
            let earlier = HTTPDate.format(epochSeconds: seconds - 1)
            #expect(try api.get("/api/v1/projects/1", headers: [("If-Modified-Since", earlier)]).status == 200)
            #expect(try api.get("/api/v1/projects/1", headers: [("If-Modified-Since", "not a date")]).status == 200)
        }
    }

    @Test func anIfModifiedSinceLaterThanTheServersClockIsIgnored() throws {
        try withProject { api, auth in
            // A client clock years ahead must not freeze the representation at 304: the date
            // is ignored, before and after a change.
            let future = "Fri, 01 Jan 9999 00:00:00 GMT"
            let before = try api.get("/api/v1/projects/1", headers: [("If-Modified-Since", future)])
            #expect(before.status == 200)
            #expect(!before.body.isEmpty)
            let tag = try #require(before.header("ETag"))
            let patched = try api.request("PATCH", "/api/v1/projects/1", headers: auth + [("If-Match", tag)], body: Array(#"{"progress":55}"#.utf8))
            #expect(patched.status == 200)
            let after = try api.get("/api/v1/projects/1", headers: [("If-Modified-Since", future)])
            #expect(after.status == 200)
            #expect(try (after.json() as? [String: Any])?["progress"] as? Int == 55)
        }
    }

    @Test func ifUnmodifiedSinceBeforeTheLastChangeIs412OnPatchAndNothingIsWritten() throws {
        try withProject { api, auth in
            let lastModified = try #require(try api.get("/api/v1/projects/1").header("Last-Modified"))
            let seconds = try #require(HTTPDate.parse(lastModified))
            let stale = try api.request("PATCH", "/api/v1/projects/1", headers: auth + [("If-Unmodified-Since", HTTPDate.format(epochSeconds: seconds - 60))],
                                        body: Array(#"{"progress":50}"#.utf8))
            #expect(stale.status == 412)
            #expect(try historyCount(api) == 1)
            #expect(try api.get("/api/v1/projects/1", headers: [("If-Unmodified-Since", HTTPDate.format(epochSeconds: seconds - 60))]).status == 412)
            let fresh = try api.request("PATCH", "/api/v1/projects/1", headers: auth + [("If-Unmodified-Since", HTTPDate.format(epochSeconds: seconds + 1))],
                                        body: Array(#"{"progress":50}"#.utf8))
            #expect(fresh.status == 200)
            #expect(fresh.header("Last-Modified") != nil)
            #expect(try historyCount(api) == 2)
        }
    }

    /// PATCHes until two land within one second (in-process they take milliseconds; a second
    /// boundary between them makes the pair retry, never the assertion change).
    private func twoPatchesInOneSecond(_ api: InProcessAPI, _ auth: [(String, String)]) throws -> String {
        for attempt in 0..<5 {
            let first = try api.request("PATCH", "/api/v1/projects/1", headers: auth, body: Array(#"{"progress":\#(10 + attempt * 2)}"#.utf8))
            let second = try api.request("PATCH", "/api/v1/projects/1", headers: auth, body: Array(#"{"progress":\#(11 + attempt * 2)}"#.utf8))
            try #require(first.status == 200 && second.status == 200)
            let firstDate = try #require(first.header("Last-Modified"))
            if second.header("Last-Modified") == firstDate { return firstDate }
        }
        Issue.record("no two PATCHes landed in the same second in five tries")
        throw CancellationError()
    }

    @Test func ifUnmodifiedSinceIsComparedAtFullPrecisionSoASameSecondSecondWriterIsNotLost() throws {
        try withProject { api, auth in
            let firstDate = try twoPatchesInOneSecond(api, auth)
            let before = try #require(try api.get("/api/v1/projects/1").json() as? [String: Any])
            let historyBefore = try historyCount(api)
            let stale = try api.request("PATCH", "/api/v1/projects/1", headers: auth + [("If-Unmodified-Since", firstDate)],
                                        body: Array(#"{"progress":90}"#.utf8))
            #expect(stale.status == 412)
            #expect(try historyCount(api) == historyBefore)
            let after = try #require(try api.get("/api/v1/projects/1").json() as? [String: Any])
            #expect(after["progress"] as? Int == before["progress"] as? Int)
            #expect(after["version"] as? Int == before["version"] as? Int)
        }
    }

    @Test func ifModifiedSinceAfterASameSecondChangeIs200Not304() throws {
        try withProject { api, auth in
            let firstDate = try twoPatchesInOneSecond(api, auth)
            let response = try api.get("/api/v1/projects/1", headers: [("If-Modified-Since", firstDate)])
            #expect(response.status == 200)
            #expect((try response.json() as? [String: Any])?["progress"] != nil)
        }
    }

    @Test func ifMatchWinsOverIfUnmodifiedSince() throws {
        try withProject { api, auth in
            let etag = try #require(try api.get("/api/v1/projects/1").header("ETag"))
            let response = try api.request("PATCH", "/api/v1/projects/1",
                                           headers: auth + [("If-Match", etag), ("If-Unmodified-Since", "Sun, 06 Nov 1994 08:49:37 GMT")],
                                           body: Array(#"{"progress":50}"#.utf8))
            #expect(response.status == 200)
        }
    }

    @Test func ifNoneMatchWinsOverIfModifiedSince() throws {
        try withProject { api, _ in
            let response = try api.get("/api/v1/projects/1", headers: [("If-None-Match", "\"other\""), ("If-Modified-Since", "Fri, 01 Jan 9999 00:00:00 GMT")])
            #expect(response.status == 200)
        }
    }

    @Test func staleIfMatchOnDeleteIs412AndTheProjectStays() throws {
        try withProject { api, auth in
            let delete = try api.request("DELETE", "/api/v1/projects/1", headers: [auth[0], ("If-Match", "\"p1-v0\"")])
            #expect(delete.status == 412)
            #expect(try api.get("/api/v1/projects/1").status == 200)
        }
    }

    @Test func preconditionOnPostToACollectionIsEvaluatedAgainstTheCollection() throws {
        try withAPIService { api in
            let auth = [("Authorization", "Bearer \(try api.adminToken())"), ("Content-Type", "application/json")]
            let refused = try api.request("POST", "/api/v1/projects", headers: auth + [("If-None-Match", "*")], body: Self.body)
            #expect(refused.status == 412)
            let stale = try api.request("POST", "/api/v1/projects", headers: auth + [("If-Match", "\"stale\"")], body: Self.body)
            #expect(stale.status == 412)
            #expect(try api.get("/api/v1/projects/1").status == 404, "nothing was created")
            let etag = try #require(try api.get("/api/v1/projects").header("ETag"))
            let current = try api.request("POST", "/api/v1/projects", headers: auth + [("If-Match", etag)], body: Self.body)
            #expect(current.status == 201)
        }
    }

    @Test func preconditionsAreIgnoredWhenTheAnswerWouldNotBe2xx() throws {
        try withAPIService { api in
            #expect(try api.get("/api/v1/measures/9-9", headers: [("If-Match", "\"stale\"")]).status == 404)
            let anonymous = try api.request("PATCH", "/api/v1/projects/1", headers: [("If-Match", "\"stale\""), ("Content-Type", "application/json")],
                                            body: Array(#"{"progress":50}"#.utf8))
            #expect(anonymous.status == 401)
        }
    }
}

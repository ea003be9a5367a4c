import Testing

/// Items 2, 3 and 17 over a real socket: repeated field lines as the parser delivers them,
/// a 412 on HEAD without a body, a negotiated 406.
@Suite("Header semantics through the live server")
struct ServerSemanticsLiveTests {
    @Test func repeatedListLinesAndConflictingSingletonsOverASocket() throws {
        try withAPIServer { api in
            let etag = try #require(try api.get("/api/v1/measures").header("ETag"))
            let notModified = try api.get("/api/v1/measures", headers: [("If-None-Match", "\"a\""), ("If-None-Match", etag)])
            #expect(notModified.status == 304)
            let zipped = try api.get("/api/v1/measures", headers: [("Accept-Encoding", "br"), ("Accept-Encoding", "gzip")])
            #expect(zipped.header("Content-Encoding") == "gzip")
            let conflict = try api.get("/api/v1/measures", headers: [("If-Modified-Since", "Sun, 06 Nov 1994 08:49:37 GMT"),
                                                                     ("If-Modified-Since", "Mon, 07 Nov 1994 08:49:37 GMT")])
            #expect(conflict.status == 400)
            #expect(conflict.header("Content-Type") == "application/problem+json; charset=utf-8")
        }
    }

    @Test func staleIfMatchOnHeadIs412WithoutABody() throws {
        try withAPIServer { api in
            let head = try api.request("HEAD", "/api/v1/plan", headers: [("If-Match", "\"stale\"")])
            #expect(head.status == 412)
            #expect(head.body.isEmpty)
            #expect(try api.get("/api/v1/plan").status == 200, "the connection's next request is unaffected")
        }
    }

    @Test func nothingAcceptableIs406OverASocket() throws {
        try withAPIServer { api in
            let response = try api.get("/api/v1/measures", headers: [("Accept", "application/json;q=0, */*;q=0")])
            #expect(response.status == 406)
        }
    }
}

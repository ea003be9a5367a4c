@testable import DXServer
import Testing

/// Item 3: one table decides per field; list fields are read across all their lines
/// (RFC 9110 §5.3), singletons sent twice with different values are 400.
@Suite("Header fields: list-based and singleton")
struct HTTPFieldTableTests {
    @Test func listFieldOnSeveralLinesIsOneCommaJoinedList() {
        let headers = HTTPHeaders([("If-None-Match", "\"a\", W/\"b\""), ("Accept", "text/csv"), ("if-none-match", " \"c,d\" ,,")])
        #expect(headers.list(.ifNoneMatch) == ["\"a\"", "W/\"b\"", "\"c,d\""])
        #expect(headers.list(.accept) == ["text/csv"])
        #expect(headers.list(.acceptEncoding).isEmpty)
    }

    @Test func commasInsideQuotedStringsDoNotSplitAndTextStaysWhole() {
        #expect(HTTPField.elements(of: #""a\"b,c", d ,"#) == [#""a\"b,c""#, "d"])
        #expect(HTTPField.elements(of: "text/csv;q=0.5 ,\t都城市 , , ") == ["text/csv;q=0.5", "都城市"])
        #expect(HTTPField.elements(of: "").isEmpty)
    }

    @Test func singletonSentTwiceWithDifferentValuesIsAConflict() {
        let headers = HTTPHeaders([("Content-Type", "application/json"), ("content-type", "text/plain")])
        #expect(throws: HTTPFieldError.conflictingValues(field: "Content-Type", values: ["application/json", "text/plain"])) {
            try headers.singleton(.contentType)
        }
    }

    @Test func singletonSentTwiceWithTheSameValueIsThatValue() throws {
        let headers = HTTPHeaders([("Idempotency-Key", "k1"), ("Idempotency-Key", " k1 ")])
        #expect(try headers.singleton(.idempotencyKey) == "k1")
        #expect(try headers.singleton(.authorization) == nil)
    }

    @Test func noFieldIsBothListAndSingleton() {
        let lists = Set(HTTPField.List.allCases.map { $0.rawValue.lowercased() })
        let singletons = Set(HTTPField.Singleton.allCases.map { $0.rawValue.lowercased() })
        #expect(lists.isDisjoint(with: singletons))
    }

    @Test func ifNoneMatchOnTwoLinesGets304() throws {
        try withAPIService { api in
            let etag = try #require(try api.get("/api/v1/plan").header("ETag"))
            let response = try api.get("/api/v1/plan", headers: [("If-None-Match", "\"other\""), ("If-None-Match", etag)])
            #expect(response.status == 304)
        }
    }

    @Test func ifMatchOnTwoLinesDoesNotGiveAFalse412() throws {
        try withAPIService { api in
            let etag = try #require(try api.get("/api/v1/plan").header("ETag"))
            let response = try api.get("/api/v1/plan", headers: [("If-Match", "\"other\""), ("If-Match", etag)])
            #expect(response.status == 200)
        }
    }

    @Test func acceptEncodingOnTwoLinesStillGzips() throws {
        try withAPIService { api in
            let response = try api.get("/api/v1/measures", headers: [("Accept-Encoding", "br"), ("Accept-Encoding", "gzip")])
            #expect(response.status == 200)
            #expect(response.header("Content-Encoding") == "gzip")
        }
    }

    @Test func acceptOnTwoLinesIsOneList() throws {
        try withAPIService { api in
            let response = try api.get("/api/v1/measures", headers: [("Accept", "application/json;q=0.1"), ("Accept", "text/csv")])
            #expect(response.header("Content-Type")?.hasPrefix("text/csv") == true)
        }
    }

    @Test(arguments: ["Content-Type", "Authorization", "Idempotency-Key", "If-Modified-Since", "If-Unmodified-Since", "X-Request-Id", "X-Forwarded-Proto", "Origin"])
    func singletonSentTwiceWithDifferentValuesIs400(field: String) throws {
        try withAPIService { api in
            for method in ["GET", "POST"] {
                let target = method == "GET" ? "/api/v1/plan" : "/api/v1/projects"
                let response = try api.request(method, target, headers: [(field, "one"), (field, "two")])
                #expect(response.status == 400, "\(method) \(field)")
                #expect(response.header("Content-Type") == "application/problem+json; charset=utf-8")
                let problem = try #require(try response.json() as? [String: Any])
                #expect(problem["header"] as? String == field)
            }
        }
    }

    @Test func singletonSentTwiceWithTheSameValueIsAccepted() throws {
        try withAPIService { api in
            let response = try api.get("/api/v1/plan", headers: [("Origin", "https://portal.example"), ("Origin", "https://portal.example")])
            #expect(response.status == 200)
        }
    }
}

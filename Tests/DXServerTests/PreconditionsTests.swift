@testable import DXServer
import Testing

/// Item 2, the pure part: RFC 9110 §13.2.2's order and comparisons, and HTTP-date parsing.
@Suite("Preconditions (pure)")
struct PreconditionsTests {
    let etag = "\"p1-v2\""
    let modified = 1_700_000_000

    @Test func ifMatchUsesStrongComparisonSoAWeakTagNeverMatches() {
        #expect(Preconditions(ifMatch: [etag]).evaluate(etag: etag, modifiedAt: nil, method: "GET") == .proceed)
        #expect(Preconditions(ifMatch: ["W/\(etag)"]).evaluate(etag: etag, modifiedAt: nil, method: "GET") == .failed(.ifMatch))
        #expect(Preconditions(ifMatch: ["*"]).evaluate(etag: etag, modifiedAt: nil, method: "PATCH") == .proceed)
        #expect(Preconditions(ifMatch: ["*"]).evaluate(etag: nil, modifiedAt: nil, method: "PATCH") == .failed(.ifMatch))
    }

    @Test func ifNoneMatchUsesWeakComparison() {
        #expect(Preconditions(ifNoneMatch: ["W/\(etag)"]).evaluate(etag: etag, modifiedAt: nil, method: "GET") == .notModified(.ifNoneMatch))
        #expect(Preconditions(ifNoneMatch: ["W/\(etag)"]).evaluate(etag: etag, modifiedAt: nil, method: "HEAD") == .notModified(.ifNoneMatch))
        #expect(Preconditions(ifNoneMatch: [etag]).evaluate(etag: etag, modifiedAt: nil, method: "DELETE") == .failed(.ifNoneMatch))
        #expect(Preconditions(ifNoneMatch: ["*"]).evaluate(etag: nil, modifiedAt: nil, method: "POST") == .proceed)
        #expect(Preconditions(ifNoneMatch: ["\"other\""]).evaluate(etag: etag, modifiedAt: nil, method: "PATCH") == .proceed)
    }

    @Test func ifMatchWinsOverIfUnmodifiedSince() {
        let stale = Preconditions(ifMatch: [etag], ifUnmodifiedSince: modified - 10)
        #expect(stale.evaluate(etag: etag, modifiedAt: modified * 1000, method: "PATCH") == .proceed)
        let alone = Preconditions(ifUnmodifiedSince: modified - 10)
        #expect(alone.evaluate(etag: etag, modifiedAt: modified * 1000, method: "PATCH") == .failed(.ifUnmodifiedSince))
        #expect(Preconditions(ifUnmodifiedSince: modified).evaluate(etag: etag, modifiedAt: modified * 1000, method: "PATCH") == .proceed)
    }

    @Test func ifNoneMatchWinsOverIfModifiedSince() {
        let conditions = Preconditions(ifNoneMatch: ["\"other\""], ifModifiedSince: modified + 10)
        #expect(conditions.evaluate(etag: etag, modifiedAt: modified * 1000, method: "GET") == .proceed)
        #expect(Preconditions(ifModifiedSince: modified).evaluate(etag: etag, modifiedAt: modified * 1000, method: "GET") == .notModified(.ifModifiedSince))
        #expect(Preconditions(ifModifiedSince: modified - 1).evaluate(etag: etag, modifiedAt: modified * 1000, method: "GET") == .proceed)
    }

    @Test func datePreconditionsCompareTheFullPrecisionTimeSoASameSecondChangeCountsAsLater() {
        let sameSecond = modified * 1000 + 500
        #expect(Preconditions(ifUnmodifiedSince: modified).evaluate(etag: etag, modifiedAt: sameSecond, method: "PATCH") == .failed(.ifUnmodifiedSince))
        #expect(Preconditions(ifModifiedSince: modified).evaluate(etag: etag, modifiedAt: sameSecond, method: "GET") == .proceed)
        #expect(Preconditions(ifUnmodifiedSince: modified + 1).evaluate(etag: etag, modifiedAt: sameSecond, method: "PATCH") == .proceed)
        #expect(Preconditions(ifModifiedSince: modified + 1).evaluate(etag: etag, modifiedAt: sameSecond, method: "GET") == .notModified(.ifModifiedSince))
        // A hostile date far out of range saturates rather than trapping.
        #expect(Preconditions(ifModifiedSince: Int.max).evaluate(etag: etag, modifiedAt: sameSecond, method: "GET") == .notModified(.ifModifiedSince))
        #expect(Preconditions(ifUnmodifiedSince: Int.min).evaluate(etag: etag, modifiedAt: sameSecond, method: "PATCH") == .failed(.ifUnmodifiedSince))
    }

    @Test func ifModifiedSinceIsOnlyForGetAndHead() {
        #expect(Preconditions(ifModifiedSince: modified + 10).evaluate(etag: etag, modifiedAt: modified * 1000, method: "PATCH") == .proceed)
    }

    @Test func datePreconditionsAreIgnoredWithoutALastModified() {
        #expect(Preconditions(ifModifiedSince: modified).evaluate(etag: etag, modifiedAt: nil, method: "GET") == .proceed)
        #expect(Preconditions(ifUnmodifiedSince: 0).evaluate(etag: etag, modifiedAt: nil, method: "PATCH") == .proceed)
    }

    @Test func failedIfMatchComesBeforeIfNoneMatch() {
        let both = Preconditions(ifMatch: ["\"stale\""], ifNoneMatch: [etag])
        #expect(both.evaluate(etag: etag, modifiedAt: nil, method: "GET") == .failed(.ifMatch))
    }

    @Test func invalidHTTPDatesAreIgnored() throws {
        let conditions = try Preconditions(HTTPHeaders([("If-Unmodified-Since", "yesterday"), ("If-Modified-Since", "Sun, 31 Feb 2021 00:00:00 GMT")]))
        #expect(conditions.isEmpty)
    }

    @Test func httpDatesOfAllThreeFormatsParse() {
        // RFC 9110 §5.6.7's own example, in its three spellings.
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT") == 784_111_777)
        #expect(HTTPDate.parse("Sunday, 06-Nov-94 08:49:37 GMT") == 784_111_777)
        #expect(HTTPDate.parse("Sun Nov  6 08:49:37 1994") == 784_111_777)
        #expect(HTTPDate.parse(HTTPDate.format(epochSeconds: 1_700_000_000)) == 1_700_000_000)
        for bad in ["", "Sun, 06 Nov 1994 08:49:37 UTC", "Sun, 6 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 1994 24:00:00 GMT", "Sun, 06 Nux 1994 08:49:37 GMT", "1994-11-06"] {
            #expect(HTTPDate.parse(bad) == nil, "\(bad)")
        }
    }
}

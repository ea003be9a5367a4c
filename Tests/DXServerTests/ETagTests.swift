@testable import DXServer
import Testing

/// Entity tags: derived from the bytes, a distinct strong tag for the gzip representation, and
/// the two comparison functions of RFC 9110 §8.8.3.2.
@Suite("ETag")
struct ETagTests {
    @Test func theTagIsAQuotedSixteenDigitFNV1aHashOfTheBytes() {
        // FNV-1a 64 of the empty input is its offset basis; of "a" the published test vector.
        #expect(ETag.of([]) == "\"cbf29ce484222325\"")
        #expect(ETag.of(Array("a".utf8)) == "\"af63dc4c8601ec8c\"")
    }

    @Test func shortHashesAreZeroPaddedToSixteenDigits() {
        for n in 0..<256 {
            let tag = ETag.of([UInt8(n)])
            #expect(tag.utf8.count == 18 && tag.hasPrefix("\"") && tag.hasSuffix("\""), "\(tag)")
        }
    }

    @Test func differentBytesGiveDifferentTagsAndTheSameBytesTheSameTag() {
        #expect(ETag.of(Array("{\"a\":1}".utf8)) == ETag.of(Array("{\"a\":1}".utf8)))
        #expect(ETag.of(Array("{\"a\":1}".utf8)) != ETag.of(Array("{\"a\":2}".utf8)))
    }

    @Test func theGzipVariantIsAnotherStrongTagInsideTheQuotes() {
        #expect(ETag.gzipVariant("\"abc\"") == "\"abc-gzip\"")
    }

    @Test func aTagNotEndingInAQuoteHasNoGzipVariant() {
        #expect(ETag.gzipVariant("abc") == "abc")
    }

    @Test func ifNoneMatchComparesWeaklyIgnoringWSlash() {
        #expect(ETag.matches(ifNoneMatch: ["W/\"abc\""], etag: "\"abc\""))
        #expect(ETag.matches(ifNoneMatch: ["\"abc\""], etag: "\"abc\""))
    }

    @Test func ifNoneMatchAcceptsTheTagOfEitherContentCoding() {
        #expect(ETag.matches(ifNoneMatch: ["\"abc-gzip\""], etag: "\"abc\""))
        #expect(ETag.matches(ifNoneMatch: ["W/\"abc-gzip\""], etag: "\"abc\""))
    }

    @Test func ifNoneMatchStarMatchesAndAnyListElementMay() {
        #expect(ETag.matches(ifNoneMatch: ["*"], etag: "\"abc\""))
        #expect(ETag.matches(ifNoneMatch: ["\"x\"", "\"abc\""], etag: "\"abc\""))
    }

    @Test func ifNoneMatchWithOtherTagsOrNoneDoesNotMatch() {
        #expect(!ETag.matches(ifNoneMatch: ["\"abd\""], etag: "\"abc\""))
        #expect(!ETag.matches(ifNoneMatch: [], etag: "\"abc\""))
        #expect(!ETag.matches(ifNoneMatch: ["abc"], etag: "\"abc\""), "an unquoted tag is not the tag")
    }

    @Test func ifMatchComparesStronglySoAWeakTagNeverMatches() {
        #expect(ETag.matches(ifMatch: ["\"abc\""], etag: "\"abc\""))
        #expect(!ETag.matches(ifMatch: ["W/\"abc\""], etag: "\"abc\""))
    }

    @Test func ifMatchAcceptsTheGzipVariantOfTheCurrentTag() {
        #expect(ETag.matches(ifMatch: ["\"abc-gzip\""], etag: "\"abc\""))
    }

    @Test func ifMatchStarMatchesAnExistingRepresentation() {
        #expect(ETag.matches(ifMatch: ["*"], etag: "\"abc\""))
    }

    @Test func ifMatchWithAStaleTagDoesNotMatch() {
        #expect(!ETag.matches(ifMatch: ["\"stale\""], etag: "\"abc\""))
        #expect(!ETag.matches(ifMatch: [], etag: "\"abc\""))
    }
}

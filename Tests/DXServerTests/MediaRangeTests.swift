@testable import DXServer
import Testing

/// How `Accept` elements become media ranges and q-values (RFC 9110 §12.4.2, §12.5.1); the
/// choice between ranges is in `ContentNegotiatorTests`.
@Suite("Accept media ranges")
struct MediaRangeTests {
    func ranges(_ elements: String...) -> [String] {
        ContentNegotiator.ranges(elements).map { "\($0.type)/\($0.subtype) q=\($0.q)" }
    }

    @Test func typesAreLowerCasedAndQDefaultsToOne() {
        #expect(ranges("Text/CSV") == ["text/csv q=1.0"])
    }

    @Test func theQParameterIsFoundAmongOthersAndItsNameIsCaseInsensitive() {
        #expect(ranges("text/csv; charset=utf-8; Q=0.5") == ["text/csv q=0.5"])
    }

    @Test func aBareStarIsReadAsStarSlashStar() {
        #expect(ranges("*; q=.2").first?.hasPrefix("*/* ") == true)
    }

    @Test(arguments: ["text", "/csv", "text/", "*/csv", "", ";q=1", "a/b/c"])
    func anElementThatIsNotAMediaRangeIsDropped(element: String) {
        #expect(ranges(element) == [], "\(element)")
    }

    @Test(arguments: [("1", 1.0), ("1.000", 1.0), ("0", 0.0), ("0.5", 0.5), ("0.001", 0.001)])
    func aValidQValueIsRead(text: String, q: Double) {
        #expect(ContentNegotiator.ranges(["a/b;q=\(text)"]).first?.q == q)
    }

    @Test(arguments: ["1.5", "-0.1", "2", "0.0001", "abc", "nan", "inf"])
    func anInvalidQValueCountsAsZero(text: String) {
        #expect(ContentNegotiator.ranges(["a/b;q=\(text)"]).first?.q == 0, "q=\(text)")
    }

    @Test func aRangeMatchesByTypeAndSubtypeWithWildcards() {
        let exact = ContentNegotiator.MediaRange(type: "text", subtype: "csv", q: 1)
        let subtypeWildcard = ContentNegotiator.MediaRange(type: "text", subtype: "*", q: 1)
        let any = ContentNegotiator.MediaRange(type: "*", subtype: "*", q: 1)
        #expect(exact.matches("text/csv") && !exact.matches("text/plain"))
        #expect(subtypeWildcard.matches("text/csv") && !subtypeWildcard.matches("application/json"))
        #expect(any.matches("application/json"))
        #expect(!any.matches("nonsense"), "a type without a slash matches nothing")
    }

    @Test func specificityRanksExactOverSubtypeWildcardOverAny() {
        #expect(ContentNegotiator.MediaRange(type: "text", subtype: "csv", q: 1).specificity == 2)
        #expect(ContentNegotiator.MediaRange(type: "text", subtype: "*", q: 1).specificity == 1)
        #expect(ContentNegotiator.MediaRange(type: "*", subtype: "*", q: 1).specificity == 0)
    }
}

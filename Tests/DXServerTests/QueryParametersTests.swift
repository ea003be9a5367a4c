@testable import DXServer
import Testing

/// The query string as `application/x-www-form-urlencoded` (WHATWG URL §5.1), decoded once for
/// every route, and the typed readers that give each parameter a range.
@Suite("Query parameters")
struct QueryParametersTests {
    func parse(_ raw: String?) throws -> [String] {
        try QueryParameters(parsing: raw).pairs.map { "\($0.name)=\($0.value)" }
    }

    func refusal(_ raw: String) -> APIError? {
        do {
            _ = try QueryParameters(parsing: raw)
            return nil
        } catch {
            return error
        }
    }

    func parameter(of error: APIError?) -> String? {
        if case let .string(name)? = error?.extensions["parameter"] { return name }
        return nil
    }

    @Test func anAbsentOrEmptyQueryHasNoPairs() throws {
        #expect(try parse(nil) == [])
        #expect(try parse("") == [])
    }

    @Test func pairsKeepTheirOrderAndRepeats() throws {
        #expect(try parse("b=2&a=1&b=3") == ["b=2", "a=1", "b=3"])
    }

    @Test func emptyPiecesBetweenAmpersandsAreSkipped() throws {
        #expect(try parse("&&a=1&&") == ["a=1"])
    }

    @Test func aNameWithoutEqualsHasAnEmptyValue() throws {
        #expect(try parse("flag&x=") == ["flag=", "x="])
    }

    @Test func onlyTheFirstEqualsSeparatesNameFromValue() throws {
        #expect(try parse("q=a=b") == ["q=a=b"])
    }

    @Test func plusIsASpaceAndPercent2BIsAPlus() throws {
        #expect(try parse("q=a+b%2Bc") == ["q=a b+c"])
    }

    @Test func percentEncodingIsDecodedAsUTF8InNamesAndValues() throws {
        #expect(try parse("%71=%E3%83%87%e3%82%b8") == ["q=デジ"])
    }

    @Test func anEncodedAmpersandOrEqualsIsData() throws {
        #expect(try parse("q=a%26b%3Dc") == ["q=a&b=c"])
    }

    @Test(arguments: ["q=%", "q=%2", "q=%zz", "q=%g0", "q=a%"])
    func malformedPercentEncodingInAValueIs400NamingTheParameter(raw: String) {
        let error = refusal(raw)
        #expect(error?.status == 400, "\(raw)")
        #expect(parameter(of: error) == "q", "\(raw)")
    }

    @Test func malformedPercentEncodingInANameIs400() {
        #expect(refusal("%zz=1")?.status == 400)
    }

    @Test(arguments: ["q=%C3", "q=%FF", "q=%C0%AF", "q=%ED%A0%80"])
    func bytesThatAreNotUTF8Are400(raw: String) {
        #expect(refusal(raw)?.status == 400, "\(raw)")
    }

    @Test(arguments: ["q=%00", "q=a%1Fb", "q=%7F", "q=%0A", "q=%09", "%00=1"])
    func aControlCharacterInANameOrValueIs400(raw: String) {
        #expect(refusal(raw)?.status == 400, "\(raw)")
    }

    @Test func aControlCharacterInANameIsShownAsItsCodePointNotSent() {
        let error = refusal("a%00b=1")
        #expect(parameter(of: error) == "aU+0000b")
    }

    @Test func theSubscriptReadsTheFirstOfRepeatedNames() throws {
        let query = try QueryParameters(parsing: "a=1&a=2")
        #expect(query["a"] == "1")
        #expect(query["b"] == nil)
        #expect(query.contains("a") && !query.contains("b"))
    }

    @Test func anIntegerWithinItsRangeIsRead() throws {
        let query = try QueryParameters(parsing: "limit=1&max=500")
        #expect(try query.int("limit", in: 1...500) == 1)
        #expect(try query.int("max", in: 1...500) == 500)
        #expect(try query.int("absent", in: 1...500) == nil)
    }

    @Test(arguments: ["0", "501", "-1", "1.5", "", "+1", "1e2", "0x10", "99999999999999999999"])
    func anIntegerOutsideItsRangeOrNotAnIntegerIs400NamingIt(value: String) throws {
        let query = try QueryParameters(parsing: "limit=\(value)")
        do {
            let read = try query.int("limit", in: 1...500)
            Issue.record("'\(value)' was read as \(String(describing: read))")
        } catch {
            #expect(error.status == 400)
            #expect(parameter(of: error) == "limit")
            #expect(error.detail.contains("from 1 to 500"))
        }
    }

    @Test func oneOfReadsAnAllowedValueOrNilWhenAbsent() throws {
        let query = try QueryParameters(parsing: "scope=plan")
        #expect(try query.oneOf("scope", ["plan", "all"]) == "plan")
        #expect(try query.oneOf("other", ["plan"]) == nil)
    }

    @Test func oneOfRefusesAnyOtherValueCaseSensitivelyNamingTheChoices() throws {
        let query = try QueryParameters(parsing: "scope=PLAN")
        do {
            _ = try query.oneOf("scope", ["plan", "all"])
            Issue.record("PLAN was accepted")
        } catch {
            #expect(error.status == 400)
            #expect(parameter(of: error) == "scope")
            #expect(error.detail.contains("plan, all"))
        }
    }

    @Test func encodeKeepsUnreservedCharactersAndPercentEncodesTheRestAsUTF8() {
        #expect(QueryParameters.encode("aZ09-_.~") == "aZ09-_.~")
        #expect(QueryParameters.encode("a b+c&=/") == "a%20b%2Bc%26%3D%2F")
        #expect(QueryParameters.encode("デ") == "%E3%83%87")
        #expect(QueryParameters.encode("\n") == "%0A")
    }

    @Test(arguments: ["a b+c&=/?#%", "デジタル化", "cursor:eyJ2IjpbMV19", ""])
    func encodeThenParseGivesTheValueBack(value: String) throws {
        let query = try QueryParameters(parsing: "v=" + QueryParameters.encode(value))
        #expect(query["v"] == value)
    }
}

import DXCore
@testable import DXServer
import Testing

/// Brief input3, item 4: one rule (`WholeNumber`) decides when a Double is written as an
/// integer, for JSON, CSV, the charts and the pages: whole and within ±1e15 inclusive.
@Suite struct WholeNumberFormattingTests {
    @Test func theBoundIsInclusiveAndExactEverywhere() {
        #expect(WholeNumber.text(1e15) == "1000000000000000" && WholeNumber.text(-1e15) == "-1000000000000000")
        #expect(WholeNumber.text(999_999_999_999_999) == "999999999999999")
        // Just past the bound (1e15 + 1 is exact in a Double) each writer keeps its own form.
        #expect(WholeNumber.text(1e15 + 1) == nil && WholeNumber.text(-1e15 - 1) == nil)
        #expect(WholeNumber.text(0.5) == nil && WholeNumber.text(.nan) == nil && WholeNumber.text(.infinity) == nil)
        #expect(WholeNumber.text(-0.0) == "0" && WholeNumber.text(12000) == "12000")

        #expect(String(decoding: JSONValue.number(1e15).serialized(), as: UTF8.self) == "1000000000000000")
        #expect(String(decoding: JSONValue.number(1e15 + 1).serialized(), as: UTF8.self) == "1000000000000001.0")
        #expect(String(decoding: JSONValue.number(2.5).serialized(), as: UTF8.self) == "2.5")
        #expect(Project.csvNumber(1e15) == "1000000000000000" && Project.csvNumber(1e15 + 1) == "1000000000000001.0")
        #expect(KPIChart.number(-1e15) == "-1000000000000000" && KPIChart.number(1.25) == "1.25")
        #expect(PageFormat.number(1e15 + 1) == "1000000000000001.0")
    }
}

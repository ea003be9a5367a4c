import DXCore
import Testing

// The progress of `dxserve import projects|measurements|budget` (issue 12): when a line is drawn
// and what it says, without a terminal or a clock.

@Suite("Import progress")
struct ImportProgressMeterTests {
    @Test("an import that finishes within a second draws nothing")
    func quickImportStaysSilent() {
        var meter = ImportProgressMeter(total: 3, label: "import measurements")
        #expect(meter.line(done: 1, elapsed: 0.2) == nil)
        #expect(meter.line(done: 2, elapsed: 0.5) == nil)
        #expect(meter.line(done: 3, elapsed: 0.99) == nil)
        #expect(!meter.hasDrawn, "no line to end either")
    }

    @Test("after a second it shows rows done of total, with the command's label")
    func slowImportShowsRowsDoneOfTotal() {
        var meter = ImportProgressMeter(total: 5000, label: "import measurements")
        #expect(meter.line(done: 1200, elapsed: 0.9) == nil)
        #expect(meter.line(done: 1300, elapsed: 1.0) == "import measurements: 1300 of 5000 rows")
        #expect(meter.hasDrawn)
    }

    @Test("lines are drawn at most every tenth of a second, but the last row always is")
    func redrawsAreThrottledExceptTheLast() {
        var meter = ImportProgressMeter(total: 100, label: "import budget")
        #expect(meter.line(done: 10, elapsed: 1.0) != nil)
        #expect(meter.line(done: 11, elapsed: 1.05) == nil, "within 0.1 s of the last line")
        #expect(meter.line(done: 12, elapsed: 1.09) == nil)
        #expect(meter.line(done: 13, elapsed: 1.1) == "import budget: 13 of 100 rows")
        #expect(meter.line(done: 100, elapsed: 1.12) == "import budget: 100 of 100 rows", "the final count is never skipped")
    }

    @Test("an empty import never draws")
    func emptyImportNeverDraws() {
        var meter = ImportProgressMeter(total: 0, label: "import projects")
        #expect(meter.line(done: 0, elapsed: 5) == nil)
    }
}

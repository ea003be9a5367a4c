import DXCore
@testable import DXServer
import Testing

// KPIChart is a pure function: these feed it values and read the SVG text.

private func kpi(targets: [KPITarget], baseline: KPIBaseline?, latest: ProjectKPI.Latest?, name: String = "マイナンバーカード交付率",
                 today: String = "2023-05-01") throws -> ProjectKPI {
    ProjectKPI(id: 1, projectID: 1, fields: KPIFields(name: name, unit: "%", baseline: baseline, targets: targets), latest: latest,
               today: try #require(CalendarDate(iso: today)), version: 1, createdAt: "2023-01-01T00:00:00Z", updatedAt: "2023-01-01T00:00:00Z")
}

private func measurement(_ id: Int, _ date: String, _ value: Double) -> KPIMeasurement {
    KPIMeasurement(id: id, kpiID: 1, projectID: 1, date: date, value: value, note: "", recordedBy: "a", recordedAt: "2023-01-01T00:00:00Z")
}

@Suite("KPI chart")
struct KPIChartTests {
    static let series = [
        measurement(1, "2022-04-01", 78.0), measurement(2, "2022-06-30", 81.3), measurement(3, "2023-01-31", 90.1), measurement(4, "2023-04-30", 95.0),
    ]

    @Test("desc states every figure in words, Japanese first, then English")
    func descStatesFigures() throws {
        let k = try kpi(targets: [KPITarget(fiscalYear: 2022, value: 90), KPITarget(fiscalYear: 2023, value: 100)],
                        baseline: KPIBaseline(value: 70, date: "2022-03-31"), latest: ProjectKPI.Latest(value: 95, date: "2023-04-30"))
        let text = KPIChart.description(kpi: k, measurements: Self.series)
        #expect(text.hasPrefix("基準値は2022-03-31の70%。目標値は2022年度90%、2023年度100%。"))
        #expect(text.contains("2022-06-30に81.3%") && text.contains("2023-04-30に95%"))
        #expect(text.contains("2023年度目標に対する達成率は83.3%"))
        let english = try #require(text.range(of: "Baseline 70 % on 2022-03-31."))
        #expect(text.range(of: "基準値")!.lowerBound < english.lowerBound)
    }

    @Test("one target step per fiscal year, a marked baseline, a point per measurement, each with its value")
    func drawsStepsBaselineAndPoints() throws {
        let k = try kpi(targets: [KPITarget(fiscalYear: 2022, value: 90), KPITarget(fiscalYear: 2023, value: 100)],
                        baseline: KPIBaseline(value: 70, date: "2022-03-31"), latest: nil)
        let svg = KPIChart.svg(kpi: k, measurements: Self.series)
        #expect(svg.components(separatedBy: "class=\"measurement\"").count - 1 == 4)
        #expect(svg.contains("<title>2022-06-30: 81.3%</title>"))
        let path = try #require(svg.range(of: "class=\"target\" d=\"").map { String(svg[$0.upperBound...].prefix { $0 != "\"" }) })
        #expect(path.hasPrefix("M") && path.filter { $0 == "M" }.count == 1, "consecutive years join into one step line: \(path)")
        #expect(path.filter { $0 == "L" }.count == 3)
        #expect(svg.contains("class=\"baseline-marker\"") && svg.contains("基準値 70%（2022-03-31）"))
        #expect(svg.contains("2022年度") && svg.contains("2023年度"))
    }

    @Test("without data the chart says so, and text from the data is escaped")
    func emptyChartAndEscaping() throws {
        let k = try kpi(targets: [], baseline: nil, latest: nil, name: "a<b & \"c\"")
        let svg = KPIChart.svg(kpi: k, measurements: [])
        #expect(svg.contains("実績値・目標値はまだありません"))
        #expect(svg.contains("a&lt;b &amp; &quot;c&quot;") && !svg.contains("a<b"))
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox="))
    }

    @Test("the same input gives the same bytes, and extreme values stay bounded")
    func pureAndBounded() throws {
        let k = try kpi(targets: [KPITarget(fiscalYear: 2023, value: 1e15)], baseline: KPIBaseline(value: -1e15, date: "2000-01-01"), latest: nil)
        let points = [measurement(1, "2100-12-31", 1e15), measurement(2, "2050-01-01", 1e15 - 0.001)]
        let svg = KPIChart.svg(kpi: k, measurements: points)
        #expect(svg == KPIChart.svg(kpi: k, measurements: points))
        #expect(svg.components(separatedBy: "<line").count < 200)
        #expect(!svg.contains("nan") && !svg.contains("inf"))
    }
}

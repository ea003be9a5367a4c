import DXCore
@testable import DXServer
import Foundation
import Testing

/// A KPI value at the bound of its range (±1e15) is written as the whole number it is, in CSV,
/// the chart's text and the pages, like every smaller whole number: not `1000000000000000.0`.
@Suite struct KPIRangeBoundFormattingTests {
    @Test func aKPIValueAtItsRangeBoundIsWrittenAsAWholeNumberEverywhere() throws {
        try withAPIService { api in
            let client = ProjectClient(server: api, token: try api.adminToken())
            let project = try client.create()
            let kpi = try client.createKPI(project, #"{"name":"n","unit":"円","direction":"decrease","baseline":{"value":1e15,"date":"2023-04-01"},"targets":[{"fiscal_year":2023,"value":-1e15}]}"#)
            #expect(try client.write("POST", "/api/v1/projects/\(project)/kpis/\(kpi)/measurements", #"{"date":"2023-06-01","value":1e15}"#).status == 201)
            let csv = try api.get("/api/v1/projects/\(project)/kpis/\(kpi)/measurements.csv").text
            #expect(csv.contains(",1000000000000000,") && !csv.contains(".0,"), "\(csv)")
            let kpis = try api.get("/api/v1/projects/\(project)/kpis.csv").text
            #expect(kpis.contains("1000000000000000") && kpis.contains("-1000000000000000") && !kpis.contains("000.0"), "\(kpis)")
            let chart = try api.get("/api/v1/projects/\(project)/kpis/\(kpi)/chart.svg").text
            #expect(chart.contains("1000000000000000円") && !chart.contains("000.0"), "\(chart)")
            #expect(PageFormat.number(1e15) == "1,000,000,000,000,000" && PageFormat.number(-1e15) == "-1,000,000,000,000,000")
        }
    }
}

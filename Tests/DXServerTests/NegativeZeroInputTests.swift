import DXCore
@testable import DXServer
import Foundation
import Testing

/// A body's `-0` (`-0.0`, or `-1e-400` rounded to zero) is read as 0: SQLite keeps no sign on a
/// zero, so the answer to the write would otherwise say `-0` where every later read says `0`.
@Suite struct NegativeZeroInputTests {
    @Test(arguments: ["-0", "-0.0", "-0e5", "-1e-400"])
    func aNegativeZeroIsAnsweredAsZeroAsEveryLaterReadShowsIt(spelling: String) throws {
        try withAPIService { api in
            let client = ProjectClient(server: api, token: try api.adminToken())
            let project = try client.create()
            let kpi = try client.createKPI(project, #"{"name":"n","unit":"%","direction":"increase","baseline":{"value":\#(spelling),"date":"2023-04-01"},"targets":[{"fiscal_year":2023,"value":\#(spelling)}]}"#)
            let created = try client.write("POST", "/api/v1/projects/\(project)/kpis/\(kpi)/measurements", #"{"date":"2023-06-01","value":\#(spelling)}"#)
            #expect(created.status == 201)
            #expect(created.text.contains(#""value":0"#) && !created.text.contains(":-0"), "\(created.text)")
            let read = try api.get("/api/v1/projects/\(project)/kpis/\(kpi)")
            #expect(!read.text.contains(":-0"), "\(read.text)")
        }
    }

    @Test func theReaderGivesPositiveZero() throws {
        guard case .number(let value) = try JSONReader.read(Array("-0.0".utf8)) else { Issue.record("a number"); return }
        #expect(value == 0 && value.sign == .plus)
    }
}

import DXCore
@testable import DXServer
import Foundation
import Testing

/// A whole number far outside an integer field's range (`1e300`, `1e400`, 2^53 + 1) gets the
/// field's own message naming its range, like any other value outside it, not a bare "is out
/// of range".
@Suite struct HugeIntegerFieldTests {
    static func messages(_ response: HTTPResponse) throws -> [String: String] {
        let problem = try #require(try response.json() as? [String: Any])
        let errors = try #require(problem["errors"] as? [[String: Any]], "\(response.text)")
        return Dictionary(errors.compactMap { e in (e["field"] as? String).map { ($0, e["message"] as? String ?? "") } }, uniquingKeysWith: { a, _ in a })
    }

    @Test(arguments: ["1e300", "1e400", "-1e400", "9007199254740993", "1e15"])
    func aHugeWholeNumberNamesTheFieldsRange(number: String) throws {
        try withAPIService { api in
            let client = ProjectClient(server: api, token: try api.adminToken())
            let project = try client.create()
            let patched = try client.write("PATCH", "/api/v1/projects/\(project)", #"{"progress":\#(number),"start_fiscal_year":\#(number)}"#)
            #expect(patched.status == 422)
            let fields = try Self.messages(patched)
            #expect(fields["progress"]?.contains("0") == true && fields["progress"]?.contains("100") == true, "\(fields)")
            #expect(fields["start_fiscal_year"]?.contains("2000 to 2100") == true, "\(fields)")

            let budget = try client.write("PUT", "/api/v1/projects/\(project)/budget/2023", #"{"planned_yen":\#(number),"actual_yen":\#(number)}"#)
            #expect(budget.status == 422)
            let yen = try Self.messages(budget)
            #expect(yen["planned_yen"]?.contains("1000000000000") == true && yen["actual_yen"]?.contains("1000000000000") == true, "\(yen)")

            let kpi = try client.write("POST", "/api/v1/projects/\(project)/kpis",
                                       #"{"name":"n","unit":"%","direction":"increase","targets":[{"fiscal_year":\#(number),"value":1}]}"#)
            #expect(kpi.status == 422)
            #expect(try Self.messages(kpi)["targets[0].fiscal_year"]?.contains("2000") == true, "\(kpi.text)")
        }
    }
}

import DXCore
import Foundation
import Testing

@Suite("dxserve import budget")
struct BudgetImportCommandTests {
    func file(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("budget-\(UUID().uuidString).csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static let projects = "measure_code,title,department,start_fiscal_year,end_fiscal_year\r\n1-7,一つ目,課,2022,2024\r\n2-1,二つ目,課,2023,2025\r\n"

    func budgets(_ db: String) throws -> [[SQLiteValue]] {
        try Database(path: db, readOnly: true)
            .query("SELECT project_id, fiscal_year, planned_yen, actual_yen, note FROM project_budgets ORDER BY project_id, fiscal_year")
            .map { row in ["project_id", "fiscal_year", "planned_yen", "actual_yen", "note"].map { row[$0] ?? .null } }
    }

    @Test("exporting the budget CSV and importing it into an empty copy gives the same state")
    func exportThenImportRoundTrips() throws {
        let (source, copy) = (tempDatabasePath(), tempDatabasePath())
        let projects = try file(Self.projects)
        for db in [source, copy] { #expect(try runDXServe(["import", "projects", projects, "--db", db]).status == 0) }
        let original = try file("project_id,fiscal_year,planned_yen,actual_yen,note\r\n1,2022,1200000,1150000,決算済\r\n1,2023,800000,,\"二行の\r\n備考\"\r\n2,2025,0,,\r\n")
        let first = try runDXServe(["import", "budget", original, "--as", "finance", "--db", source])
        #expect(first.status == 0, "\(first.err)")
        #expect(first.out == "imported 3 budget rows\n")

        let server = try ServerProcess(arguments: ["--db", source])
        var exported = ""
        for id in [1, 2] {
            let client = try RawClient(port: server.port)
            try client.write("GET /api/v1/projects/\(id)/budget.csv HTTP/1.1\r\nHost: x\r\n\r\n")
            let text = try #require(try client.readResponse()).text
            // "\r\n" is one Character in Swift: cut the header line by its byte range, not by "\n".
            let body = try #require(text.range(of: "\r\n")).upperBound
            exported += id == 1 ? text : String(text[body...])
        }
        let second = try runDXServe(["import", "budget", try file(exported), "--db", copy])
        #expect(second.status == 0, "\(second.err)\n\(exported)")
        #expect(try budgets(copy) == budgets(source))
        #expect(try budgets(copy).count == 3)
        let history = try Database(path: source, readOnly: true).scalar("SELECT count(*) FROM project_history WHERE actor = 'finance'")
        #expect(history == .integer(3), "one history row per imported row")
    }

    @Test("a bad budget file is refused as a whole, every bad row reported by line")
    func badBudgetFileWritesNothing() throws {
        let db = tempDatabasePath()
        #expect(try runDXServe(["import", "projects", try file(Self.projects), "--db", db]).status == 0)
        let csv = try file("project_id,fiscal_year,planned_yen,actual_yen\r\n1,2022,100,\r\n9,2022,100,\r\n1,2030,1,\r\n2,2023,-5,\r\n1,2022,3,\r\n2,2024,1000000000001,x\r\n")
        let result = try runDXServe(["import", "budget", csv, "--db", db])
        #expect(result.status != 0)
        #expect(result.err.contains("line 3: project_id: there is no project 9"))
        #expect(result.err.contains("line 4: fiscal_year: must be within the project's fiscal years 2022–2024"))
        #expect(result.err.contains("line 5: planned_yen: must be a whole number"))
        #expect(result.err.contains("line 6: fiscal_year: project 1 has fiscal year 2022 already on line 2"))
        #expect(result.err.contains("line 7: actual_yen"))
        #expect(result.err.contains("line 7: planned_yen: must be whole yen from 0 to 1000000000000"))
        #expect(result.err.contains("nothing was written"))
        #expect(try budgets(db).isEmpty, "not even the good row was written")
    }
}

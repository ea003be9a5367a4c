import DXCore
import Foundation
import Testing

// Issue 12: "exporting the CSV and importing it again into an empty copy gives the same state".
// A store's measurements and budgets are exported by the server in every CSV variant it offers
// (plain, `?header=ja`, `?bom=1` spreadsheet flavour, both) and imported by `dxserve import`
// into an empty copy; the copy must then hold the same rows.

@Suite("Tracking CSV round trip")
struct TrackingImportRoundTripTests {
    static let variants = ["", "?header=ja", "?bom=1", "?bom=1&header=ja"]

    // Two projects, each with its first KPI from the kpi columns (KPI ids 1 and 2 in each copy).
    static let projects = """
        measure_code,title,department,start_fiscal_year,end_fiscal_year,kpi_name,kpi_unit,kpi_target\r
        1-1,一つ目,市民課,2022,2024,交付率,%,100\r
        1-7,二つ目,デジタル統括課,2022,2025,待ち時間,分,5\r

        """

    // Notes with commas, quotes, line breaks, Japanese text and formula-like starts (which the
    // spreadsheet flavour guards with a `'`); values with decimals, negatives, large and small.
    static let measurements = #"""
        kpi_id,date,value,note,recorded_by,recorded_at\#r
        1,2022-04-01,78.0,"公表値, 総務省「交付状況」より ""速報""",staff.a,2022-04-05T01:02:03.000Z\#r
        1,2022-06-30,81.3,"二行の\#r
        備考",,\#r
        1,2023-01-31,90.125,=SUM(1+1),,\#r
        1,2023-04-30,95,-3 は誤記,,\#r
        2,2022-05-01,-2.5,'=そのまま,,\#r
        2,2022-05-02,1234567.891,''=二重,,\#r
        2,2022-05-03,0.000001,@メモ,,\#r
        2,2022-05-04,12,'引用,,\#r

        """#

    static let budgets = #"""
        project_id,fiscal_year,planned_yen,actual_yen,note\#r
        1,2022,12000000,11480000,"（例）決算済, ""確定"""\#r
        1,2023,9500000,,=補正予定\#r
        2,2025,0,,"-未定\#r
        二行目"\#r

        """#

    func file(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("roundtrip-\(UUID().uuidString).csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// A database with the two projects (and so KPIs 1 and 2) and nothing else.
    func emptyCopy() throws -> String {
        let db = tempDatabasePath()
        let result = try runDXServe(["import", "projects", try file(Self.projects), "--db", db])
        #expect(result.status == 0, "\(result.err)")
        return db
    }

    func state(_ db: String) throws -> (measurements: [[SQLiteValue]], budgets: [[SQLiteValue]]) {
        let database = try Database(path: db, readOnly: true)
        let m = ["kpi_id", "date", "value", "note", "recorded_by", "recorded_at"]
        let b = ["project_id", "fiscal_year", "planned_yen", "actual_yen", "note"]
        return (try database.query("SELECT \(m.joined(separator: ", ")) FROM kpi_measurements ORDER BY kpi_id, date").map { row in m.map { row[$0] ?? .null } },
                try database.query("SELECT \(b.joined(separator: ", ")) FROM project_budgets ORDER BY project_id, fiscal_year").map { row in b.map { row[$0] ?? .null } })
    }

    /// The exports of `targets` as one file: the first one whole, the others without their
    /// header row (and BOM).
    func export(_ port: Int, _ targets: [String]) throws -> String {
        var joined = ""
        for (i, target) in targets.enumerated() {
            let client = try RawClient(port: port)
            try client.write("GET \(target) HTTP/1.1\r\nHost: x\r\n\r\n")
            let response = try #require(try client.readResponse())
            #expect(response.status == 200, "\(target): \(response.text)")
            // "\r\n" is one Character in Swift: cut the header line by its range, not by "\n".
            let body = try #require(response.text.range(of: "\r\n")).upperBound
            joined += i == 0 ? response.text : String(response.text[body...])
        }
        return joined
    }

    @Test("measurements and budgets exported as CSV in every variant import into an empty copy as the same state")
    func exportedTrackingCSVImportsBackUnchanged() throws {
        let source = try emptyCopy()
        let measured = try runDXServe(["import", "measurements", try file(Self.measurements), "--as", "importer", "--db", source])
        #expect(measured.status == 0, "\(measured.err)")
        #expect(try runDXServe(["import", "budget", try file(Self.budgets), "--db", source]).status == 0)
        let original = try state(source)
        #expect(original.measurements.count == 8 && original.budgets.count == 3)
        #expect(original.measurements.contains { $0[3] == .text("=SUM(1+1)") && $0[4] == .text("importer") })

        let server = try ServerProcess(arguments: ["--db", source])
        for variant in Self.variants {
            let measurements = try export(server.port, (1...2).map { "/api/v1/projects/\($0)/kpis/\($0)/measurements.csv\(variant)" })
            let budgets = try export(server.port, (1...2).map { "/api/v1/projects/\($0)/budget.csv\(variant)" })
            let copy = try emptyCopy()
            let first = try runDXServe(["import", "measurements", try file(measurements), "--db", copy])
            #expect(first.status == 0, "\(variant): \(first.err)\n\(measurements)")
            let second = try runDXServe(["import", "budget", try file(budgets), "--db", copy])
            #expect(second.status == 0, "\(variant): \(second.err)\n\(budgets)")
            let copied = try state(copy)
            #expect(copied.measurements == original.measurements, "measurements, variant '\(variant)'\n\(measurements)")
            #expect(copied.budgets == original.budgets, "budgets, variant '\(variant)'\n\(budgets)")
        }
    }
}

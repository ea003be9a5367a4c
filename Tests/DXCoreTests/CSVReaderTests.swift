import Testing
@testable import DXCore

@Suite("CSV reader (RFC 4180)")
struct CSVReaderTests {
    func read(_ text: String) throws -> [CSVRecord] { try CSVReader.read(Array(text.utf8)) }

    @Test("plain fields, CRLF or LF record ends, no trailing newline needed")
    func plain() throws {
        #expect(try read("a,b\r\n1,2\r\n") == [CSVRecord(line: 1, fields: ["a", "b"]), CSVRecord(line: 2, fields: ["1", "2"])])
        #expect(try read("a,b\n1,2") == [CSVRecord(line: 1, fields: ["a", "b"]), CSVRecord(line: 2, fields: ["1", "2"])])
        #expect(try read("a,,\n") == [CSVRecord(line: 1, fields: ["a", "", ""])])
    }

    @Test("quoted fields hold commas, doubled quotes and line breaks; the next record's line counts them")
    func quoted() throws {
        let records = try read("title,note\n\"AI, RPA\",\"he said \"\"go\"\"\"\n\"two\nlines\",x\nlast,y\n")
        #expect(records == [
            CSVRecord(line: 1, fields: ["title", "note"]),
            CSVRecord(line: 2, fields: ["AI, RPA", "he said \"go\""]),
            CSVRecord(line: 3, fields: ["two\nlines", "x"]),
            CSVRecord(line: 5, fields: ["last", "y"]),
        ])
    }

    @Test("a UTF-8 BOM is skipped and blank lines are not records")
    func bomAndBlankLines() throws {
        let records = try CSVReader.read([0xEF, 0xBB, 0xBF] + Array("事業名\n\n農業\n".utf8))
        #expect(records == [CSVRecord(line: 1, fields: ["事業名"]), CSVRecord(line: 3, fields: ["農業"])])
    }

    @Test("malformed input is an error naming the line")
    func errors() throws {
        #expect(throws: CSVReaderError.unterminatedQuote(line: 2)) { try read("a\n\"open\nstill open") }
        #expect(throws: CSVReaderError.strayQuote(line: 1)) { try read("ab\"c\n") }
        #expect(throws: CSVReaderError.strayQuote(line: 2)) { try read("a\n\"x\"y\n") }
        #expect(throws: CSVReaderError.invalidUTF8(line: 2)) { try CSVReader.read(Array("a\n".utf8) + [0x82, 0xA0]) }
    }
}

@Suite("Projects: CSV import")
struct ProjectImportTests {
    static let header = "measure_code,title,description,department,status,progress,start_fiscal_year,end_fiscal_year,kpi_name,kpi_unit,kpi_target,kpi_actual\n"

    func load(_ csv: String, into store: ProjectStore, dryRun: Bool = false) throws -> Result<Int, ProjectStoreError> {
        let (rows, issues) = ProjectCSV.rows(from: try CSVReader.read(Array(csv.utf8)))
        if !issues.isEmpty { return .failure(.importRejected(issues)) }
        return Result { () throws(ProjectStoreError) -> Int in try store.importProjects(rows, actor: "import", dryRun: dryRun) }
    }

    @Test("a good file creates every project, in any status, each with a create history row")
    func goodFile() throws {
        try withProjectStore { store throws in
            let csv = Self.header
                + "1-7,AIチャットボット導入,\"問い合わせに24時間対応する、AIチャットボット\",デジタル統括課,in_progress,40,2022,2024,応答件数,件,12000,3000\n"
                + "3-1,農業DX実証,,農政課,,,2023,2025,,,,\n"
            #expect(try load(csv, into: store) == .success(2))
            let projects = try store.projects()
            #expect(projects.map(\.fields.status) == [.inProgress, .planned])
            #expect(projects[0].fields.description == "問い合わせに24時間対応する、AIチャットボット")
            #expect(projects[0].fields.kpi == KPI(name: "応答件数", unit: "件", target: 12000, actual: 3000))
            #expect(projects[1].fields.kpi == nil && projects[1].fields.progress == 0)
            let history = try store.history(projectID: projects[0].id)
            #expect(history.map(\.action) == [.create] && history[0].actor == "import")
        }
    }

    @Test("a file with bad rows writes nothing and reports every bad row by line and field")
    func badFile() throws {
        try withProjectStore { store throws in
            let csv = Self.header
                + "1-7,良い行,,課,,,2022,2024,,,,\n"
                + "9-9,,,課,done,150,2024,2022,,,,\n"
                + "\"1-1\",\"複数行の\n説明\",,課,,abc,2022,2024,指標,,,\n"
            guard case .failure(.importRejected(let issues)) = try load(csv, into: store) else {
                Issue.record("the import was not rejected")
                return
            }
            #expect(Set(issues.map(\.description)) == [
                "line 3: measure_code: there is no measure 9-9",
                "line 3: title: is required",
                "line 3: status: must be one of planned, in_progress, completed, on_hold, cancelled",
                "line 3: progress: must be from 0 to 100",
                "line 3: end_fiscal_year: must not be before start_fiscal_year (2024)",
                "line 4: progress: must be a whole number of at most 9 digits written plainly, like 2024 (no sign, leading zero, space, fraction, exponent or full-width digit), not 'abc'",
                "line 4: kpi_target: is required",
                // A title is one line (issue 8 item 1); only description and note may span lines.
                "line 4: title: must not contain control characters, line breaks or tabs (U+000A found)",
            ])
            #expect(try store.projects().isEmpty, "nothing was written, not even the good row")
        }
    }

    @Test("a dry run validates but writes nothing")
    func dryRun() throws {
        try withProjectStore { store throws in
            #expect(try load(Self.header + "1-7,t,,課,,,2022,2024,,,,\n", into: store, dryRun: true) == .success(1))
            #expect(try store.projects().isEmpty)
        }
    }

    @Test("a header with unknown or missing columns is refused")
    func badHeader() throws {
        let (_, issues) = ProjectCSV.rows(from: try CSVReader.read(Array("measure_code,titel,department,start_fiscal_year,end_fiscal_year\n".utf8)))
        #expect(Set(issues.map(\.field)) == ["titel", "title"])
        #expect(issues.allSatisfy { $0.line == 1 })
    }
}

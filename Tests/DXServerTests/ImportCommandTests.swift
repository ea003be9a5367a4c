import DXCore
import Foundation
import Testing

@Suite("dxserve import projects")
struct ImportCommandTests {
    static let header = "measure_code,title,department,status,progress,start_fiscal_year,end_fiscal_year,kpi_name,kpi_unit,kpi_target,kpi_actual\r\n"

    func file(_ text: String, bom: Bool = false) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("projects-\(UUID().uuidString).csv").path
        try Data((bom ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8)).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("a good file (with a BOM, as Excel saves it) is imported; --dry-run first writes nothing")
    func goodFile() throws {
        let db = tempDatabasePath()
        let csv = try file(Self.header + "1-7,AIチャットボット導入,デジタル統括課,in_progress,30,2022,2024,応答件数,件,12000,\r\n"
                           + "2-2,\"RPA導入、拡大\",総務課,,,2023,2025,,,,\r\n", bom: true)
        let dry = try runDXServe(["import", "projects", csv, "--dry-run", "--db", db])
        #expect(dry.status == 0, "\(dry.err)")
        #expect(dry.out.contains("dry run: 2 rows are valid"))
        let real = try runDXServe(["import", "projects", csv, "--as", "spreadsheet", "--db", db])
        #expect(real.status == 0, "\(real.err)")
        #expect(real.out == "imported 2 projects\n")
        // The dry run wrote nothing: exactly two projects exist, both from the real run.
        let again = try runDXServe(["import", "projects", csv, "--dry-run", "--db", db])
        #expect(again.status == 0)
        let server = try ServerProcess(arguments: ["--db", db])
        let client = try RawClient(port: server.port)
        try client.write("GET /api/v1/projects/1/history HTTP/1.1\r\nHost: x\r\n\r\n")
        let history = try #require(try client.readResponse()).text
        #expect(history.contains(#""actor":"spreadsheet""#))
        try client.write("GET /api/v1/projects HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try #require(try client.readResponse()).text.contains(#""total":2"#))
    }

    @Test("a bad file is refused as a whole, every bad row reported by line, with a non-zero exit")
    func badFile() throws {
        let db = tempDatabasePath()
        let csv = try file(Self.header + "1-7,良い行,課,,,2022,2024,,,,\r\n"
                           + "9-9,悪い行,課,,,2022,2024,,,,\r\n"
                           + "1-1,\"二行の\r\n題名\",課,,120,2022,2024,,,,\r\n"
                           + "1-1,短い行\r\n")
        let result = try runDXServe(["import", "projects", csv, "--db", db])
        #expect(result.status != 0)
        #expect(result.err.contains("line 3: measure_code: there is no measure 9-9"))
        #expect(result.err.contains("line 4: progress: must be from 0 to 100"))
        #expect(result.err.contains("line 6: row: has 2 fields; the header has 11"))
        #expect(result.err.contains("nothing was written"))
        let count = try Database(path: db, readOnly: true).scalar("SELECT count(*) FROM projects")
        #expect(count == .integer(0), "not even the good row was written")
    }
}

@Suite("dxserve import projects: what cells and files may hold")
struct ImportInputTests {
    func file(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("projects-\(UUID().uuidString).csv").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("a control character in any cell is reported per row naming the column; description may span lines")
    func controlCharacterInCellIsReportedPerRow() throws {
        let db = tempDatabasePath()
        let csv = try file(Array((ImportCommandTests.header
            + "1-7,良い行,課,,,2022,2024,,,,\r\n"
            + "1-7,題\u{0}名,課,,,2022,2024,,,,\r\n"
            + "1-7,題名,課\u{7F},,,2022,2024,n\u{1B},,,\r\n"
            + "1-7,題名,課,,1\u{0},2022,2024,,,,\r\n").utf8))
        let result = try runDXServe(["import", "projects", csv, "--db", db])
        #expect(result.status != 0)
        #expect(result.err.contains("line 3: title: must not contain control characters"))
        #expect(result.err.contains("line 4: department: must not contain control characters"))
        #expect(result.err.contains("line 4: kpi_name: must not contain control characters"))
        #expect(result.err.contains("line 5: progress: must not contain control characters"))
        #expect(!result.err.contains("line 2"))
        #expect(!result.err.unicodeScalars.contains { $0.value == 0 || $0.value == 0x1B || $0.value == 0x7F }, "the report echoes no control character")
        #expect(!result.err.contains("is required"), "a refused cell is not reported again as missing")

        let multiLine = try file(Array(("measure_code,title,department,start_fiscal_year,end_fiscal_year,description,note\r\n"
            + "1-7,題名,課,2022,2024,\"一行目\r\n二行目\t続き\",\"メモ\n続き\"\r\n").utf8))
        let ok = try runDXServe(["import", "projects", multiLine, "--db", db])
        #expect(ok.status == 0, "\(ok.err)")
    }

    @Test("a UTF-16 or UTF-32 file is refused by name, with or without BOM; bad UTF-8 by line",
          arguments: [String.Encoding.utf16LittleEndian, .utf16BigEndian, .utf16, .utf32LittleEndian, .utf32])
    func nonUTF8FileIsRefusedClearly(encoding: String.Encoding) throws {
        let db = tempDatabasePath()
        let text = ImportCommandTests.header + "1-7,題名,課,,,2022,2024,,,,\r\n"
        let csv = try file(Array(try #require(text.data(using: encoding))))
        let result = try runDXServe(["import", "projects", csv, "--db", db])
        #expect(result.status != 0)
        #expect(result.err.contains("not UTF-8; save it as UTF-8"), "\(result.err)")
        #expect(result.err.contains("UTF-16") || result.err.contains("UTF-32"))
    }

    @Test("invalid UTF-8 is reported with its line")
    func invalidUTF8IsReportedByLine() throws {
        let db = tempDatabasePath()
        let csv = try file(Array((ImportCommandTests.header + "1-7,題名,課,,,2022,2024,,,,\r\n1-7,").utf8) + [0xFF] + Array(",課,,,2022,2024,,,,\r\n".utf8))
        let result = try runDXServe(["import", "projects", csv, "--db", db])
        #expect(result.status != 0)
        #expect(result.err.contains("line 3: the file is not valid UTF-8"))
    }
}

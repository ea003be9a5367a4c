import DXCore
import Foundation
import Testing

/// Every command that opens the database names it when it cannot: a directory, a file that is
/// not SQLite, a path it may not write. SQLite's own "unable to open database file" names none.
@Suite struct CommandErrorMessageTests {
    static func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dxserve-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test func everyCommandNamesADatabaseItCannotOpen() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = directory.appendingPathComponent("notes.sqlite").path
        try Data(String(repeating: "not a database\n", count: 20).utf8).write(to: URL(fileURLWithPath: text))
        let csv = directory.appendingPathComponent("m.csv").path
        try Data("kpi_id,date,value\n".utf8).write(to: URL(fileURLWithPath: csv))
        for (db, says) in [(directory.path, "is not a regular file"), (text, "is not an SQLite database")] {
            for command in [["migrate"], ["token", "list"], ["token", "create", "x"], ["import", "measurements", csv]] {
                let result = try BackupCommandTests.run(command + ["--db", db])
                #expect(result.status != 0)
                #expect(result.output.contains("cannot open the database") && result.output.contains(db) && result.output.contains(says),
                        "\(command): \(result.output)")
            }
        }
        #expect(try String(contentsOfFile: text, encoding: .utf8).hasPrefix("not a database"), "nothing was written over it")
    }

    @Test func aNewDatabaseIsStillCreatedAtAMissingOrEmptyPath() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let empty = directory.appendingPathComponent("empty.sqlite").path
        try Data().write(to: URL(fileURLWithPath: empty))
        for db in [empty, directory.appendingPathComponent("new/dx.sqlite").path] {
            let result = try BackupCommandTests.run(["migrate", "--db", db])
            #expect(result.status == 0, "\(result.output)")
        }
    }

    @Test func serveOnAHostThatDoesNotResolveSaysWhy() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try BackupCommandTests.run(["serve", "--host", "999.1.1.1", "--port", "0", "--db", directory.appendingPathComponent("dx.sqlite").path])
        #expect(result.status != 0)
        #expect(result.output.contains("999.1.1.1") && result.output.contains("--host") && !result.output.contains("Unknown error"), "\(result.output)")
    }
}

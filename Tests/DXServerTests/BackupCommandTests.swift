import DXCore
import Foundation
import Testing

/// `dxserve backup PATH` copies a consistent snapshot, even while a server has the file open.
@Suite struct BackupCommandTests {
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = ServerProcess.binary
        process.arguments = arguments
        process.currentDirectoryURL = ServerProcess.packageRoot
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func backupWhileServingCopiesEverythingAndRefusesToOverwrite() throws {
        let db = tempDatabasePath()
        let server = try ServerProcess(arguments: ["--db", db])
        let token = try Self.run(["token", "create", "backup-test", "--db", db])
        #expect(token.status == 0)
        let copy = URL(fileURLWithPath: db).deletingLastPathComponent().appendingPathComponent("copy.sqlite").path
        let first = try Self.run(["backup", "--db", db, copy])
        #expect(first.status == 0, "\(first.output)")
        let again = try Self.run(["backup", "--db", db, copy])
        #expect(again.status != 0)
        #expect(again.output.contains("already exists"))
        server.signal(SIGTERM)
        #expect(server.waitForExit() == 0)

        let pool = try DatabasePool(path: copy, readerCount: 1)
        let measures = try pool.read { db in try db.scalar("SELECT count(*) FROM measures") }
        let tokens = try pool.read { db in try db.scalar("SELECT count(*) FROM api_tokens WHERE name = 'backup-test'") }
        #expect(measures == .integer(29))
        #expect(tokens == .integer(1))
    }

    @Test func backupOfAMissingEmptyOrNonDatabaseFileNamesThePathAndTheReason() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dxserve-backup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = directory.appendingPathComponent("missing.sqlite").path
        let empty = directory.appendingPathComponent("empty.sqlite").path
        let text = directory.appendingPathComponent("notes.sqlite").path
        try Data().write(to: URL(fileURLWithPath: empty))
        try Data(String(repeating: "not a database\n", count: 20).utf8).write(to: URL(fileURLWithPath: text))
        let copy = directory.appendingPathComponent("copy.sqlite").path
        for (db, says) in [(missing, "does not exist"), (empty, "is empty (0 bytes)"), (text, "is not an SQLite database"),
                           (directory.path, "is not a regular file")] {
            let result = try Self.run(["backup", "--db", db, copy])
            #expect(result.status == 1)
            #expect(result.output.contains(db) && result.output.contains(says), "\(result.output)")
            #expect(!FileManager.default.fileExists(atPath: copy), "nothing is written")
        }
    }

    @Test func backupIntoAMissingDirectoryNamesIt() throws {
        let db = tempDatabasePath()
        #expect(try Self.run(["migrate", "--db", db]).status == 0)
        let target = URL(fileURLWithPath: db).deletingLastPathComponent().appendingPathComponent("no-such-dir/copy.sqlite").path
        let result = try Self.run(["backup", "--db", db, target])
        #expect(result.status == 1)
        #expect(result.output.contains("no-such-dir") && result.output.contains("does not exist"), "\(result.output)")
    }
}

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
}

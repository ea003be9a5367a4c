import ArgumentParser
import DXCore
import Foundation

struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a consistent copy of the database to PATH, safe while the server runs.")

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "Where to write the copy; must not exist yet.")
    var path: String

    func run() throws {
        guard !FileManager.default.fileExists(atPath: path) else { throw fail("\(path) already exists") }
        // Every message names the file it is about: SQLite's own ("unable to open database
        // file") says neither which one nor why.
        if let problem = DatabaseFileProblem.of(path: database.db) {
            throw fail("cannot back up: \(problem) (--db or DX_DB names the database)")
        }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw fail("cannot write the copy to \(path): the directory \(directory) does not exist")
        }
        do {
            let db = try Database(path: database.db, readOnly: true)
            // VACUUM INTO reads one snapshot, so writers carry on and the copy is consistent.
            try db.run("VACUUM INTO ?", .text(path))
            print("backed up \(database.db) to \(path)")
        } catch {
            throw fail("cannot back up \(database.db) to \(path): \(error)")
        }
    }
}

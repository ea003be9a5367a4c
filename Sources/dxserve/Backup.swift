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
        do {
            let db = try Database(path: database.db, readOnly: true)
            // VACUUM INTO reads one snapshot, so writers carry on and the copy is consistent.
            try db.run("VACUUM INTO ?", .text(path))
            print("backed up \(database.db) to \(path)")
        } catch {
            throw fail("\(error)")
        }
    }
}

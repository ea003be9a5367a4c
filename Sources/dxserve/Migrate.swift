import ArgumentParser
import DXCore

struct Migrate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply pending migrations and exit.")

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        do {
            let (_, _, applied) = try database.openMigrated()
            if applied.isEmpty {
                print("up to date")
            } else {
                for file in applied { print("applied \(file.fileName)") }
            }
        } catch {
            throw fail("\(error)")
        }
    }
}

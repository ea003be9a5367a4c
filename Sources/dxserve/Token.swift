import ArgumentParser
import DXCore

struct Token: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage admin bearer tokens.",
        subcommands: [Create.self, List.self, Revoke.self])

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a token and print it once, alone on its line.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "Name recorded in the history of every change made with it (A-Z a-z 0-9 . _ -).")
        var name: String

        func run() throws {
            do {
                let (pool, _, _) = try database.openMigrated()
                print(try TokenStore(pool: pool).create(name: name))
            } catch {
                throw fail("\(error)")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List token names with creation, last-use and revocation times.")
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            do {
                let (pool, _, _) = try database.openMigrated()
                print("name\tcreated_at\tlast_used_at\trevoked_at")
                for info in try TokenStore(pool: pool).list() {
                    print("\(info.name)\t\(info.createdAt)\t\(info.lastUsedAt ?? "-")\t\(info.revokedAt ?? "-")")
                }
            } catch {
                throw fail("\(error)")
            }
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke the live token of NAME; it fails from the next request on.")
        @OptionGroup var database: DatabaseOptions
        @Argument var name: String

        func run() throws {
            do {
                let (pool, _, _) = try database.openMigrated()
                try TokenStore(pool: pool).revoke(name: name)
                print("revoked \(name)")
            } catch {
                throw fail("\(error)")
            }
        }
    }
}

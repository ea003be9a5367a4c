import ArgumentParser

@main
struct DXServe: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dxserve",
        abstract: "An open JSON API for Miyakonojo City's DX promotion plan.",
        subcommands: [Serve.self, Migrate.self, Token.self, Backup.self, Import.self],
        defaultSubcommand: Serve.self
    )
}

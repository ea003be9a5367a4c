import ArgumentParser
import DXCore

/// The file, `--dry-run` and `--as`, shared by every `dxserve import` subcommand.
struct ImportOptions: ParsableArguments {
    @Argument(help: "The CSV file.")
    var file: String

    @Flag(help: "Check every row and report, but write nothing.")
    var dryRun = false

    @Option(name: .customLong("as"), help: "Name recorded as the actor in each history row (for measurements also as recorded_by where the file has none).")
    var actor = "import"

    func validate() throws {
        guard TokenStore.isValidName(actor) else {
            throw ValidationError("--as must be 1–64 of A-Z a-z 0-9 . _ -")
        }
    }
}

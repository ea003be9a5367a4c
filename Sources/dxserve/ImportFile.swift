import DXCore
import Foundation

/// What every `dxserve import` does around its store: read the CSV file, and afterwards report
/// every bad row by line on stderr (exit 1, nothing written) or print how many rows were taken.
enum ImportFile {
    /// The file's records (RFC 4180, UTF-8 with or without BOM); a file that cannot be read or
    /// parsed ends the command with its reason.
    static func records(_ file: String) throws -> [CSVRecord] {
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
        } catch {
            throw fail("cannot read \(file): \(error.localizedDescription)")
        }
        do {
            return try CSVReader.read(bytes)
        } catch {
            throw fail("\(file): \(error)")
        }
    }

    /// The history note of every imported row.
    static func note(_ file: String) -> String {
        "imported from \(URL(fileURLWithPath: file).lastPathComponent)"
    }

    /// Reports `issues` (sorted by line) and fails, or prints the count: `noun` is the singular
    /// of what was imported ("project"), made plural with "s".
    static func finish(count: Int, issues: [ImportIssue], file: String, dryRun: Bool, noun: String) throws {
        if !issues.isEmpty {
            for issue in issues.sorted(by: { $0.line < $1.line }) { FileHandle.standardError.write(Data("\(issue)\n".utf8)) }
            throw fail("\(issues.count) problem(s) in \(file); nothing was written")
        }
        print(dryRun ? "dry run: \(count) rows are valid; nothing was written" : "imported \(count) \(noun)\(count == 1 ? "" : "s")")
    }
}

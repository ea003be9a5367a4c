import ArgumentParser
import DXCore
import Foundation

/// What every `dxserve import` does around its store: read the CSV file, and afterwards report
/// every bad row by line on stderr (exit 1, nothing written) or print how many rows were taken.
enum ImportFile {
    /// The file's records (RFC 4180, UTF-8 with or without BOM); a file that cannot be read or
    /// parsed ends the command with its reason. The exports' variants import as they are:
    /// a header row in Japanese (`?header=ja`, the labels in `japaneseLabels`, column name →
    /// label) names the same columns, and in a file with a BOM (the spreadsheet flavour,
    /// `?bom=1`) the `'` guarding a formula-like cell is removed (`SpreadsheetCell`).
    static func records(_ file: String, japaneseLabels: [String: String] = [:]) throws -> [CSVRecord] {
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
        } catch {
            throw fail("cannot read \(file): \(error.localizedDescription)")
        }
        var records: [CSVRecord]
        do {
            records = try CSVReader.read(bytes)
        } catch {
            throw fail("\(file): \(error)")
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            for i in records.indices { records[i].fields = records[i].fields.map(SpreadsheetCell.restored) }
        }
        let columns = Dictionary(japaneseLabels.map { ($0.value, $0.key) }, uniquingKeysWith: { first, _ in first })
        if !records.isEmpty {
            records[0].fields = records[0].fields.map { columns[$0.trimmingCharacters(in: .whitespaces)] ?? $0 }
        }
        return records
    }

    /// The history note of every imported row. A control or bidi character in the file's name
    /// (Linux allows any byte but `/` and NUL) is written as its name, `U+202E`, since the note
    /// is stored text and such characters are refused in every stored field
    /// (`ControlCharacters`); the file's name is not the administrator's text to refuse.
    static func note(_ file: String) -> String {
        var name = ""
        for scalar in URL(fileURLWithPath: file).lastPathComponent.unicodeScalars {
            if ControlCharacters.firstForbidden(in: String(scalar)) != nil { name += ControlCharacters.name(of: scalar) } else { name.unicodeScalars.append(scalar) }
        }
        return "imported from \(name)"
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

    /// Runs one import with its progress on a terminal, then reports it: rows the store
    /// rejected (`rejected` returns them; nil for any other error, which is thrown) join the
    /// rows that could not be read, and the store writes nothing when any row is bad.
    static func apply<E: Error>(
        _ file: String, rows: Int, readIssues: [ImportIssue], dryRun: Bool, label: String, noun: String,
        rejected: (E) -> [ImportIssue]?,
        _ body: (_ dryRun: Bool, _ progress: @escaping (Int) -> Void) throws(E) -> Int
    ) throws {
        let progress = ImportProgress(total: rows, label: label)
        let result = Result { () throws(E) -> Int in try body(dryRun || !readIssues.isEmpty, progress.update) }
        progress.finish()
        var issues = readIssues
        var count = 0
        switch result {
        case .success(let imported): count = imported
        case .failure(let error):
            guard let found = rejected(error) else { throw error }
            issues += found
        }
        try finish(count: count, issues: issues, file: file, dryRun: dryRun, noun: noun)
    }

    /// Runs an import subcommand's work: its own exit status passes through, any other error
    /// becomes one line on stderr and exit status 1.
    static func reportingErrors(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw fail("\(error)")
        }
    }
}

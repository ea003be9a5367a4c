import Foundation

/// The header row of an import file (`dxserve import projects|measurements|budget`), checked
/// once for all three: every name a known column, none twice, every required one present.
enum ImportHeader {
    /// The trimmed column names of `records`' first row, and every problem with them (empty
    /// when the header is good; then the names are to be used).
    /// - Parameter ignored: columns an export carries that the import accepts and does not use.
    static func check(_ records: [CSVRecord], required: [String], optional: [String], ignored: [String] = [])
        -> (names: [String], issues: [ImportIssue])
    {
        guard let header = records.first else {
            return ([], [ImportIssue(line: 1, field: "header", message: "the file is empty; the first row must name the columns")])
        }
        var issues: [ImportIssue] = []
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        let known = Set(required + optional + ignored)
        for name in names where !known.contains(name) {
            issues.append(ImportIssue(line: header.line, field: name.isEmpty ? "header" : name,
                                      message: "is not a column; use \((required + optional).joined(separator: ", "))"))
        }
        for name in Set(names) where names.filter({ $0 == name }).count > 1 {
            issues.append(ImportIssue(line: header.line, field: name, message: "appears more than once in the header"))
        }
        for name in required where !names.contains(name) {
            issues.append(ImportIssue(line: header.line, field: name, message: "is a required column"))
        }
        return (names, issues)
    }
}

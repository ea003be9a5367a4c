import ArgumentParser
import DXCore
import DXServer
import Foundation

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Bulk-load data from files.", subcommands: [Projects.self, Measurements.self, Budget.self])

    struct Projects: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create projects from a CSV file (UTF-8, with or without BOM): all rows or none.",
            discussion: """
                The first row names the columns: \(ProjectCSV.requiredColumns.joined(separator: ", ")) (required), \
                \(ProjectCSV.optionalColumns.joined(separator: ", ")) (optional). Every bad row is reported as \
                'line N: field: message' on stderr and nothing is written; the exit status is then 1. \
                The file must be UTF-8 (a UTF-16 or UTF-32 file is refused by name). No cell may hold a \
                control character; only \(ProjectCSV.multiLineColumns.sorted().joined(separator: " and ")) cells may hold \
                line breaks and tabs.
                """)

        @OptionGroup var database: DatabaseOptions

        @OptionGroup var options: ImportOptions

        func run() throws {
            let records = try ImportFile.records(options.file)
            let (rows, readIssues) = ProjectCSV.rows(from: records)
            try ImportFile.reportingErrors {
                let (pool, _, _) = try database.openMigrated()
                // Rows that could be read are still validated when others could not, so the
                // report lists every bad row at once.
                let store = ProjectStore(pool: pool)
                try ImportFile.apply(
                    options.file, rows: rows.count, readIssues: readIssues, dryRun: options.dryRun, label: "import projects", noun: "project",
                    rejected: { (error: ProjectStoreError) in if case .importRejected(let found) = error { found } else { nil } }
                ) { (dryRun: Bool, progress: @escaping (Int) -> Void) throws(ProjectStoreError) -> Int in
                    try store.importProjects(rows, actor: options.actor, note: ImportFile.note(options.file), dryRun: dryRun, progress: progress)
                }
            }
        }
    }

    struct Measurements: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record KPI measurements from a CSV file (UTF-8, with or without BOM): all rows or none.",
            discussion: """
                The first row names the columns: \(MeasurementCSV.requiredColumns.joined(separator: ", ")) (required), \
                \(MeasurementCSV.optionalColumns.joined(separator: ", ")) (optional) — the columns of the measurements \
                CSV export, so an export imports back as it was (also with ?header=ja or ?bom=1). Every bad row is reported as 'line N: field: message' \
                on stderr and nothing is written; the exit status is then 1.
                """)

        @OptionGroup var database: DatabaseOptions

        @OptionGroup var options: ImportOptions

        func run() throws {
            let records = try ImportFile.records(options.file, japaneseLabels: KPIMeasurement.csvJapaneseLabels)
            let (rows, readIssues) = MeasurementCSV.rows(from: records)
            try ImportFile.reportingErrors {
                let (pool, _, _) = try database.openMigrated()
                let store = KPIStore(pool: pool)
                try ImportFile.apply(
                    options.file, rows: rows.count, readIssues: readIssues, dryRun: options.dryRun, label: "import measurements", noun: "measurement",
                    rejected: { (error: KPIStoreError) in if case .importRejected(let found) = error { found } else { nil } }
                ) { (dryRun: Bool, progress: @escaping (Int) -> Void) throws(KPIStoreError) -> Int in
                    try store.importMeasurements(rows, actor: options.actor, note: ImportFile.note(options.file), dryRun: dryRun, progress: progress)
                }
            }
        }
    }

    struct Budget: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set projects' budgets per fiscal year from a CSV file: all rows or none.",
            discussion: """
                The first row names the columns: \(BudgetCSV.requiredColumns.joined(separator: ", ")) (required), \
                \(BudgetCSV.optionalColumns.joined(separator: ", ")) (optional; an empty actual_yen means not settled). \
                The export GET /api/v1/projects/{id}/budget.csv is such a file (its other columns are ignored; also with ?header=ja or ?bom=1). \
                Each row sets that project's fiscal year as a PUT would, with a history row. Every bad row is \
                reported as 'line N: field: message' on stderr and nothing is written; the exit status is then 1.
                """)

        @OptionGroup var database: DatabaseOptions

        @OptionGroup var options: ImportOptions

        func run() throws {
            let records = try ImportFile.records(options.file, japaneseLabels: BudgetEntry.csvJapaneseLabels)
            let (rows, readIssues) = BudgetCSV.rows(from: records)
            try ImportFile.reportingErrors {
                let (pool, _, _) = try database.openMigrated()
                let store = BudgetStore(pool: pool)
                try ImportFile.apply(
                    options.file, rows: rows.count, readIssues: readIssues, dryRun: options.dryRun, label: "import budget", noun: "budget row",
                    rejected: { (error: TrackingStoreError) in if case .importRejected(let found) = error { found } else { nil } }
                ) { (dryRun: Bool, progress: @escaping (Int) -> Void) throws(TrackingStoreError) -> Int in
                    try store.importBudget(rows, actor: options.actor, note: ImportFile.note(options.file), dryRun: dryRun, progress: progress)
                }
            }
        }
    }
}

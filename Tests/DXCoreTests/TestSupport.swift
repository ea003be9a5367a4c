import Foundation
@testable import DXCore

/// Runs `body` with a fresh temporary directory that is removed afterwards, whether `body`
/// returns or throws.
@discardableResult
func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("dxcore-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    return try body(directory)
}

/// Runs `body` with a writable connection to a new database file in a temporary directory.
@discardableResult
func withDatabase<T>(_ body: (Database) throws -> T) throws -> T {
    try withTemporaryDirectory { directory in
        let database = try Database(path: directory.appendingPathComponent("test.sqlite").path)
        return try body(database)
    }
}

/// Runs `body` with a pool on a new, empty database file.
@discardableResult
func withPool<T>(readerCount: Int = 4, _ body: (DatabasePool) throws -> T) throws -> T {
    try withTemporaryDirectory { directory in
        let pool = try DatabasePool(path: directory.appendingPathComponent("test.sqlite").path, readerCount: readerCount)
        return try body(pool)
    }
}

/// The repository's `migrations/` directory.
let migrationsDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("migrations", isDirectory: true)

/// The seed text the plan content was transcribed from.
let seedPlanURL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().appendingPathComponent("Fixtures/seed-plan.txt")

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

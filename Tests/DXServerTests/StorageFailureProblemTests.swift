import DXCore
@testable import DXServer
import Testing

/// Issue 11, full disk: SQLITE_FULL and SQLITE_IOERR are the server's state, not a bug, and
/// answer the same on every route, whichever store error carried them.
@Suite("Storage failures")
struct StorageFailureProblemTests {
    // SQLITE_IOERR 10, SQLITE_FULL 13; SQLITE_IOERR_WRITE 10 | 3 << 8, SQLITE_IOERR_FSYNC 10 | 4 << 8.
    @Test func sqliteFullIs507InsufficientStorageProblem() {
        let problem = SQLiteError(extendedCode: 13, message: "database or disk is full", sql: "INSERT INTO projects").apiError
        #expect(problem.status == 507)
        #expect(problem.type == "/problems/insufficient-storage")
        #expect(!problem.detail.contains("INSERT"))
    }

    @Test func sqliteIOErrorIs503WithRetryAfter() {
        for code: Int32 in [10, 10 | 3 << 8, 10 | 4 << 8] {
            let problem = SQLiteError(extendedCode: code, message: "disk I/O error", sql: "COMMIT").apiError
            #expect(problem.status == 503, "\(code)")
            #expect(problem.headers["Retry-After"] != nil)
            #expect(!problem.detail.contains("COMMIT"))
        }
    }

    @Test func storeErrorsDelegateFullAndIOErrorNot500() {
        let full = SQLiteError(extendedCode: 13, message: "database or disk is full")
        let io = SQLiteError(extendedCode: 10 | 3 << 8, message: "disk I/O error")
        #expect(ProjectStoreError.database(full).apiError.status == 507)
        #expect(SurveyStoreError.database(full).apiError.status == 507)
        #expect(ProjectStoreError.database(io).apiError.status == 503)
        #expect(SurveyStoreError.database(io).apiError.status == 503)
        #expect(TrackingStoreError.database(full).apiError.status == 507)
        #expect(TrackingStoreError.database(io).apiError.status == 503)
    }

    @Test func insufficientStorageHasItsReasonPhrase() {
        #expect(HTTPStatus.reason(507) == "Insufficient Storage")
    }
}

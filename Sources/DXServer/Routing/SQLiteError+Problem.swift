import DXCore

/// The one place a SQLite failure becomes an HTTP problem, whichever route or store it came
/// from (the stores' own error types delegate here for their database case).
extension SQLiteError: ProblemConvertible {
    /// How long a client should wait before retrying a busy database, in seconds: a little
    /// more than most write transactions take, well under the 5-s busy timeout that gave up.
    static let busyRetryAfterSeconds = 1

    /// SQLITE_BUSY or SQLITE_LOCKED (also "database is locked" after the busy timeout ran
    /// out): 503 with `Retry-After` (RFC 9110 §15.6.4, §10.2.3), since the same request will
    /// succeed once the other writer is done. SQLITE_FULL (the disk or the file-size limit is
    /// full): 507 Insufficient Storage (RFC 4918 §11.5) — the write was not stored and will not
    /// be until an operator frees space. SQLITE_IOERR (a write or fsync the kernel refused,
    /// e.g. ENOSPC or EFBIG surfacing as SQLITE_IOERR_WRITE): 503 with `Retry-After`, as the
    /// transaction rolled back and the database is intact. Anything else is 500, and never
    /// carries the SQL or SQLite's message: they describe the server, not the request.
    public var apiError: APIError {
        operationalProblem ?? APIError(status: 500, detail: "The data could not be read or stored.")
    }

    /// The answer when the failure is the server's state (busy, full disk, I/O error) rather
    /// than a bug: every store error type returns this for its database case before its own
    /// 500, so each of these conditions answers the same on every route.
    public var operationalProblem: APIError? {
        if isBusy { return .databaseBusy }
        if isFull { return .insufficientStorage }
        if isIOError { return .storageFailed }
        return nil
    }
}

extension APIError {
    /// The answer for a busy or locked database.
    public static let databaseBusy = APIError(
        status: 503, type: "/problems/database-busy", detail: "The database is busy; try again shortly.",
        headers: HTTPHeaders([("Retry-After", String(SQLiteError.busyRetryAfterSeconds))]))
}

extension APIError {
    /// The answer for a write that found the disk (or the file-size limit) full.
    public static let insufficientStorage = APIError(
        status: 507, type: "/problems/insufficient-storage",
        detail: "The server has no space left to store this change; it was not stored. Reads still work.")

    /// The answer for a write the operating system failed (SQLITE_IOERR); nothing was stored.
    public static let storageFailed = APIError(
        status: 503, type: "/problems/storage-error",
        detail: "The change could not be written to storage and was not stored; try again later.",
        headers: HTTPHeaders([("Retry-After", String(SQLiteError.ioErrorRetryAfterSeconds))]))
}

extension SQLiteError {
    /// How long a client should wait after an I/O error, in seconds: long enough for an
    /// operator or log rotation to free space, short enough not to lose the client.
    static let ioErrorRetryAfterSeconds = 30
}

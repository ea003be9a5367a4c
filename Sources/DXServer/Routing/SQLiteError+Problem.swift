import DXCore

/// The one place a SQLite failure becomes an HTTP problem, whichever route or store it came
/// from (the stores' own error types delegate here for their database case).
extension SQLiteError: ProblemConvertible {
    /// How long a client should wait before retrying a busy database, in seconds: a little
    /// more than most write transactions take, well under the 5-s busy timeout that gave up.
    static let busyRetryAfterSeconds = 1

    /// SQLITE_BUSY or SQLITE_LOCKED (also "database is locked" after the busy timeout ran
    /// out): 503 with `Retry-After` (RFC 9110 §15.6.4, §10.2.3), since the same request will
    /// succeed once the other writer is done. Anything else is 500, and never carries the SQL
    /// or SQLite's message: they describe the server, not the request.
    public var apiError: APIError {
        if isBusy { return .databaseBusy }
        return APIError(status: 500, detail: "The data could not be read or stored.")
    }
}

extension APIError {
    /// The answer for a busy or locked database.
    public static let databaseBusy = APIError(
        status: 503, type: "/problems/database-busy", detail: "The database is busy; try again shortly.",
        headers: HTTPHeaders([("Retry-After", String(SQLiteError.busyRetryAfterSeconds))]))
}

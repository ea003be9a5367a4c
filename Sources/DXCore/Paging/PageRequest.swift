/// Which page of a collection to read: where to start and how many rows.
public struct PageRequest: Sendable, Equatable {
    /// At most this many rows; nil for every row after the cursor (a CSV download without
    /// `?limit`).
    public var limit: Int?
    /// Start strictly after this position; nil for the first page.
    public var after: KeysetCursor?

    public init(limit: Int?, after: KeysetCursor? = nil) {
        // A limit below 1 would make a page that can never advance; the API refuses those
        // with a 400 before they get here, so clamping is only a guard.
        self.limit = limit.map { max(1, $0) }
        self.after = after
    }

    /// Every row, from the start.
    public static let all = PageRequest(limit: nil)
}

/// Why a cursor was refused; the API answers 400 naming the `cursor` parameter for both.
public enum KeysetCursorError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Not a cursor this server wrote; the reason says which check failed.
    case malformed(String)
    /// A valid cursor of another order, e.g. made with `sort=title` and sent with `sort=id`.
    case otherOrder(cursor: String, expected: String)

    public var description: String {
        switch self {
        case .malformed(let reason): "The cursor is invalid: \(reason). Use the next_cursor or Link of a previous page, unchanged."
        case .otherOrder(let cursor, let expected):
            "The cursor was made for the order '\(cursor)', not '\(expected)'; a cursor only continues the order it came from. Start again without a cursor."
        }
    }
}

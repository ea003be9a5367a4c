/// A request field that breaks its kind's rule.
public enum HTTPFieldError: Error, Sendable, Equatable {
    /// A singleton field sent on several lines with different values.
    case conflictingValues(field: String, values: [String])
}

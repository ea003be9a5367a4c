/// The axes the respondent profile is broken down by; the raw values are the stored and served keys.
public enum ProfileDimension: String, Codable, Sendable, CaseIterable {
    case gender
    case age

    /// The column heading the city's tables use (性別, 年代).
    public var label: String {
        switch self {
        case .gender: "性別"
        case .age: "年代"
        }
    }
}

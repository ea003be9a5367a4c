/// The four-step rating of an evaluation. The scale and its Japanese labels are this
/// project's decision (the plan does not define one); they follow the wording Japanese
/// municipalities commonly use in 事務事業評価: A ahead of or on plan, D behind it.
public enum EvaluationRating: String, Sendable, CaseIterable, Codable {
    case a = "A"
    case b = "B"
    case c = "C"
    case d = "D"

    /// `順調（計画以上）`, `概ね順調`, `やや遅れ`, `遅れ`.
    public var label: String {
        switch self {
        case .a: "順調（計画以上）"
        case .b: "概ね順調"
        case .c: "やや遅れ"
        case .d: "遅れ"
        }
    }
}

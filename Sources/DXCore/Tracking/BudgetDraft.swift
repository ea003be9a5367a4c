/// A budget PUT as the client sent it: the whole entry for one fiscal year (a PUT replaces).
/// Members of the wrong type, unknown or read-only are already in `issues`.
public struct BudgetDraft: Sendable, Equatable {
    /// ¥1,000,000,000,000 (one trillion yen): far above any city project's yearly budget
    /// (the city's whole general account is about ¥100 billion); the database CHECKs the same.
    public static let maxYen = 1_000_000_000_000
    public static let maxNoteLength = 2000

    /// Required.
    public var plannedYen: Int?
    /// nil: not settled yet.
    public var actualYen: Int?
    /// nil: empty.
    public var note: String?
    public var issues: [FieldIssue]

    public init(plannedYen: Int? = nil, actualYen: Int? = nil, note: String? = nil, issues: [FieldIssue] = []) {
        self.plannedYen = plannedYen
        self.actualYen = actualYen
        self.note = note
        self.issues = issues
    }

    /// The checked values, or `.invalid` with every problem.
    func validated() throws(TrackingStoreError) -> (planned: Int, actual: Int?, note: String) {
        let (values, issues) = checked()
        guard let values else { throw .invalid(issues) }
        return values
    }

    /// The checked values when there is no problem, and every problem.
    func checked() -> (values: (planned: Int, actual: Int?, note: String)?, issues: [FieldIssue]) {
        var issues = self.issues
        if plannedYen == nil, !issues.contains(where: { $0.field == "planned_yen" }) {
            issues.append(FieldIssue(field: "planned_yen", message: "is required: whole yen from 0 to \(Self.maxYen)"))
        }
        for (field, value) in [("planned_yen", plannedYen), ("actual_yen", actualYen)] {
            if let value, !(0...Self.maxYen).contains(value) {
                issues.append(FieldIssue(field: field, message: "must be whole yen from 0 to \(Self.maxYen)"))
            }
        }
        let note = self.note ?? ""
        if let problem = ControlCharacters.problem(in: note, lines: .multi) {
            issues.append(FieldIssue(field: "note", message: problem))
        } else if note.unicodeScalars.count > Self.maxNoteLength {
            issues.append(FieldIssue(field: "note", message: "must be at most \(Self.maxNoteLength) characters"))
        }
        guard issues.isEmpty, let plannedYen else { return (nil, issues) }
        return ((plannedYen, actualYen, note), [])
    }
}

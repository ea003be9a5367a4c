/// An evaluation write as the client sent it (POST creates, PATCH corrects), before
/// validation. Members of the wrong type, unknown or read-only are already in `issues`, so
/// that one 422 lists every bad field.
public struct EvaluationDraft: Sendable, Equatable {
    public static let maxCommentLength = 2000

    /// Required on create; on a correction it may only repeat the period being corrected.
    public var period: String?
    /// `A`–`D`; required on create.
    public var rating: String?
    /// nil: not sent (create: empty; correction: unchanged).
    public var comment: String?
    /// Kept in the project's history, not in the evaluation.
    public var note: String?
    public var issues: [FieldIssue]

    public init(period: String? = nil, rating: String? = nil, comment: String? = nil, note: String? = nil, issues: [FieldIssue] = []) {
        self.period = period
        self.rating = rating
        self.comment = comment
        self.note = note
        self.issues = issues
    }

    /// The period (within `project`'s fiscal years), rating and comment of a new evaluation, or `.invalid` with every problem.
    func validatedForCreate(within project: TrackedProject) throws(TrackingStoreError) -> (EvaluationPeriod, EvaluationRating, String) {
        var issues = self.issues
        let period = Self.period(self.period, &issues)
        if let period, let issue = project.yearIssue(period.fiscalYear, field: "period") { issues.append(issue) }
        let rating = Self.rating(self.rating, &issues)
        let comment = Self.comment(self.comment ?? "", &issues)
        Self.note(note, &issues)
        guard issues.isEmpty, let period, let rating else { throw .invalid(issues) }
        return (period, rating, comment)
    }

    /// `current` with the draft applied, or `.invalid` with every problem.
    func validated(correcting current: Evaluation) throws(TrackingStoreError) -> Evaluation {
        var issues = self.issues
        if let period, period != current.period.description {
            issues.append(FieldIssue(field: "period", message: "identifies the evaluation and cannot be changed; make a new evaluation for another period"))
        }
        var result = current
        if self.rating != nil, let rating = Self.rating(self.rating, &issues) { result.rating = rating }
        if let comment { result.comment = Self.comment(comment, &issues) }
        Self.note(note, &issues)
        guard issues.isEmpty else { throw .invalid(issues) }
        return result
    }

    static func period(_ raw: String?, _ issues: inout [FieldIssue]) -> EvaluationPeriod? {
        guard let raw else {
            // A member of the wrong type is already an issue ("must be a string"): one entry per field.
            if !issues.contains(where: { $0.field == "period" }) {
                issues.append(FieldIssue(field: "period", message: "is required: a fiscal year (2023) or one of its halves (2023H1, 2023H2)"))
            }
            return nil
        }
        guard let period = EvaluationPeriod(raw) else {
            issues.append(FieldIssue(
                field: "period",
                message: "must be a fiscal year from \(EvaluationPeriod.fiscalYears.lowerBound) to \(EvaluationPeriod.fiscalYears.upperBound) (2023) or one of its halves (2023H1, 2023H2)"))
            return nil
        }
        return period
    }

    static func rating(_ raw: String?, _ issues: inout [FieldIssue]) -> EvaluationRating? {
        guard let raw, let rating = EvaluationRating(rawValue: raw) else {
            if raw != nil || !issues.contains(where: { $0.field == "rating" }) {
                issues.append(FieldIssue(field: "rating", message: "must be one of A, B, C, D"))
            }
            return nil
        }
        return rating
    }

    static func comment(_ text: String, _ issues: inout [FieldIssue]) -> String {
        if let problem = ControlCharacters.problem(in: text, lines: .multi) {
            issues.append(FieldIssue(field: "comment", message: problem))
        } else if text.unicodeScalars.count > maxCommentLength {
            issues.append(FieldIssue(field: "comment", message: "must be at most \(maxCommentLength) characters"))
        }
        return text
    }

    static func note(_ text: String?, _ issues: inout [FieldIssue]) {
        guard let text else { return }
        issues += ProjectValidator.noteIssues(text)
    }
}

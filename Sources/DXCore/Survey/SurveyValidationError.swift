/// A submission was rejected; carries every problem found, not only the first.
public struct SurveyValidationError: Error, Sendable, Equatable, CustomStringConvertible {
    public var problems: [SurveyValidationProblem]

    public init(problems: [SurveyValidationProblem]) {
        self.problems = problems
    }

    public var description: String {
        "invalid survey: " + problems.map(\.description).joined(separator: "; ")
    }
}

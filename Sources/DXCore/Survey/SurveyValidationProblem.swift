/// One thing wrong with a survey submission, located by a path into the body
/// (e.g. `questions[0].options[2].count`) so a 422 can name each bad field.
public struct SurveyValidationProblem: Codable, Sendable, Equatable, CustomStringConvertible {
    public var field: String
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
}

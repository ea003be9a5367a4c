/// Why a survey could not be read or stored.
public enum SurveyStoreError: Error, CustomStringConvertible {
    /// The submission failed validation; every problem is listed (a 422).
    case invalid(SurveyValidationError)
    /// A survey with this id or edition already exists (a 409).
    case conflict(field: String, value: Int)
    /// Stored counts that cannot be a share of the respondents. The schema's CHECKs and
    /// triggers should make this impossible; it means the file was edited around them.
    case inconsistentData(surveyID: Int, cause: Wilson.Failure)
    /// The database failed underneath (usually a `SQLiteError`).
    case database(any Error)

    public var description: String {
        switch self {
        case .invalid(let error): error.description
        case .conflict(let field, let value): "a survey with \(field) \(value) already exists"
        case .inconsistentData(let id, let cause): "survey \(id) has inconsistent counts: \(cause)"
        case .database(let error): "survey storage failed: \(error)"
        }
    }
}

import DXCore

/// The one place a survey store failure becomes an HTTP problem.
extension SurveyStoreError: ProblemConvertible {
    public var apiError: APIError {
        switch self {
        case .invalid(let error):
            return .invalidFields(error.problems.map { FieldError(field: $0.field, message: $0.message) })
        case .conflict(let field, let value):
            return APIError(
                status: 409, type: "/problems/conflict", detail: "A survey with \(field) \(value) already exists.",
                extensions: ["field": .string(field), "value": .number(Double(value))])
        case .inconsistentData(let surveyID, _):
            // Stored counts the schema should have refused: the server's fault, not the
            // client's. The cause stays out of the response; it is in the error value.
            return APIError(status: 500, detail: "The stored counts of survey \(surveyID) are inconsistent.")
        case .database(let cause):
            if let problem = (cause as? SQLiteError)?.operationalProblem { return problem }
            if let convertible = cause as? any ProblemConvertible, !(cause is SQLiteError) { return convertible.apiError }
            // Never the SQL or SQLite's message: they describe the server, not the request.
            return APIError(status: 500, detail: "The survey data could not be read or stored.")
        }
    }
}

extension HTTPFieldError: ProblemConvertible {
    public var apiError: APIError {
        switch self {
        case .conflictingValues(let field, _):
            APIError(
                status: 400, type: "/problems/bad-request",
                detail: "The \(field) header was sent more than once with different values; it takes exactly one value.",
                extensions: ["header": .string(field)])
        }
    }
}

/// Errors from lower layers that know which problem they are (a missing row is a 404, a
/// locked database a 503). DXServer adds conformances for DXCore's errors, so that mapping
/// errors to statuses happens in one place: `HTTPService.problemResponse(for:)`.
public protocol ProblemConvertible: Error {
    var apiError: APIError { get }
}

extension APIError: ProblemConvertible {
    public var apiError: APIError { self }
}

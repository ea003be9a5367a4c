/// An error a handler throws to answer with an RFC 9457 problem document. Handlers throw these
/// where the bad input is read, so the status is specific (400, 404, 409, 422), never a
/// generic 500 discovered later.
public struct APIError: Error, Sendable {
    public var status: Int
    public var title: String
    public var detail: String
    /// A URI reference naming the problem type; relative to the API so it stays stable.
    public var type: String
    /// Extra members of the problem document (for example `errors` for 422, `allowed` for 409).
    public var extensions: [String: JSONValue]
    public var headers: HTTPHeaders

    public init(status: Int, type: String? = nil, title: String? = nil, detail: String,
                extensions: [String: JSONValue] = [:], headers: HTTPHeaders = HTTPHeaders()) {
        self.status = status
        self.type = type ?? "about:blank"
        self.title = title ?? HTTPStatus.reason(status)
        self.detail = detail
        self.extensions = extensions
        self.headers = headers
    }

    public static func notFound(_ detail: String) -> APIError {
        APIError(status: 404, type: "/problems/not-found", detail: detail)
    }

    public static func badRequest(_ detail: String, parameter: String? = nil) -> APIError {
        var ext: [String: JSONValue] = [:]
        if let parameter { ext["parameter"] = .string(parameter) }
        return APIError(status: 400, type: "/problems/bad-request", detail: detail, extensions: ext)
    }

    /// One entry per bad field, so a client can fix them all in one round.
    public static func invalidFields(_ errors: [FieldError]) -> APIError {
        APIError(
            status: 422, type: "/problems/invalid-fields", title: "Invalid fields",
            detail: errors.count == 1 ? "1 field is invalid." : "\(errors.count) fields are invalid.",
            extensions: ["errors": .array(errors.map { .object(["field": .string($0.field), "message": .string($0.message)]) })])
    }

    /// The problem document's bytes.
    public func body(instance: String? = nil) -> [UInt8] {
        var members: [String: JSONValue] = extensions
        members["type"] = .string(type)
        members["title"] = .string(title)
        members["status"] = .number(Double(status))
        members["detail"] = .string(detail)
        if let instance { members["instance"] = .string(instance) }
        return JSONValue.object(members).serialized()
    }

    public func response(instance: String? = nil) -> HTTPResponse {
        var response = HTTPResponse(status: status, contentType: "application/problem+json; charset=utf-8", body: body(instance: instance))
        for (name, value) in headers.fields { response.headers.add(name, value) }
        return response
    }
}

public struct FieldError: Sendable, Equatable {
    public var field: String
    public var message: String
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}

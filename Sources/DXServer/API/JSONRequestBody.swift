import Foundation

/// Reads a request's JSON body into a `Decodable`, each way it can be wrong answered where it
/// is found: a body that is not declared JSON is 415, one that does not parse as a JSON object
/// is 400, and a member of the wrong type is 422 naming it.
enum JSONRequestBody {
    static func decode<T: Decodable>(_ type: T.Type, from request: Request) throws(APIError) -> T {
        guard isJSON(request.contentType) else {
            // RFC 9110 §15.5.16: say which media type would have been accepted.
            throw APIError(
                status: 415, type: "/problems/unsupported-media-type",
                detail: "The body must be JSON, sent with Content-Type: application/json.",
                headers: HTTPHeaders([("Accept-Post", "application/json")]))
        }
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: Data(request.body))
        } catch {
            throw .badRequest("The body is not valid JSON.")
        }
        guard parsed is [String: Any] else {
            throw .badRequest("The body must be a JSON object.")
        }
        do {
            return try JSONBody.decode(type, from: request.body)
        } catch let error as DecodingError {
            throw .invalidFields([fieldError(error)])
        } catch {
            throw .badRequest("The body could not be read as JSON.")
        }
    }

    /// `application/json` or any `+json` type (RFC 6839), parameters such as charset ignored.
    static func isJSON(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        let mediaType = contentType.split(separator: ";", maxSplits: 1).first.map { $0.trimmingHTTPWhitespace().lowercased() } ?? ""
        return mediaType == "application/json" || (mediaType.hasPrefix("application/") && mediaType.hasSuffix("+json"))
    }

    /// Names the member the way validation problems do: `questions[0].options[2].count`.
    static func fieldError(_ error: DecodingError) -> FieldError {
        switch error {
        case let .typeMismatch(type, context):
            return FieldError(field: path(context.codingPath), message: "must be \(describe(type))")
        case let .valueNotFound(type, context):
            return FieldError(field: path(context.codingPath), message: "must be \(describe(type)), not null")
        case let .keyNotFound(key, context):
            return FieldError(field: path(context.codingPath + [key]), message: "is required")
        case let .dataCorrupted(context):
            return FieldError(field: path(context.codingPath), message: "is out of range or malformed")
        @unknown default:
            return FieldError(field: "", message: "could not be read")
        }
    }

    static func path(_ codingPath: [any CodingKey]) -> String {
        var out = ""
        for key in codingPath {
            if let index = key.intValue {
                out += "[\(index)]"
            } else {
                out += out.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return out
    }

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: "an integer"
        case is Double.Type: "a number"
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is [Any].Type: "an array"
        default: "an object"
        }
    }
}

/// Reads a request's JSON body into a `Decodable`, each way it can be wrong answered where it
/// is found: a body that is not declared JSON is 415, one that does not parse as a JSON object
/// is 400, and a member of the wrong type is 422 naming it.
enum JSONRequestBody {
    /// The body read by the strict `JSONReader`: not UTF-8, not JSON, or a member name given
    /// twice is a 400 saying which (a duplicate names the member in `member`).
    static func value(of request: Request) throws(APIError) -> JSONValue {
        do {
            return try JSONReader.read(request.body)
        } catch {
            var extensions: [String: JSONValue] = [:]
            if case .duplicateMember(let path) = error { extensions["member"] = .string(path) }
            throw APIError(status: 400, type: "/problems/bad-request", detail: error.description, extensions: extensions)
        }
    }

    /// - Parameter integersOnly: the body's type holds no fractions (a survey: ids, years,
    ///   counts), so every number in it must be a whole number of at most 2^53 in size
    ///   (`10`, `10.0` and `1e1` are the same integer); anything else is a 422 naming each
    ///   member, checked here because the decoder's own errors cannot say which member it was.
    /// - Parameter shape: the members the type reads; any other member is a 422 naming it.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, integersOnly: Bool = false,
                                     shape: SurveyInputShape.Node? = nil) throws(APIError) -> T {
        if let problem = mediaTypeProblem(request.headers) { throw problem }
        let body = try value(of: request)
        guard case .object = body else {
            throw .badRequest("The body must be a JSON object.")
        }
        // A member the type does not read is a mistake (a misspelt name), not something to drop.
        if let unknown = shape?.unknownMembers(in: body), !unknown.isEmpty {
            throw .invalidFields(unknown.map { FieldError(field: $0, message: "is not a member of this body") })
        }
        if integersOnly {
            let errors = nonIntegers(in: shape.map { $0.prune(body) } ?? body, path: "")
            if !errors.isEmpty { throw .invalidFields(errors) }
        }
        do {
            return try JSONBody.decode(type, from: Array(JSONReader.withoutBOM(request.body)))
        } catch let error as DecodingError {
            throw .invalidFields([fieldError(error)])
        } catch {
            throw .badRequest("The body could not be read as JSON.")
        }
    }

    /// Integers are exact in a Double up to 2^53, and every integer field has a smaller range.
    static let largestExactInteger = 9_007_199_254_740_992.0

    /// Every number under `value` that is not a whole number within ±2^53, named by its path.
    static func nonIntegers(in value: JSONValue, path: String) -> [FieldError] {
        switch value {
        case .number(let number) where !number.isFinite || abs(number) > largestExactInteger:
            return [FieldError(field: path, message: "is out of range")]
        case .number(let number) where number != number.rounded():
            return [FieldError(field: path, message: "must be an integer, not a fraction")]
        case .array(let items):
            return items.enumerated().flatMap { nonIntegers(in: $1, path: "\(path)[\($0)]") }
        case .object(let members):
            return members.sorted { $0.key < $1.key }.flatMap { nonIntegers(in: $1, path: path.isEmpty ? $0 : "\(path).\($0)") }
        default:
            return []
        }
    }

    /// `application/json` or any `+json` type (RFC 6839) whose `charset`, if given, is UTF-8
    /// (RFC 8259 §8.1: JSON exchanged between systems is UTF-8; `us-ascii` is a subset).
    static func isJSON(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        let parts = contentType.split(separator: ";", omittingEmptySubsequences: false)
        let mediaType = parts.first.map { $0.trimmingHTTPWhitespace().lowercased() } ?? ""
        guard mediaType == "application/json" || (mediaType.hasPrefix("application/") && mediaType.hasSuffix("+json")) else { return false }
        for parameter in parts.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2, pair[0].trimmingHTTPWhitespace().lowercased() == "charset" else { continue }
            var value = pair[1].trimmingHTTPWhitespace().lowercased()
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            guard ["utf-8", "utf8", "us-ascii"].contains(value) else { return false }
        }
        return true
    }

    /// The 415 for a body that is not UTF-8 JSON by its Content-Type (missing, another type,
    /// or another charset), or nil. Judged from the head alone, so `Expect: 100-continue`
    /// refuses the upload with the same answer the whole request gets.
    /// A body sent with a content coding (`Content-Encoding: gzip`, any but `identity`, on any
    /// of its lines) is a 415 too: this server decodes none, and reading gzip bytes as JSON, or
    /// plain JSON labelled gzip as if it were not, would answer what the client did not send
    /// (RFC 9110 §8.4, §15.5.16: the 415 says `Accept-Encoding: identity`).
    static func mediaTypeProblem(_ headers: HTTPHeaders) -> APIError? {
        let codings = headers.values("Content-Encoding").flatMap { $0.split(separator: ",") }
            .map { $0.trimmingHTTPWhitespace().lowercased() }.filter { !$0.isEmpty }
        if codings.contains(where: { $0 != "identity" }) {
            return APIError(
                status: 415, type: "/problems/unsupported-media-type",
                detail: "The body must be sent without a content coding (Content-Encoding: identity or none); this server decodes none.",
                headers: HTTPHeaders([("Accept-Encoding", "identity")]))
        }
        return mediaTypeProblem(headers["Content-Type"])
    }

    static func mediaTypeProblem(_ contentType: String?) -> APIError? {
        guard !isJSON(contentType) else { return nil }
        // RFC 9110 §15.5.16: say which media types would have been accepted.
        return APIError(
            status: 415, type: "/problems/unsupported-media-type",
            detail: "The body must be UTF-8 JSON, sent with Content-Type: application/json (any charset parameter must be utf-8).",
            headers: HTTPHeaders([("Accept-Post", "application/json"), ("Accept-Patch", "application/merge-patch+json, application/json")]))
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

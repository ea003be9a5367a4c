import DXCore

/// What a route handler sees: the HTTP request plus what routing worked out.
public struct Request: Sendable {
    public enum Format: String, Sendable { case json, csv }

    public let http: HTTPRequest
    public let parameters: [String: String]
    public let query: QueryParameters
    public let format: Format
    public let requestID: String
    /// The route's pattern, e.g. `/api/v1/measures/{code}`: a low-cardinality label for metrics.
    public let route: String
    /// The request's If-Match, If-None-Match, If-Modified-Since and If-Unmodified-Since,
    /// parsed once by the service (RFC 9110 §13.1).
    public let preconditions: Preconditions

    /// What absolute URLs in the response start with, e.g. `https://example.org`, no trailing
    /// slash: the configured public URL, else the request's validated scheme and authority;
    /// "" when neither is known (HTTP/1.0 without Host), which leaves URLs relative.
    public let baseURL: String

    public init(http: HTTPRequest, parameters: [String: String] = [:], query: QueryParameters = QueryParameters(),
                format: Format = .json, requestID: String = "-", route: String = "", preconditions: Preconditions = Preconditions(),
                baseURL: String = "") {
        self.http = http
        self.parameters = parameters
        self.query = query
        self.format = format
        self.requestID = requestID
        self.route = route
        self.preconditions = preconditions
        self.baseURL = baseURL
    }

    public var method: String { http.head.method }
    /// The path as sent, still percent-encoded (see `HTTPRequestHead.path`).
    public var path: String { http.head.path }
    public var headers: HTTPHeaders { http.head.headers }
    public var body: [UInt8] { http.body }
    /// The Content-Type singleton. The service refused conflicting duplicates before routing,
    /// so reading it cannot fail here.
    public var contentType: String? { (try? headers.singleton(.contentType)) ?? nil }

    /// A decoded path parameter. One holding a control character (U+0000–U+001F,
    /// U+007F–U+009F) is a 400 naming the parameter: no identifier contains one, and it must
    /// not reach SQL or a message. Every route reads its parameters here, so every route has
    /// the check.
    public func parameter(_ name: String) throws(APIError) -> String {
        guard let value = parameters[name] else { throw .badRequest("Missing path parameter '\(name)'.") }
        if let scalar = ControlCharacters.firstControl(in: value) {
            throw .badRequest("The path parameter '\(name)' contains the control character \(ControlCharacters.name(of: scalar)).", parameter: name)
        }
        return value
    }

    /// `?bom=1` asks for a UTF-8 BOM on CSV, for spreadsheet programs.
    public var wantsBOM: Bool { query["bom"] == "1" }
}

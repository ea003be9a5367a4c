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

    public init(http: HTTPRequest, parameters: [String: String] = [:], query: QueryParameters = QueryParameters(),
                format: Format = .json, requestID: String = "-", route: String = "") {
        self.http = http
        self.parameters = parameters
        self.query = query
        self.format = format
        self.requestID = requestID
        self.route = route
    }

    public var method: String { http.head.method }
    public var path: String { http.head.path }
    public var headers: HTTPHeaders { http.head.headers }
    public var body: [UInt8] { http.body }

    public func parameter(_ name: String) throws(APIError) -> String {
        guard let value = parameters[name] else { throw .badRequest("Missing path parameter '\(name)'.") }
        return value
    }

    /// `?bom=1` asks for a UTF-8 BOM on CSV, for spreadsheet programs.
    public var wantsBOM: Bool { query["bom"] == "1" }
}

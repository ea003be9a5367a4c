public typealias RouteHandler = @Sendable (Request) throws -> HTTPResponse

/// How a route's responses may be treated by the service around it.
public struct RouteOptions: Sendable {
    /// Public GET whose response depends only on the data version and the request target:
    /// kept in the response cache until a write bumps the version, and a hit skips the
    /// handler. Off unless a route opts in, so an authenticated or personalised GET can never
    /// serve one caller's answer to another.
    public var cacheable: Bool
    /// The handler never blocks (no SQLite): it may run on a loop thread.
    public var nonBlocking: Bool
    /// The route is also served as CSV (`.csv` suffix or `Accept: text/csv`).
    public var csv: Bool
    /// A write whose handler evaluates the request's `Preconditions` itself, inside its
    /// store's write transaction; otherwise the service evaluates them before the handler runs.
    public var preconditionsInStore: Bool
    /// Throws (401) when the caller may not make this request at all. The service runs it
    /// before evaluating preconditions: RFC 9110 §13.2.1 ignores them when the answer without
    /// them would not be 2xx/412, so an anonymous write is 401 whatever its If-Match.
    public var authenticate: (@Sendable (Request) throws -> Void)?

    public init(cacheable: Bool = false, nonBlocking: Bool = false, csv: Bool = false, preconditionsInStore: Bool = false,
                authenticate: (@Sendable (Request) throws -> Void)? = nil) {
        self.cacheable = cacheable
        self.nonBlocking = nonBlocking
        self.csv = csv
        self.preconditionsInStore = preconditionsInStore
        self.authenticate = authenticate
    }

    public static let publicRead = RouteOptions(cacheable: true)
    public static let publicCollection = RouteOptions(cacheable: true, csv: true)
    public static let write = RouteOptions()
}

public struct Route: Sendable {
    enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
    }

    public let method: String
    public let pattern: String
    let segments: [Segment]
    public let options: RouteOptions
    let handler: RouteHandler
}

/// Routes as data: a list matched segment by segment. A few dozen routes make a linear scan
/// cheaper than any tree, and it keeps 404 versus 405 decisions in one place.
public struct Router: Sendable {
    public private(set) var routes: [Route] = []
    /// The documented query parameters, checked by the service before any handler runs.
    public var queryRules: QueryParameterRules?

    public init() {}

    public mutating func add(_ method: String, _ pattern: String, options: RouteOptions = RouteOptions(), _ handler: @escaping RouteHandler) {
        let segments = Self.split(pattern).map { part -> Route.Segment in
            if part.hasPrefix("{") && part.hasSuffix("}") {
                return .parameter(String(part.dropFirst().dropLast()))
            }
            return .literal(String(part))
        }
        routes.append(Route(method: method, pattern: pattern, segments: segments, options: options, handler: handler))
    }

    /// Not cached unless `options` says so (`.publicRead`, `.publicCollection`).
    public mutating func get(_ pattern: String, options: RouteOptions = RouteOptions(), _ handler: @escaping RouteHandler) {
        add("GET", pattern, options: options, handler)
    }

    public enum Match {
        case found(Route, parameters: [String: String], format: Request.Format)
        case methodNotAllowed(allowed: [String])
        case notFound
    }

    /// HEAD is answered by the GET route (RFC 9110 §9.3.2). A `.csv` suffix selects the CSV
    /// representation of a route that has one.
    public func match(method: String, path: String) -> Match {
        let parts = Self.split(path)
        var allowed: [String] = []
        for (candidate, format) in [(parts, Request.Format.json)] + csvAlternative(parts) {
            for route in routes {
                if format == .csv && !route.options.csv { continue }
                guard let params = Self.bind(route.segments, to: candidate) else { continue }
                // On a CSV route ending in a parameter, `…/questions/1.csv` is question 1 as
                // CSV, not a question named "1.csv": the suffix belongs to the CSV pass.
                if format == .json, route.options.csv, case .parameter = route.segments.last,
                    candidate.last?.hasSuffix(".csv") == true
                {
                    continue
                }
                if route.method == method || (method == "HEAD" && route.method == "GET") {
                    return .found(route, parameters: params, format: format)
                }
                if !allowed.contains(route.method) { allowed.append(route.method) }
            }
            if !allowed.isEmpty { break }
        }
        if allowed.isEmpty { return .notFound }
        if allowed.contains("GET") && !allowed.contains("HEAD") { allowed.append("HEAD") }
        allowed.append("OPTIONS")
        return .methodNotAllowed(allowed: allowed)
    }

    private func csvAlternative(_ parts: [Substring]) -> [([Substring], Request.Format)] {
        guard let last = parts.last, last.hasSuffix(".csv"), last.count > 4 else { return [] }
        var stripped = parts
        stripped[stripped.count - 1] = last.dropLast(4)
        return [(stripped, .csv)]
    }

    private static func bind(_ segments: [Route.Segment], to parts: [Substring]) -> [String: String]? {
        guard segments.count == parts.count else { return nil }
        var params: [String: String] = [:]
        for (segment, part) in zip(segments, parts) {
            switch segment {
            case let .literal(text):
                guard text == part else { return nil }
            case let .parameter(name):
                guard !part.isEmpty else { return nil }
                params[name] = String(part)
            }
        }
        return params
    }

    /// A trailing slash names the same resource: `/api/v1/measures/` is `/api/v1/measures`.
    static func split(_ path: String) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: true)
    }
}

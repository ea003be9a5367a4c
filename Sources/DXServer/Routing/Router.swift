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
    /// The handler requires `Authorization: Bearer TOKEN` (401 otherwise). Lets a head with
    /// `Expect: 100-continue` and no Bearer credentials be answered before its body.
    public var requiresToken: Bool
    /// A non-empty body must be JSON (415 otherwise), judged from the head's Content-Type.
    public var acceptsJSONBody: Bool
    /// A write whose handler evaluates the request's `Preconditions` itself, inside its
    /// store's write transaction; otherwise the service evaluates them before the handler runs.
    public var preconditionsInStore: Bool
    /// Throws (401) when the caller may not make this request at all. The service runs it
    /// before evaluating preconditions: RFC 9110 §13.2.1 ignores them when the answer without
    /// them would not be 2xx/412, so an anonymous write is 401 whatever its If-Match.
    public var authenticate: (@Sendable (Request) throws -> Void)?

    public init(cacheable: Bool = false, nonBlocking: Bool = false, csv: Bool = false,
                requiresToken: Bool = false, acceptsJSONBody: Bool = false, preconditionsInStore: Bool = false,
                authenticate: (@Sendable (Request) throws -> Void)? = nil) {
        self.cacheable = cacheable
        self.nonBlocking = nonBlocking
        self.csv = csv
        self.requiresToken = requiresToken
        self.acceptsJSONBody = acceptsJSONBody
        self.preconditionsInStore = preconditionsInStore
        self.authenticate = authenticate
    }

    public static let publicRead = RouteOptions(cacheable: true)
    public static let publicCollection = RouteOptions(cacheable: true, csv: true)
    /// An admin write: Bearer token, JSON body.
    public static let write = RouteOptions(requiresToken: true, acceptsJSONBody: true)
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
/// cheaper than any tree, and it keeps the 400/404/405/501 decisions in one place.
///
/// Paths are matched on their raw segments, each decoded only after the split (RFC 3986
/// §2.2), so `%2F` is data inside a segment: `/api%2Fv1%2Fmeasures` is one segment and names
/// nothing. Every resource has exactly one spelling:
/// - A dot-segment (`.` or `..`, also spelled `%2E`/`%2e`, which RFC 3986 §2.3/§6.2.2.2 makes
///   the same characters) is refused with 400 rather than normalised by RFC 3986 §5.2.4.
///   That algorithm is for resolving references on the client side; browsers and curl apply
///   it before sending, so only hand-made or hostile requests arrive with dot-segments, and
///   refusing them means no path can climb out of where it appears to point or reach a
///   resource by a spelling a proxy in front of us would judge differently.
/// - An empty segment (`//`, or a trailing `/`) is never collapsed: no route has an empty
///   segment, so such a path is 404. `/api/v1/measures/` is not `/api/v1/measures`.
/// - `/` alone is the root, the path with no segments.
public struct Router: Sendable {
    public private(set) var routes: [Route] = []
    /// The documented query parameters, checked by the service before any handler runs.
    public var queryRules: QueryParameterRules?
    /// The answer for a path no route matches, when it is not problem+json: the pages' HTML
    /// 404 (`PageRoutes`). nil, or a nil answer, leaves the problem document.
    public var notFoundPage: (@Sendable (HTTPRequestHead) -> HTTPResponse?)?
    /// Every method some resource answers: OPTIONS, which the service answers for every
    /// resource, the routes' methods, and HEAD wherever GET is (RFC 9110 §9.3.2).
    public private(set) var implementedMethods: [String] = ["OPTIONS"]

    public init() {}

    public mutating func add(_ method: String, _ pattern: String, options: RouteOptions = RouteOptions(), _ handler: @escaping RouteHandler) {
        let segments = Self.split(pattern).map { part -> Route.Segment in
            if part.hasPrefix("{") && part.hasSuffix("}") {
                return .parameter(String(part.dropFirst().dropLast()))
            }
            return .literal(String(part))
        }
        routes.append(Route(method: method, pattern: pattern, segments: segments, options: options, handler: handler))
        for implied in [method] + (method == "GET" ? ["HEAD"] : []) where !implementedMethods.contains(implied) {
            implementedMethods.append(implied)
        }
    }

    /// Not cached unless `options` says so (`.publicRead`, `.publicCollection`).
    public mutating func get(_ pattern: String, options: RouteOptions = RouteOptions(), _ handler: @escaping RouteHandler) {
        add("GET", pattern, options: options, handler)
    }

    public enum Match {
        case found(Route, parameters: [String: String], format: Request.Format)
        /// The resource exists but not with this method: 405 with `Allow` (RFC 9110 §15.5.6).
        case methodNotAllowed(allowed: [String])
        case notFound
        /// No resource at all offers this method: 501 (RFC 9110 §15.6.2), whatever the path.
        case notImplemented
        /// The path has a dot-segment: 400. The index is that of the first one.
        case dotSegment(index: Int)
    }

    /// Matches a raw path as sent (still percent-encoded): split, decode, then match.
    /// Malformed percent-encoding matches nothing.
    public func match(method: String, path: String) -> Match {
        match(method: method, segments: HTTPRequestTarget.segments(of: path) ?? [""])
    }

    /// Decides, in this order: 501 for a method no route has, 400 for a dot-segment, then the
    /// route, 405 when the path exists with other methods only, else 404.
    /// HEAD is answered by the GET route (RFC 9110 §9.3.2). A `.csv` suffix selects the CSV
    /// representation of a route that has one.
    public func match(method: String, segments: [String]) -> Match {
        guard implementedMethods.contains(method) else { return .notImplemented }
        if let index = segments.firstIndex(where: Self.isDotSegment) { return .dotSegment(index: index) }
        var allowed: [String] = []
        for (candidate, format) in [(segments, Request.Format.json)] + csvAlternative(segments) {
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

    /// `.` and `..` (RFC 3986 §3.3), compared after decoding so `%2E%2e` counts too.
    static func isDotSegment(_ segment: String) -> Bool {
        segment == "." || segment == ".."
    }

    private func csvAlternative(_ parts: [String]) -> [([String], Request.Format)] {
        guard let last = parts.last, last.hasSuffix(".csv"), last.count > 4 else { return [] }
        var stripped = parts
        stripped[stripped.count - 1] = String(last.dropLast(4))
        return [(stripped, .csv)]
    }

    private static func bind(_ segments: [Route.Segment], to parts: [String]) -> [String: String]? {
        guard segments.count == parts.count else { return nil }
        var params: [String: String] = [:]
        for (segment, part) in zip(segments, parts) {
            switch segment {
            case let .literal(text):
                guard text == part else { return nil }
            case let .parameter(name):
                guard !part.isEmpty else { return nil }
                params[name] = part
            }
        }
        return params
    }

    /// A pattern's segments. Patterns are written by us without empty segments.
    static func split(_ pattern: String) -> [Substring] {
        pattern.split(separator: "/", omittingEmptySubsequences: true)
    }
}

/// The responder the engine calls: routing, then everything every response shares — request
/// ids, CORS, OPTIONS, 404/405, problem+json, ETag/304, gzip and the response cache — so that
/// route handlers only produce representations.
public final class HTTPService: HTTPResponder {
    public let router: Router
    public let metrics: Metrics
    let cache = ResponseCache()
    private let dataVersion: @Sendable () -> UInt64
    private let requestIDs = RequestIDGenerator()
    private let onInternalError: @Sendable (String) -> Void

    static let compressibleMinimum = 1024
    /// Every request field a browser client may need to send (Fetch's CORS preflight).
    static let corsAllowHeaders = "Accept, Accept-Encoding, Authorization, Content-Type, Idempotency-Key, If-Match, If-Modified-Since, If-None-Match, If-Unmodified-Since, X-Request-Id"
    /// Every response field a browser client may need to read beyond the CORS-safelisted ones
    /// (Fetch §3.2.3); Last-Modified is safelisted but listed so the set is explicit.
    static let corsExposeHeaders = "Accept-Patch, Accept-Post, Allow, Content-Disposition, ETag, Idempotent-Replayed, Last-Modified, Link, Location, Retry-After, WWW-Authenticate, X-Request-Id"

    /// `dataVersion` changes whenever any data changes; cached representations are valid for
    /// one version only.
    public init(router: Router, metrics: Metrics = Metrics(), dataVersion: @escaping @Sendable () -> UInt64 = { 0 },
                onInternalError: @escaping @Sendable (String) -> Void = { _ in }) {
        self.router = router
        self.metrics = metrics
        self.dataVersion = dataVersion
        self.onInternalError = onInternalError
        metrics.addGauge("dxserve_response_cache_hits_total", help: "Responses served from the response cache.") { [cache] in
            Double(cache.hitCount)
        }
        metrics.addGauge("dxserve_response_cache_misses_total", help: "Cacheable requests that had to be computed.") { [cache] in
            Double(cache.missCount)
        }
    }

    // MARK: - HTTPResponder

    public func respondWithoutBlocking(to request: HTTPRequest) -> HTTPResponse? {
        let method = request.head.method
        guard method == "GET" || method == "HEAD" else { return nil }
        guard case let .found(route, _, format) = router.match(method: method, path: request.head.path) else { return nil }
        if route.options.nonBlocking { return respond(to: request) }
        guard route.options.cacheable else { return nil }
        // Conflicting singletons and unacceptable types are answered by the full path.
        guard (try? request.head.headers.validateSingletons()) != nil,
              let preconditions = try? Preconditions(request.head.headers),
              let negotiated = negotiatedFormat(request, route: route, suffix: format)
        else { return nil }
        let started = MonotonicClock.now()
        let key = Self.cacheKey(request, format: negotiated)
        guard let cached = cache.lookup(key, version: dataVersion()) else { return nil }
        let response = finalize(cached, for: request, preconditions: preconditions,
                                requestID: requestIDs.id(for: request.head.headers), cacheable: true,
                                negotiable: route.options.csv && format == .json)
        metrics.record(route: route.pattern, status: response.status, seconds: Double(MonotonicClock.now() &- started) / 1e9)
        return response
    }

    public func respond(to request: HTTPRequest) -> HTTPResponse {
        let started = MonotonicClock.now()
        let requestID = requestIDs.id(for: request.head.headers)
        let (response, routeLabel) = route(request, requestID: requestID)
        metrics.record(route: routeLabel, status: response.status, seconds: Double(MonotonicClock.now() &- started) / 1e9)
        return response
    }

    public func errorResponse(status: Int, detail: String) -> HTTPResponse {
        let problem = APIError(status: status, detail: detail)
        var response = problem.response()
        response.headers.add("Access-Control-Allow-Origin", "*")
        response.headers.add("X-Request-Id", requestIDs.id(for: HTTPHeaders()))
        metrics.record(route: "(unparsed)", status: status, seconds: 0)
        return response
    }

    // MARK: - Pipeline

    private func route(_ request: HTTPRequest, requestID: String) -> (HTTPResponse, String) {
        let head = request.head
        let instance = head.receivedPath
        // RFC 9110 §5.3: a singleton field with two different values is ambiguous, whichever
        // route would read it.
        let preconditions: Preconditions
        do {
            try head.headers.validateSingletons()
            preconditions = try Preconditions(head.headers)
        } catch {
            return (decorate(problemResponse(for: error, instance: instance, requestID: requestID), requestID: requestID), "(none)")
        }
        if head.method == "OPTIONS" { return (options(request, requestID: requestID), "OPTIONS") }
        switch router.match(method: head.method, path: head.path) {
        case .notFound:
            let error = APIError.notFound("No resource at \(head.path).")
            return (decorate(error.response(instance: instance), requestID: requestID), "(none)")
        case let .methodNotAllowed(allowed):
            let error = APIError(status: 405, detail: "\(head.method) is not allowed here; use \(allowed.joined(separator: ", ")).",
                                 headers: HTTPHeaders([("Allow", allowed.joined(separator: ", "))]))
            return (decorate(error.response(instance: instance), requestID: requestID), "(none)")
        case let .found(route, parameters, suffixFormat):
            guard let format = negotiatedFormat(request, route: route, suffix: suffixFormat) else {
                let error = APIError(
                    status: 406, type: "/problems/not-acceptable",
                    detail: "This resource is available as application/json or text/csv (or with the .csv suffix); the Accept header refuses both.",
                    extensions: ["available": .array(Self.negotiableTypes.map(JSONValue.string))])
                var response = decorate(error.response(instance: instance), requestID: requestID)
                response.headers.add("Vary", "Accept")
                return (response, route.pattern)
            }
            let isRead = head.method == "GET" || head.method == "HEAD"
            // Read the version before the handler runs: a write landing meanwhile makes this
            // entry stale at once instead of hiding the write.
            let version = dataVersion()
            var response: HTTPResponse
            do {
                let query = try QueryParameters(parsing: head.query)
                try router.queryRules?.validate(query, method: head.method, pattern: route.pattern, format: suffixFormat)
                let req = Request(http: request, parameters: parameters, query: query, format: format,
                                  requestID: requestID, route: route.pattern, preconditions: preconditions)
                if !isRead && !route.options.preconditionsInStore && !preconditions.isEmpty {
                    try route.options.authenticate?(req)
                    try checkWritePreconditions(req)
                }
                response = try route.handler(req)
            } catch {
                response = problemResponse(for: error, instance: instance, requestID: requestID)
                return (decorate(response, requestID: requestID), route.pattern)
            }
            if isRead && response.status == 200 {
                let representation = makeRepresentation(response)
                if route.options.cacheable {
                    cache.store(Self.cacheKey(request, format: format), version: version, representation)
                }
                return (finalize(representation, for: request, preconditions: preconditions, requestID: requestID,
                                 cacheable: route.options.cacheable,
                                 negotiable: route.options.csv && suffixFormat == .json), route.pattern)
            }
            return (decorate(response, requestID: requestID), route.pattern)
        }
    }

    /// The representations of a CSV route, in the server's order of preference.
    static let negotiableTypes = ["application/json", "text/csv"]

    /// `.csv` in the path wins; otherwise `Accept` decides by q-value and specificity
    /// (`ContentNegotiator`, RFC 9110 §12.5.1). nil when Accept refuses both (406). Routes with
    /// one representation ignore Accept.
    private func negotiatedFormat(_ request: HTTPRequest, route: Route, suffix: Request.Format) -> Request.Format? {
        if suffix == .csv { return .csv }
        guard route.options.csv else { return .json }
        switch ContentNegotiator.choose(Self.negotiableTypes, accept: request.head.headers.list(.accept)) {
        case "text/csv": return .csv
        case "application/json": return .json
        default: return nil
        }
    }

    /// RFC 9110 §13.2: a write whose handler does not evaluate the preconditions itself (in
    /// its store's transaction) has them evaluated here, before it runs, against the current
    /// representation: what a GET of the same target answers now. No GET route, or a GET that
    /// does not answer 200, means there is no current representation.
    private func checkWritePreconditions(_ request: Request) throws {
        var etag: String?
        var lastModified: Int?
        if case let .found(getRoute, parameters, _) = router.match(method: "GET", path: request.path) {
            var head = request.http.head
            head.method = "GET"
            let read = Request(http: HTTPRequest(head: head), parameters: parameters, query: request.query, format: .json,
                               requestID: request.requestID, route: getRoute.pattern)
            if let current = try? getRoute.handler(read), current.status == 200 {
                etag = current.headers["ETag"] ?? ETag.of(current.body)
                lastModified = current.headers["Last-Modified"].flatMap(HTTPDate.parse)
            }
        }
        if case let .failed(field) = request.preconditions.evaluate(etag: etag, lastModified: lastModified, method: request.method) {
            throw Preconditions.failure(field, etag: etag, lastModified: lastModified)
        }
    }

    /// The elements of a comma list with their q-values (RFC 9110 §12.4.2; an invalid q is 0),
    /// lower-cased. Never traps on hostile input: empty elements and bare ";" are skipped.
    static func weightedElements(_ elements: [String]) -> [(value: String, q: Double)] {
        var out: [(value: String, q: Double)] = []
        for element in elements {
            let parts = element.split(separator: ";", omittingEmptySubsequences: false)
            guard let first = parts.first else { continue }
            let value = first.trimmingHTTPWhitespace().lowercased()
            guard !value.isEmpty else { continue }
            out.append((value: value, q: ContentNegotiator.qValue(parts.dropFirst())))
        }
        return out
    }

    /// The raw target cannot contain "#" or a decoded "?", so the key is unambiguous. Host and
    /// the forwarded scheme are part of it because collection responses carry an absolute
    /// `Link` built from them: a client sending a forged Host only ever poisons its own entry.
    private static func cacheKey(_ request: HTTPRequest, format: Request.Format) -> String {
        let headers = request.head.headers
        var key = request.head.target
        key += format == .csv ? "#csv#" : "#json#"
        // Singletons were validated before the cache is consulted.
        key += (try? headers.singleton(.host)).flatMap { $0 } ?? ""
        if (try? headers.singleton(.xForwardedProto)) == "https" { key += "#https" }
        return key
    }

    private func makeRepresentation(_ response: HTTPResponse) -> CachedRepresentation {
        let etag = response.headers["ETag"] ?? ETag.of(response.body)
        var gzipped: [UInt8]?
        if response.body.count >= Self.compressibleMinimum && Self.isCompressible(response.headers["Content-Type"]) {
            gzipped = try? Gzip.compress(response.body)
            if let g = gzipped, g.count >= response.body.count { gzipped = nil }
        }
        var headers = response.headers
        headers.remove("ETag")
        return CachedRepresentation(status: response.status, headers: headers, body: response.body, etag: etag, gzipped: gzipped)
    }

    static func isCompressible(_ contentType: String?) -> Bool {
        guard let type = contentType?.lowercased() else { return false }
        return type.hasPrefix("application/json") || type.hasPrefix("application/problem+json") || type.hasPrefix("text/")
            || type.hasPrefix("image/svg+xml") || type.hasPrefix("application/openmetrics")
    }

    /// Turns a representation into the response for this request: the preconditions of
    /// RFC 9110 §13.2.2 (412, or 304), then gzip when the client accepts it.
    /// `negotiable`: the representation was chosen by `Accept` (a CSV route without `.csv`),
    /// so caches must key on it too.
    private func finalize(_ rep: CachedRepresentation, for request: HTTPRequest, preconditions: Preconditions, requestID: String,
                          cacheable: Bool, negotiable: Bool) -> HTTPResponse {
        let headers = request.head.headers
        var response = HTTPResponse(status: rep.status, headers: rep.headers, body: rep.body)
        let useGzip = rep.gzipped != nil && Self.acceptsGzip(headers.list(.acceptEncoding))
        let etag = rep.etag.map { useGzip ? ETag.gzipVariant($0) : $0 }
        if negotiable {
            response.headers.add("Vary", "Accept, Accept-Encoding")
        } else if rep.gzipped != nil || Self.isCompressible(rep.headers["Content-Type"]) {
            response.headers.add("Vary", "Accept-Encoding")
        }
        if let etag {
            response.headers.add("ETag", etag)
            if cacheable { response.headers.add("Cache-Control", "no-cache") }
        }
        let lastModified = rep.headers["Last-Modified"].flatMap(HTTPDate.parse)
        switch preconditions.evaluate(etag: rep.etag, lastModified: lastModified, method: request.head.method) {
        case .proceed:
            break
        case .notModified:
            // RFC 9110 §15.4.5: a 304 carries the validators and Vary, but no content headers.
            var notModified = HTTPResponse(status: 304)
            for name in ["ETag", "Cache-Control", "Vary", "Last-Modified"] {
                if let v = response.headers[name] { notModified.headers.add(name, v) }
            }
            return decorate(notModified, requestID: requestID)
        case .failed(let field):
            let error = Preconditions.failure(field, etag: rep.etag, lastModified: lastModified)
            return decorate(error.response(instance: request.head.receivedPath), requestID: requestID)
        }
        if useGzip, let gz = rep.gzipped {
            response.body = gz
            response.headers.add("Content-Encoding", "gzip")
        }
        return decorate(response, requestID: requestID)
    }

    /// RFC 9110 §12.5.3: gzip with a non-zero q-value; an explicit `gzip` entry outranks `*`.
    static func acceptsGzip(_ elements: [String]) -> Bool {
        var wildcard: Double?
        for element in weightedElements(elements) {
            if element.value == "gzip" || element.value == "x-gzip" { return element.q > 0 }
            if element.value == "*" { wildcard = element.q }
        }
        return (wildcard ?? 0) > 0
    }

    private func decorate(_ response: HTTPResponse, requestID: String) -> HTTPResponse {
        var response = response
        response.headers.add("X-Request-Id", requestID)
        // Public data: any origin may read it. No credentials are involved (tokens travel in
        // Authorization, which is not a CORS credential), so "*" is safe.
        response.headers.add("Access-Control-Allow-Origin", "*")
        response.headers.add("Access-Control-Expose-Headers", Self.corsExposeHeaders)
        return response
    }

    private func options(_ request: HTTPRequest, requestID: String) -> HTTPResponse {
        let head = request.head
        var allowed: [String]
        if head.path == "*" {
            allowed = ["GET", "HEAD", "POST", "PATCH", "DELETE", "OPTIONS"]
        } else {
            switch router.match(method: "OPTIONS", path: head.path) {
            case .notFound:
                return decorate(APIError.notFound("No resource at \(head.path).").response(instance: head.receivedPath), requestID: requestID)
            case let .methodNotAllowed(methods):
                allowed = methods
            case .found:
                allowed = ["OPTIONS"]
            }
        }
        var response = HTTPResponse(status: 204)
        response.headers.add("Allow", allowed.joined(separator: ", "))
        if (try? head.headers.singleton(.accessControlRequestMethod)) ?? nil != nil {
            response.headers.add("Access-Control-Allow-Methods", allowed.joined(separator: ", "))
            response.headers.add("Access-Control-Allow-Headers", Self.corsAllowHeaders)
            response.headers.add("Access-Control-Max-Age", "86400")
        }
        return decorate(response, requestID: requestID)
    }

    /// The one place errors become statuses. Anything unexpected is a 500 whose detail names
    /// the request id, never the internal message.
    func problemResponse(for error: any Error, instance: String, requestID: String) -> HTTPResponse {
        if let convertible = error as? any ProblemConvertible {
            let problem = convertible.apiError
            // A 5xx is the server's fault even when a lower layer named it: an operator must see it.
            if problem.status >= 500 { onInternalError("request_id=\(requestID) status=\(problem.status) error=\(String(describing: error))") }
            return problem.response(instance: instance)
        }
        onInternalError("request_id=\(requestID) error=\(String(describing: error))")
        return APIError(status: 500, detail: "An internal error occurred (request id \(requestID)).").response(instance: instance)
    }
}

/// The responder the engine calls: routing, then everything every response shares — request
/// ids, CORS, OPTIONS, 404/405, problem+json, ETag/304, gzip and the response cache — so that
/// route handlers only produce representations.
public final class HTTPService: HTTPResponder {
    public let router: Router
    public let metrics: Metrics
    let cache = ResponseCache()
    private let currentVersion: @Sendable () -> UInt64
    let requestIDs = RequestIDGenerator()
    private let onInternalError: @Sendable (String) -> Void
    /// When set, the only base of absolute URLs; see `baseURL(for:)`.
    public let publicURL: PublicURL?
    /// Set on a read replica: every write is refused with its 503 (`ReadOnlyReplica`).
    public let replica: ReadOnlyReplica?
    /// Trusted proxies, the failed-authentication limit and the expensive-request cap.
    public let abuse: AbuseControl

    static let compressibleMinimum = 1024
    /// Every request field a browser client may need to send (Fetch's CORS preflight).
    static let corsAllowHeaders = "Accept, Accept-Encoding, Authorization, Content-Type, Idempotency-Key, If-Match, If-Modified-Since, If-None-Match, If-Unmodified-Since, X-Request-Id"
    /// Every response field a browser client may need to read beyond the CORS-safelisted ones
    /// (Fetch §3.2.3); Last-Modified is safelisted but listed so the set is explicit.
    static let corsExposeHeaders = "Accept-Patch, Accept-Post, Allow, Content-Disposition, ETag, Idempotent-Replayed, Last-Modified, Link, Location, Retry-After, WWW-Authenticate, X-Request-Id"

    /// `dataVersion` changes whenever any data changes; cached representations are valid for
    /// one version only. `publicURL`, when set, is the base of every absolute URL built.
    public init(router: Router, metrics: Metrics = Metrics(), dataVersion: @escaping @Sendable () -> UInt64 = { 0 },
                publicURL: PublicURL? = nil, replica: ReadOnlyReplica? = nil, abuse: AbuseControl = AbuseControl(),
                onInternalError: @escaping @Sendable (String) -> Void = { _ in }) {
        self.router = router
        self.abuse = abuse
        self.publicURL = publicURL
        self.replica = replica
        self.metrics = metrics
        self.currentVersion = dataVersion
        self.onInternalError = onInternalError
        metrics.addCounter("dxserve_response_cache_hits_total", help: "Responses served from the response cache.") { [cache] in
            Double(cache.hitCount)
        }
        metrics.addCounter("dxserve_response_cache_misses_total", help: "Cacheable requests that had to be computed.") { [cache] in
            Double(cache.missCount)
        }
        abuse.registerMetrics(on: metrics)
    }

    // MARK: - HTTPResponder

    public func respondWithoutBlocking(to request: HTTPRequest) -> HTTPResponse? {
        let method = request.head.method
        guard method == "GET" || method == "HEAD" else { return nil }
        guard case let .found(route, _, format) = router.match(method: method, segments: request.head.pathSegments) else { return nil }
        if route.options.nonBlocking { return respond(to: request) }
        guard route.options.cacheable else { return nil }
        // Conflicting singletons and unacceptable types are answered by the full path.
        guard (try? request.head.headers.validateSingletons()) != nil,
              let preconditions = try? Preconditions(request.head.headers),
              let negotiated = negotiatedFormat(request, route: route, suffix: format)
        else { return nil }
        let started = MonotonicClock.now()
        let key = cacheKey(request, format: negotiated)
        let version = currentVersion()
        guard let cached = cache.lookup(key, version: version) else { return nil }
        var response = finalize(cached, for: request, preconditions: preconditions,
                                requestID: requestIDs.id(for: request.head.headers), cacheable: true,
                                negotiable: route.options.csv && format == .json)
        if isReplayable(request.head) { response.replay = Self.replayTag(response, version: version, route: route.pattern) }
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

    public func errorResponse(status: Int, detail: String, instance: String?) -> HTTPResponse {
        let problem = APIError(status: status, detail: detail)
        var response = problem.response(instance: instance)
        response.headers.add("Access-Control-Allow-Origin", "*")
        response.headers.add("X-Request-Id", requestIDs.id(for: HTTPHeaders()))
        metrics.record(route: "(unparsed)", status: status, seconds: 0)
        return response
    }

    public var dataVersion: UInt64 { currentVersion() }

    public func client(of head: HTTPRequestHead) -> IPAddress? { abuse.trustedProxies.client(of: head) }

    public func appendRequestID(to bytes: inout [UInt8]) { requestIDs.appendNew(to: &bytes) }

    public func replayRecorder(route: String, status: Int) -> @Sendable (UInt64) -> Void {
        let series = metrics.series(route: route, status: status)
        return { [metrics, cache] nanoseconds in
            cache.noteHit()
            metrics.record(series, nanoseconds: nanoseconds)
        }
    }

    /// A cacheable route's 200 or 304 is a function of the request head and the data version,
    /// so the engine may replay it for a byte-identical head while the version holds.
    private static func replayTag(_ response: HTTPResponse, version: UInt64, route: String) -> ReplayTag? {
        response.status == 200 || response.status == 304 ? ReplayTag(version: version, route: route) : nil
    }

    // MARK: - Pipeline

    /// What the head alone decides before any handler runs, in the pipeline's order. The
    /// `Expect: 100-continue` check asks the same (`HTTPService+Expect`), so a refused upload
    /// gets exactly the answer the whole request would have had.
    enum Screening {
        /// Answered without a handler, with the route label for metrics.
        case answered(HTTPResponse, route: String)
        case admitted(Admission)
    }

    /// A request that passed screening, with what routing and parsing worked out.
    struct Admission {
        let route: Route
        let suffixFormat: Request.Format
        let client: IPAddress?
        let request: Request
    }

    func screen(_ request: HTTPRequest, requestID: String) -> Screening {
        let head = request.head
        // The path as sent, still percent-encoded: a URI reference (RFC 9457 §3.1.5).
        let instance = head.path
        // RFC 9110 §5.3: a singleton field with two different values is ambiguous, whichever
        // route would read it.
        let preconditions: Preconditions
        do {
            try head.headers.validateSingletons()
            preconditions = try Preconditions(head.headers)
        } catch {
            return .answered(decorate(problemResponse(for: error, instance: instance, requestID: requestID), requestID: requestID), route: "(none)")
        }
        if head.method == "OPTIONS" { return .answered(options(request, requestID: requestID), route: "OPTIONS") }
        switch router.match(method: head.method, segments: head.pathSegments) {
        case .notImplemented:
            // RFC 9110 §15.6.2: no resource here offers this method, so it is the server that
            // lacks it, not this resource (which would be 405).
            let error = APIError(status: 501, type: "/problems/not-implemented",
                                 detail: "This server does not implement the \(head.method) method on any resource.")
            return .answered(decorate(error.response(instance: head.path), requestID: requestID), route: "(none)")
        case let .dotSegment(index):
            return .answered(decorate(Self.dotSegmentError(head, index: index).response(instance: head.path), requestID: requestID), route: "(none)")
        case .notFound:
            if let page = router.notFoundPage?(head) { return .answered(decorate(page, requestID: requestID), route: "(none)") }
            let error = APIError.notFound("No resource at \(head.path).\(Self.emptySegmentHint(head))")
            return .answered(decorate(error.response(instance: head.path), requestID: requestID), route: "(none)")
        case let .methodNotAllowed(allowed):
            let error = APIError(status: 405, detail: "\(head.method) is not allowed here; use \(allowed.joined(separator: ", ")).",
                                 headers: HTTPHeaders([("Allow", allowed.joined(separator: ", "))]))
            return .answered(decorate(error.response(instance: instance), requestID: requestID), route: "(none)")
        case let .found(route, parameters, suffixFormat):
            let client = abuse.trustedProxies.client(of: head)
            if route.options.requiresToken, let client, let wait = abuse.authFailures.retryAfter(client) {
                abuse.authFailures.noteRefused()
                return .answered(decorate(AbuseControl.tooManyFailures(retryAfter: wait).response(instance: instance), requestID: requestID), route: route.pattern)
            }
            guard let format = negotiatedFormat(request, route: route, suffix: suffixFormat) else {
                let error = APIError(
                    status: 406, type: "/problems/not-acceptable",
                    detail: "This resource is available as application/json or text/csv (or with the .csv suffix); the Accept header refuses both.",
                    extensions: ["available": .array(Self.negotiableTypes.map(JSONValue.string))])
                var response = decorate(error.response(instance: instance), requestID: requestID)
                response.headers.add("Vary", "Accept")
                return .answered(response, route: route.pattern)
            }
            let isRead = head.method == "GET" || head.method == "HEAD"
            if !isRead, let replica { return .answered(decorate(replica.refusal(for: head), requestID: requestID), route: route.pattern) }
            do {
                let query = try QueryParameters(parsing: head.query)
                try router.queryRules?.validate(query, method: head.method, pattern: route.pattern, format: suffixFormat)
                let req = Request(http: request, parameters: parameters, query: query, format: format,
                                  requestID: requestID, route: route.pattern, preconditions: preconditions,
                                  baseURL: baseURL(for: head))
                return .admitted(Admission(route: route, suffixFormat: suffixFormat, client: client, request: req))
            } catch {
                return .answered(decorate(problemResponse(for: error, instance: instance, requestID: requestID), requestID: requestID), route: route.pattern)
            }
        }
    }

    /// A wrong or malformed token counts against the client; a request that sent none is not
    /// an attempt (it learns only that a token is needed).
    func noteAuthenticationFailure(_ response: HTTPResponse, _ admission: Admission) {
        if admission.route.options.requiresToken && response.status == 401, let client = admission.client,
           admission.request.headers.contains("Authorization") {
            abuse.authFailures.recordFailure(client)
        }
    }

    private func route(_ request: HTTPRequest, requestID: String) -> (HTTPResponse, String) {
        let admission: Admission
        switch screen(request, requestID: requestID) {
        case let .answered(response, label): return (response, label)
        case let .admitted(admitted): admission = admitted
        }
        let head = request.head
        let instance = head.path
        let route = admission.route
        let req = admission.request
        let suffixFormat = admission.suffixFormat
        let isRead = head.method == "GET" || head.method == "HEAD"
        // Read the version before the handler runs: a write landing meanwhile makes this
        // entry stale at once instead of hiding the write.
        let version = currentVersion()
        var response: HTTPResponse
        // Held until the handler returns, or by a streamed body until it ends.
        var permit: ExpensiveRequestGate.Permit?
        defer { permit?.release() }
        do {
            if !isRead && !route.options.preconditionsInStore && !req.preconditions.isEmpty {
                try route.options.authenticate?(req)
                try checkWritePreconditions(req)
            }
            if isRead && Self.isExpensive(req.query) {
                guard let admitted = abuse.expensiveRequests.enter() else {
                    return (decorate(abuse.busy().response(instance: instance), requestID: requestID), route.pattern)
                }
                permit = admitted
            }
            response = try route.handler(req)
            if isRead && response.status == 200, let stream = response.stream {
                guard let admitted = permit ?? abuse.expensiveRequests.enter() else {
                    return (decorate(abuse.busy().response(instance: instance), requestID: requestID), route.pattern)
                }
                response.stream = GatedBodyStream(stream, permit: admitted)
                permit = nil
            }
        } catch {
            response = problemResponse(for: error, instance: instance, requestID: requestID)
            noteAuthenticationFailure(response, admission)
            return (decorate(response, requestID: requestID), route.pattern)
        }
        if isRead && response.status == 200 && response.stream != nil {
            return (streamed(response, for: request, preconditions: req.preconditions, requestID: requestID,
                             negotiable: route.options.csv && suffixFormat == .json), route.pattern)
        }
        if isRead && response.status == 200 {
            let representation = makeRepresentation(response)
            if route.options.cacheable {
                cache.store(cacheKey(request, format: req.format), version: version, representation)
            }
            var response = finalize(representation, for: request, preconditions: req.preconditions, requestID: requestID,
                                    cacheable: route.options.cacheable,
                                    negotiable: route.options.csv && suffixFormat == .json)
            if route.options.cacheable && isReplayable(head) {
                response.replay = Self.replayTag(response, version: version, route: route.pattern)
            }
            return (response, route.pattern)
        }
        return (decorate(response, requestID: requestID), route.pattern)
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
        var modifiedAt: Int?
        if case let .found(getRoute, parameters, _) = router.match(method: "GET", path: request.path) {
            var head = request.http.head
            head.method = "GET"
            let read = Request(http: HTTPRequest(head: head), parameters: parameters, query: request.query, format: .json,
                               requestID: request.requestID, route: getRoute.pattern)
            if let current = try? getRoute.handler(read), current.status == 200 {
                etag = current.headers["ETag"] ?? ETag.of(current.body)
                modifiedAt = Self.modifiedAt(current.modifiedAt, lastModifiedField: current.headers["Last-Modified"])
            }
        }
        if case let .failed(field) = request.preconditions.evaluate(etag: etag, modifiedAt: modifiedAt, method: request.method) {
            throw Preconditions.failure(field, etag: etag, modifiedAt: modifiedAt)
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

    /// The key holds everything a cached response depends on: the raw path and query, the
    /// format, and the base of the absolute URLs in it (`Link`). The path and query cannot
    /// contain "#", so the key is unambiguous. With a public URL the base is the same for every
    /// request; without one, a client sending its own Host only ever reaches its own entry.
    private func cacheKey(_ request: HTTPRequest, format: Request.Format) -> String {
        let head = request.head
        var key = head.path
        if let query = head.query { key += "?" + query }
        key += format == .csv ? "#csv#" : "#json#"
        key += baseURL(for: head)
        return key
    }

    /// The start of absolute URLs for this request (RFC 9110 §7.1 target URI): the configured
    /// public URL; else the scheme of an absolute-form target or `X-Forwarded-Proto: https`
    /// (else http), and the effective authority, which the parser validated (RFC 9112 §3.2).
    /// "" without an authority (HTTP/1.0 without Host): URLs then stay relative, resolved
    /// by the client against the URL it asked for.
    ///
    /// `X-Forwarded-Proto` (`http` or `https`) and `X-Forwarded-Host` (a valid authority) count
    /// only from a trusted proxy (`--trusted-proxy`): from anyone else they would let a client
    /// choose the URLs the server hands out. Invalid values are ignored, not refused.
    func baseURL(for head: HTTPRequestHead) -> String {
        if let publicURL { return publicURL.description }
        let trusted = abuse.trustedProxies.isTrusted(head)
        var authority = head.authority
        var forwardedScheme: String?
        if trusted {
            let proto = ((try? head.headers.singleton(.xForwardedProto)) ?? nil)?.lowercased()
            if proto == "https" || proto == "http" { forwardedScheme = proto }
            if let host = (try? head.headers.singleton(.xForwardedHost)) ?? nil, let parsed = HTTPAuthority.parse(host) {
                authority = parsed
            }
        }
        guard let authority else { return "" }
        let scheme = forwardedScheme ?? head.targetScheme ?? "http"
        return "\(scheme)://\(authority)"
    }

    /// A searched (`q`) or faceted read: far costlier than a page, so capped (`AbuseControl`).
    static func isExpensive(_ query: QueryParameters) -> Bool {
        !(query["q"] ?? "").isEmpty || query.contains("facets")
    }

    /// The engine replays a response for byte-identical heads from any peer; an answer whose
    /// URLs a trusted proxy's forwarding headers may have shaped depends on the peer too.
    func isReplayable(_ head: HTTPRequestHead) -> Bool {
        publicURL != nil || abuse.trustedProxies.isEmpty
            || (!head.headers.contains("X-Forwarded-Proto") && !head.headers.contains("X-Forwarded-Host"))
    }

    /// 400 for a `.` or `..` segment: see `Router` for why they are refused, not resolved.
    static func dotSegmentError(_ head: HTTPRequestHead, index: Int) -> APIError {
        APIError.badRequest(
            "The path contains the dot-segment '\(head.pathSegments[index])' (segment \(index + 1)); "
                + "resolve it before sending (RFC 3986 §5.2.4): this server gives each resource exactly one path.")
    }

    /// A 404 caused by `//` or a trailing slash says so: those are never collapsed.
    static func emptySegmentHint(_ head: HTTPRequestHead) -> String {
        head.pathSegments.contains("") ? " Paths have no empty segments: no '//' and no trailing '/'." : ""
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
        return CachedRepresentation(status: response.status, headers: headers, body: response.body, etag: etag, gzipped: gzipped,
                                    modifiedAt: response.modifiedAt)
    }

    /// The time the date preconditions compare against (RFC 9110 §13.1.3, §13.1.4): the
    /// responder's full-precision time, else the last millisecond of the `Last-Modified`
    /// second, since the change may have come anywhere in it (conservative: a same-second
    /// change is never taken as before the date).
    static func modifiedAt(_ precise: Int?, lastModifiedField: String?) -> Int? {
        if let precise { return precise }
        guard let seconds = lastModifiedField.flatMap(HTTPDate.parse) else { return nil }
        let (value, overflow) = Preconditions.milliseconds(seconds).addingReportingOverflow(999)
        return overflow ? Int.max : value
    }

    static func isCompressible(_ contentType: String?) -> Bool {
        guard let type = contentType?.lowercased() else { return false }
        return type.hasPrefix("application/json") || type.hasPrefix("application/problem+json") || type.hasPrefix("text/")
            || type.hasPrefix("application/ld+json")
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
        let modifiedAt = Self.modifiedAt(rep.modifiedAt, lastModifiedField: rep.headers["Last-Modified"])
        switch preconditions.evaluate(etag: rep.etag, modifiedAt: modifiedAt, method: request.head.method) {
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
            let error = Preconditions.failure(field, etag: rep.etag, modifiedAt: modifiedAt)
            return decorate(error.response(instance: request.head.path), requestID: requestID)
        }
        if useGzip, let gz = rep.gzipped {
            response.body = gz
            response.headers.add("Content-Encoding", "gzip")
        }
        return decorate(response, requestID: requestID)
    }

    /// A streamed representation (`BodyStream`) as it leaves: never cached, compressed or
    /// tagged (an ETag would need the whole body), so preconditions see no validator: an
    /// `If-Match` fails (412) and an `If-None-Match` with tags never matches (RFC 9110 §13.1).
    private func streamed(_ response: HTTPResponse, for request: HTTPRequest, preconditions: Preconditions, requestID: String,
                          negotiable: Bool) -> HTTPResponse {
        if case .failed(let field) = preconditions.evaluate(etag: nil, modifiedAt: nil, method: request.head.method) {
            let error = Preconditions.failure(field, etag: nil, modifiedAt: nil)
            return decorate(error.response(instance: request.head.path), requestID: requestID)
        }
        var response = response
        // The same Vary as the resource's other representations (its pages are gzipped), so a
        // cache keys every answer of this URL alike.
        response.headers.add("Vary", negotiable ? "Accept, Accept-Encoding" : "Accept-Encoding")
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

    func decorate(_ response: HTTPResponse, requestID: String) -> HTTPResponse {
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
            allowed = router.implementedMethods
        } else {
            switch router.match(method: "OPTIONS", segments: head.pathSegments) {
            case .notFound, .notImplemented:
                return decorate(APIError.notFound("No resource at \(head.path).\(Self.emptySegmentHint(head))").response(instance: head.path), requestID: requestID)
            case let .dotSegment(index):
                return decorate(Self.dotSegmentError(head, index: index).response(instance: head.path), requestID: requestID)
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

/// `Expect: 100-continue` (RFC 9110 §10.1.1): what the head alone decides is answered before
/// the client uploads its body.
extension HTTPService {
    /// The final response for a head whose body the server would refuse anyway, or nil to
    /// ask for the body with `100 Continue`. Runs on a loop thread: it matches routes and
    /// reads headers, never the database, so a present but wrong token still gets its 100 and
    /// is refused (401) once the body has come.
    ///
    /// - No route (404), a method the resource does not allow (405) or one the server does not
    ///   implement (501), a dot-segment (400): the same answer the full pipeline gives that
    ///   request without a body.
    /// - A write to a read replica: its 503 (`ReadOnlyReplica`).
    /// - A route that `requiresToken`, without `Authorization: Bearer …`: 401 with a challenge.
    /// - A route that `acceptsJSONBody`, with a Content-Type that is not JSON: 415.
    ///
    /// 413 for a declared length above the limit is the parser's, before this is asked.
    public func responseBeforeBody(head: HTTPRequestHead) -> HTTPResponse? {
        // OPTIONS is answered whatever its body; reading it costs nothing more than refusing it.
        guard head.method != "OPTIONS" else { return nil }
        switch router.match(method: head.method, segments: head.pathSegments) {
        case .notFound, .methodNotAllowed, .notImplemented, .dotSegment:
            // Decided by routing alone: the full pipeline answers it without touching a handler.
            return respond(to: HTTPRequest(head: head))
        case .found where replica != nil && head.method != "GET" && head.method != "HEAD":
            // A read replica refuses every write whatever its body: no need to upload it.
            return respond(to: HTTPRequest(head: head))
        case let .found(route, _, _):
            guard let problem = Self.problemBeforeBody(head, options: route.options) else { return nil }
            let response = decorate(problem.response(instance: head.path), requestID: requestIDs.id(for: head.headers))
            metrics.record(route: route.pattern, status: response.status, seconds: 0)
            return response
        }
    }

    /// In the order the handlers check: credentials first, so an anonymous caller learns
    /// nothing about the body, then its media type.
    static func problemBeforeBody(_ head: HTTPRequestHead, options: RouteOptions) -> APIError? {
        if options.requiresToken {
            do {
                _ = try AdminAuth.bearerToken(in: head.headers)
            } catch {
                return error
            }
        }
        if options.acceptsJSONBody && !JSONRequestBody.isJSON(head.headers["Content-Type"]) {
            // RFC 9110 §15.5.16: say which media types would have been accepted.
            return APIError(
                status: 415, type: "/problems/unsupported-media-type",
                detail: "The body must be JSON, sent with Content-Type: application/json.",
                headers: HTTPHeaders([("Accept-Post", "application/json"), ("Accept-Patch", "application/merge-patch+json, application/json")]))
        }
        return nil
    }
}

/// `Expect: 100-continue` (RFC 9110 §10.1.1): whatever would refuse the request before its
/// body is read is answered before the client uploads that body, never after a `100 Continue`.
extension HTTPService {
    /// On a loop thread: the screening every request gets (`screen`: 400 for a conflicting
    /// singleton such as two Content-Types or a malformed precondition, 404, 405, 501, 429 for a
    /// client over the failed-authentication limit, 406, a read replica's 503, 400 for a bad
    /// query), then 401 without `Authorization: Bearer …` and 415 for a body that is not
    /// UTF-8 JSON. A route that checks a token against the database asks a worker
    /// (`responseBeforeBody(head:)`), since a loop thread never touches the database.
    public func continueDecision(head: HTTPRequestHead) -> ContinueDecision {
        // OPTIONS is answered whatever its body; reading it costs nothing more than refusing it.
        guard head.method != "OPTIONS" else { return .proceed }
        let requestID = requestIDs.id(for: head.headers)
        switch screen(HTTPRequest(head: head), requestID: requestID) {
        case let .answered(response, label):
            metrics.record(route: label, status: response.status, seconds: 0)
            return .refuse(response)
        case let .admitted(admission):
            let options = admission.route.options
            if let problem = Self.problemBeforeBody(head, options: options) {
                let response = decorate(problem.response(instance: head.path), requestID: requestID)
                metrics.record(route: admission.route.pattern, status: response.status, seconds: 0)
                return .refuse(response)
            }
            return options.authenticate == nil ? .proceed : .checkOnWorker
        }
    }

    /// On a worker: the loop thread's screening again (a limit may have been reached
    /// meanwhile), then the route's own authentication. A wrong or revoked token is its 401
    /// now, counted against the client like any failed authentication; 503 when tokens
    /// cannot be checked. nil asks for the body.
    public func responseBeforeBody(head: HTTPRequestHead) -> HTTPResponse? {
        let requestID = requestIDs.id(for: head.headers)
        let admission: Admission
        switch screen(HTTPRequest(head: head), requestID: requestID) {
        case let .answered(response, label):
            metrics.record(route: label, status: response.status, seconds: 0)
            return response
        case let .admitted(admitted):
            admission = admitted
        }
        if let problem = Self.problemBeforeBody(head, options: admission.route.options) {
            let response = decorate(problem.response(instance: head.path), requestID: requestID)
            metrics.record(route: admission.route.pattern, status: response.status, seconds: 0)
            return response
        }
        do {
            try admission.route.options.authenticate?(admission.request)
            return nil
        } catch {
            let response = problemResponse(for: error, instance: head.path, requestID: requestID)
            noteAuthenticationFailure(response, admission)
            metrics.record(route: admission.route.pattern, status: response.status, seconds: 0)
            return decorate(response, requestID: requestID)
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
        if options.acceptsJSONBody, let problem = JSONRequestBody.mediaTypeProblem(head.headers) {
            return problem
        }
        return nil
    }
}

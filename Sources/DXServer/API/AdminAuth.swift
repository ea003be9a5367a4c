import DXCore

/// Who made a write: the token's name, recorded in history. Never the token.
public struct AdminIdentity: Sendable, Equatable {
    public let tokenName: String
}

/// Bearer-token check for every write (RFC 6750). Looked up per request, so a token created
/// or revoked from the CLI counts at once.
public struct AdminAuth: Sendable {
    public let tokens: TokenStore

    public init(tokens: TokenStore) { self.tokens = tokens }

    public func authenticate(_ request: Request) throws(APIError) -> AdminIdentity {
        let token = try Self.bearerToken(in: request.headers)
        let name: String?
        do {
            name = try tokens.authenticate(token: token)
        } catch {
            throw APIError(status: 503, detail: "Tokens cannot be checked right now; try again shortly.",
                           headers: HTTPHeaders([("Retry-After", "1")]))
        }
        guard let name else {
            throw Self.unauthorized("The token is unknown or revoked.", challenge: "Bearer realm=\"dxserve\", error=\"invalid_token\"")
        }
        return AdminIdentity(tokenName: name)
    }

    /// The token of `Authorization: Bearer TOKEN`, or the 401 for a missing header or another
    /// scheme (RFC 6750 §3). Reads headers only, never the database: the engine also calls it
    /// on a loop thread to refuse an `Expect: 100-continue` upload before its body.
    static func bearerToken(in headers: HTTPHeaders) throws(APIError) -> String {
        let value: String?
        do { value = try headers.singleton(.authorization) } catch { throw error.apiError }
        guard let header = value else {
            throw Self.unauthorized("This request needs an admin token: Authorization: Bearer TOKEN.", challenge: "Bearer realm=\"dxserve\"")
        }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw Self.unauthorized("The Authorization header must use the Bearer scheme.", challenge: "Bearer realm=\"dxserve\", error=\"invalid_request\"")
        }
        return parts[1].trimmingHTTPWhitespace()
    }

    static func unauthorized(_ detail: String, challenge: String) -> APIError {
        APIError(status: 401, type: "/problems/unauthorized", detail: detail, headers: HTTPHeaders([("WWW-Authenticate", challenge)]))
    }
}

extension RouteOptions {
    /// An admin write: a Bearer token checked by `auth`, a JSON body. `authenticate` is set
    /// so that the service can refuse a wrong token before the body (`Expect: 100-continue`)
    /// and before evaluating preconditions (RFC 9110 §13.2.1).
    /// - Parameter preconditionsInStore: the handler evaluates `If-Match` & co. itself.
    static func adminWrite(_ auth: AdminAuth, preconditionsInStore: Bool = false) -> RouteOptions {
        RouteOptions(requiresToken: true, acceptsJSONBody: true, preconditionsInStore: preconditionsInStore,
                     authenticate: { _ = try auth.authenticate($0) })
    }
}

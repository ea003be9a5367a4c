/// What a read replica (`dxserve serve --read-only`) answers to a write.
///
/// Every route whose method is not GET or HEAD is refused before authentication, preconditions
/// or the handler run, so nothing is attempted on the read-only file and no token is checked
/// against a copy that may be behind the primary's.
///
/// The answer is 503 (RFC 9110 §15.6.4: this server cannot handle the request), a problem
/// document of type `/problems/read-only-replica` naming the primary when one is configured,
/// and a `Location` with the same target on the primary. There is no `Retry-After`: the
/// refusal is not temporary for this server, so retrying here would never succeed; the retry
/// belongs to the primary. `Cache-Control: no-store` keeps a cache in front from keeping it.
public struct ReadOnlyReplica: Sendable, Equatable {
    /// The primary's base URL (`--primary-url`), or nil when the operator gave none.
    public let primaryURL: PublicURL?

    public init(primaryURL: PublicURL?) { self.primaryURL = primaryURL }

    /// The 503 for a write of `head`; `Location` is the primary's URL of the same target.
    public func refusal(for head: HTTPRequestHead) -> HTTPResponse {
        var headers = HTTPHeaders([("Cache-Control", "no-store")])
        var extensions: [String: JSONValue] = [:]
        var detail = "This server is a read-only replica; it answers GET and HEAD only."
        if let primaryURL {
            let target = head.query.map { "\(head.path)?\($0)" } ?? head.path
            let location = "\(primaryURL)\(target)"
            headers.add("Location", location)
            extensions["primary"] = .string(primaryURL.description)
            detail += " Send \(head.method) to the primary: \(location)."
        } else {
            detail += " Send \(head.method) to the primary server."
        }
        let error = APIError(status: 503, type: "/problems/read-only-replica", title: "Read-only replica",
                             detail: detail, extensions: extensions, headers: headers)
        return error.response(instance: head.path)
    }
}

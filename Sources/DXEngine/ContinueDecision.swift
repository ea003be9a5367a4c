import DXHTTP

/// What a responder makes of a head that carries `Expect: 100-continue`, before any of its
/// body is read (RFC 9110 §10.1.1): a final status the head already decides is sent instead
/// of `100 Continue`, so the client does not upload a body only to have it refused.
public enum ContinueDecision: Sendable {
    /// Nothing refuses it yet: send `100 Continue` and read the body.
    case proceed
    /// This final response instead of 100; the body is never read.
    case refuse(HTTPResponse)
    /// Only blocking work can tell (a token looked up in the database): the engine asks
    /// `HTTPResponder.responseBeforeBody(head:)` on a worker, reading nothing meanwhile.
    case checkOnWorker
}

import DXHTTP
/// A response kept as ready bytes for the next request whose head is byte for byte the same:
/// the status line and every field but those that belong to the moment (`Date`, a generated
/// `X-Request-Id`), the body, and what the access log and metrics need. A class, so that
/// serving it shares the bytes instead of copying them.
final class PreparedResponse {
    /// Status line and fields, ending in CRLF, without `Date`, `Connection` or the blank line.
    let fields: [UInt8]
    /// Empty for HEAD: a HEAD response has the GET response's fields and no content.
    let body: [UInt8]
    let status: Int
    /// True when the request had no usable `X-Request-Id`, so each answer gets a fresh one.
    let generatesRequestID: Bool
    /// The client's own id, echoed in `fields`, for the access log; empty when generated.
    let echoedRequestID: [UInt8]
    /// The access-log line up to the duration (`AccessLog.linePrefix`).
    let logPrefix: [UInt8]
    /// Counts one replay in the responder's metrics (duration in nanoseconds).
    let record: @Sendable (UInt64) -> Void

    init(response: HTTPResponse, head: HTTPRequestHead, logFormat: AccessLogFormat = .text, record: @escaping @Sendable (UInt64) -> Void) {
        generatesRequestID = !HTTPRequestID.isSane(head.headers["X-Request-Id"] ?? "")
        echoedRequestID = generatesRequestID ? [] : Array((response.headers["X-Request-Id"] ?? "-").utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(512)
        HTTPResponseEncoder.appendStatusAndFields(of: response, omitting: generatesRequestID ? "X-Request-Id" : nil, to: &bytes)
        fields = bytes
        body = head.method == "HEAD" || !HTTPStatus.allowsBody(response.status) ? [] : response.body
        status = response.status
        // The user agent is part of the head the cache matches byte for byte, so it is fixed too.
        logPrefix = logFormat == .json
            ? AccessLog.jsonLinePrefix(method: head.method, path: head.path, status: response.status, bytes: response.body.count,
                                       userAgent: head.headers["User-Agent"])
            : AccessLog.linePrefix(method: head.method, path: head.path, status: response.status, bytes: response.body.count,
                                   userAgent: head.headers["User-Agent"])
        self.record = record
    }
}

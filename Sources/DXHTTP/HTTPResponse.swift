/// A response as the engine sends it: the body is already bytes, so that a cached response can
/// be kept and sent again without re-encoding.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// Set by a responder when this answer depends only on the request head and the data
    /// version: the engine may then answer a byte-identical head again from ready bytes.
    public var replay: ReplayTag?
    /// The resource's modification time at full precision, in epoch milliseconds, when the
    /// responder knows it: the date preconditions compare against it (RFC 9110 §13.1.3,
    /// §13.1.4) rather than the whole seconds of `Last-Modified`. Never sent.
    public var modifiedAt: Int?
    /// A body produced while it is sent (`BodyStream`); `body` is then empty. Such a response
    /// has no `Content-Length`, is never cached or replayed, and carries no ETag: one cannot
    /// be computed without buffering the whole body.
    public var stream: (any BodyStream)?

    public init(status: Int, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public init(status: Int, contentType: String, body: [UInt8]) {
        self.init(status: status, headers: HTTPHeaders([("Content-Type", contentType)]), body: body)
    }
}

/// What makes a response reusable for an identical request head: the data version it was
/// computed for, and the route label that metrics count it under.
public struct ReplayTag: Sendable {
    public var version: UInt64
    public var route: String
    public init(version: UInt64, route: String) {
        self.version = version
        self.route = route
    }
}

public enum HTTPStatus {
    public static func reason(_ status: Int) -> String {
        switch status {
        case 100: "Continue"
        case 200: "OK"
        case 201: "Created"
        case 202: "Accepted"
        case 204: "No Content"
        case 206: "Partial Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 304: "Not Modified"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 406: "Not Acceptable"
        case 408: "Request Timeout"
        case 409: "Conflict"
        case 410: "Gone"
        case 411: "Length Required"
        case 412: "Precondition Failed"
        case 413: "Content Too Large"
        case 414: "URI Too Long"
        case 415: "Unsupported Media Type"
        case 417: "Expectation Failed"
        case 422: "Unprocessable Content"
        case 428: "Precondition Required"
        case 429: "Too Many Requests"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 503: "Service Unavailable"
        case 505: "HTTP Version Not Supported"
        case 507: "Insufficient Storage"
        default: "Unknown"
        }
    }

    /// RFC 9110 §6.4.1: 1xx, 204 and 304 never carry content.
    public static func allowsBody(_ status: Int) -> Bool {
        !(status < 200 || status == 204 || status == 304)
    }
}

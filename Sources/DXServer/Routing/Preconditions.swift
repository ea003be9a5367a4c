import Glibc

/// The four preconditions of RFC 9110 §13.1, read once from a request's fields and evaluated,
/// in the order of §13.2.2, against a representation's validators. Pure: the service uses it
/// for reads (after the handler produced the representation) and for writes without a store
/// of their own; a store that writes uses it inside its write transaction, so the check and
/// the write cannot be separated by another writer.
public struct Preconditions: Sendable, Equatable {
    /// If-Match elements (entity-tags or `*`); nil when the field is absent.
    public var ifMatch: [String]?
    /// If-None-Match elements; nil when absent.
    public var ifNoneMatch: [String]?
    /// If-Modified-Since in epoch seconds; nil when absent, not a valid HTTP-date (§13.1.3: an
    /// invalid date is ignored) or later than the server's clock. A future date comes from a
    /// client clock that is off, not from our `Last-Modified`; honoured, it would answer 304 to
    /// every change made before that date (RFC 2616 §14.25 called such a date invalid; RFC 9110
    /// §13.1.3 says to read the date by the origin server's clock).
    public var ifModifiedSince: Int?
    /// If-Unmodified-Since in epoch seconds; nil when absent or invalid (§13.1.4).
    public var ifUnmodifiedSince: Int?

    public init(ifMatch: [String]? = nil, ifNoneMatch: [String]? = nil, ifModifiedSince: Int? = nil, ifUnmodifiedSince: Int? = nil) {
        self.ifMatch = ifMatch
        self.ifNoneMatch = ifNoneMatch
        self.ifModifiedSince = ifModifiedSince
        self.ifUnmodifiedSince = ifUnmodifiedSince
    }

    /// Reads the four fields; If-Match and If-None-Match across all their lines (RFC 9110 §5.3).
    /// Throws only for a date field sent twice with different values.
    /// - Parameter now: the server's clock in epoch seconds; an If-Modified-Since after it is
    ///   ignored.
    public init(_ headers: HTTPHeaders, now: Int = Int(time(nil))) throws(HTTPFieldError) {
        ifMatch = headers.has(.ifMatch) ? headers.list(.ifMatch) : nil
        ifNoneMatch = headers.has(.ifNoneMatch) ? headers.list(.ifNoneMatch) : nil
        ifModifiedSince = try headers.singleton(.ifModifiedSince).flatMap(HTTPDate.parse).flatMap { $0 <= now ? $0 : nil }
        ifUnmodifiedSince = try headers.singleton(.ifUnmodifiedSince).flatMap(HTTPDate.parse)
    }

    /// No precondition to evaluate.
    public var isEmpty: Bool { ifMatch == nil && ifNoneMatch == nil && ifModifiedSince == nil && ifUnmodifiedSince == nil }

    /// Which precondition decided the outcome.
    public enum Field: String, Sendable, Equatable {
        case ifMatch = "If-Match"
        case ifUnmodifiedSince = "If-Unmodified-Since"
        case ifNoneMatch = "If-None-Match"
        case ifModifiedSince = "If-Modified-Since"
    }

    public enum Outcome: Sendable, Equatable {
        /// Perform the request.
        case proceed
        /// 304 Not Modified (GET/HEAD only).
        case notModified(Field)
        /// 412 Precondition Failed; for a write nothing may be written.
        case failed(Field)
    }

    /// RFC 9110 §13.2.2, steps 1–5.
    /// - Parameters:
    ///   - etag: the current representation's entity-tag, nil when there is none (the resource
    ///     does not exist): then `If-Match` (even `*`) fails and `If-None-Match: *` passes.
    ///   - modifiedAt: its modification time at full precision, in epoch milliseconds (not the
    ///     whole seconds of `Last-Modified`), nil when the resource has none (the date
    ///     preconditions are then ignored, §13.1.3, §13.1.4). Comparing the whole-second date
    ///     against the full-precision time is conservative: a change later in the same second
    ///     as the date counts as after it, so If-Unmodified-Since fails (412) and
    ///     If-Modified-Since does not answer 304 with stale content.
    ///   - method: the request method; only GET and HEAD get 304 and consult If-Modified-Since.
    public func evaluate(etag: String?, modifiedAt: Int?, method: String) -> Outcome {
        let isRead = method == "GET" || method == "HEAD"
        // 1. If-Match (strong comparison); 2. If-Unmodified-Since only without If-Match.
        if let ifMatch {
            guard let etag, ETag.matches(ifMatch: ifMatch, etag: etag) else { return .failed(.ifMatch) }
        } else if let ifUnmodifiedSince, let modifiedAt, modifiedAt > Self.milliseconds(ifUnmodifiedSince) {
            return .failed(.ifUnmodifiedSince)
        }
        // 3. If-None-Match (weak comparison); 4. If-Modified-Since only without it, only for reads.
        if let ifNoneMatch {
            let matched = ifNoneMatch.contains("*") ? etag != nil : etag.map { ETag.matches(ifNoneMatch: ifNoneMatch, etag: $0) } ?? false
            if matched { return isRead ? .notModified(.ifNoneMatch) : .failed(.ifNoneMatch) }
        } else if isRead, let ifModifiedSince, let modifiedAt, modifiedAt <= Self.milliseconds(ifModifiedSince) {
            return .notModified(.ifModifiedSince)
        }
        return .proceed
    }

    /// An HTTP-date's epoch seconds as epoch milliseconds; a date too far out for that
    /// saturates instead of trapping (the field comes from the client).
    static func milliseconds(_ seconds: Int) -> Int {
        let (value, overflow) = seconds.multipliedReportingOverflow(by: 1000)
        return overflow ? (seconds < 0 ? Int.min : Int.max) : value
    }

    /// Epoch milliseconds truncated to the whole second that `Last-Modified` states.
    public static func lastModifiedSeconds(_ modifiedAt: Int) -> Int {
        modifiedAt >= 0 ? modifiedAt / 1000 : -((-(modifiedAt + 1)) / 1000) - 1
    }

    /// The 412 problem for a failed precondition, naming it and the current validators.
    /// - Parameter modifiedAt: epoch milliseconds; stated as the whole-second HTTP-date.
    public static func failure(_ field: Field, etag: String?, modifiedAt: Int?) -> APIError {
        let lastModified = modifiedAt.map(lastModifiedSeconds)
        var extensions: [String: JSONValue] = ["precondition": .string(field.rawValue)]
        if let etag { extensions["current_etag"] = .string(etag) }
        if let lastModified { extensions["last_modified"] = .string(HTTPDate.format(epochSeconds: lastModified)) }
        let why = switch field {
        case .ifMatch: "If-Match does not match the current entity-tag (strong comparison; a weak W/ tag never matches)"
        case .ifUnmodifiedSince: "the resource was modified after the If-Unmodified-Since date"
        case .ifNoneMatch: "If-None-Match matches the current entity-tag (or is * and the resource exists)"
        case .ifModifiedSince: "the resource was not modified since the If-Modified-Since date"
        }
        return APIError(
            status: 412, type: "/problems/precondition-failed",
            detail: "Precondition failed: \(why); nothing was changed. Fetch the resource again and reapply your change.",
            extensions: extensions)
    }
}

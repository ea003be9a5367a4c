/// The one table that says, per request field this server reads, whether it is list-based or
/// a singleton (RFC 9110 §5.3). Reading goes through `HTTPHeaders.list(_:)` or
/// `HTTPHeaders.singleton(_:)`, whose argument types are these two enums, so every read has to
/// make the choice and a field cannot be read both ways.
///
/// Decisions:
/// - A list field sent on several lines is one list, the lines joined with commas in order
///   (RFC 9110 §5.3).
/// - A singleton sent on several lines with the same value (after trimming optional
///   whitespace) is accepted as that value: a proxy that duplicates a line changes nothing.
///   With different values it is 400 (`HTTPFieldError.conflictingValues`), for every request,
///   whether or not the route reads the field.
/// - Host, Content-Length and Transfer-Encoding are also checked earlier, at the framing level
///   by the parser (RFC 9112 §3.2, §6.3); they are listed here so the table is complete.
public enum HTTPField {
    /// Fields whose value is a comma-separated list (`#element` in their ABNF).
    public enum List: String, CaseIterable, Sendable {
        case accept = "Accept"
        case acceptCharset = "Accept-Charset"
        case acceptEncoding = "Accept-Encoding"
        case acceptLanguage = "Accept-Language"
        case accessControlRequestHeaders = "Access-Control-Request-Headers"
        case cacheControl = "Cache-Control"
        case connection = "Connection"
        case contentEncoding = "Content-Encoding"
        case expect = "Expect"
        case forwarded = "Forwarded"
        case ifMatch = "If-Match"
        case ifNoneMatch = "If-None-Match"
        case pragma = "Pragma"
        case te = "TE"
        case trailer = "Trailer"
        case transferEncoding = "Transfer-Encoding"
        case upgrade = "Upgrade"
        case vary = "Vary"
        case via = "Via"
        case xForwardedFor = "X-Forwarded-For"
    }

    /// Fields that carry exactly one value.
    public enum Singleton: String, CaseIterable, Sendable {
        case accessControlRequestMethod = "Access-Control-Request-Method"
        case authorization = "Authorization"
        case contentLength = "Content-Length"
        case contentType = "Content-Type"
        case host = "Host"
        case idempotencyKey = "Idempotency-Key"
        case ifModifiedSince = "If-Modified-Since"
        case ifRange = "If-Range"
        case ifUnmodifiedSince = "If-Unmodified-Since"
        case origin = "Origin"
        case range = "Range"
        case referer = "Referer"
        case userAgent = "User-Agent"
        case xForwardedHost = "X-Forwarded-Host"
        case xForwardedProto = "X-Forwarded-Proto"
        case xRequestID = "X-Request-Id"
    }

    /// Splits one field line into its list elements (RFC 9110 §5.6.1): commas inside a
    /// quoted-string (an entity-tag, a parameter value) do not split, elements are trimmed of
    /// optional whitespace and empty elements are dropped, as recipients must.
    public static func elements(of line: String) -> [String] {
        // Comma, quote and backslash are ASCII, so splitting the UTF-8 view at them keeps
        // every multi-byte character whole; it avoids per-Character work on the hot path.
        let bytes = line.utf8
        var out: [String] = []
        var start = bytes.startIndex
        var inQuotes = false
        var escaped = false
        var index = bytes.startIndex
        func flush(_ end: String.UTF8View.Index) {
            let element = line[start..<end].trimmingHTTPWhitespace()
            if !element.isEmpty { out.append(element) }
        }
        while index != bytes.endIndex {
            let b = bytes[index]
            if escaped {
                escaped = false
            } else if b == UInt8(ascii: "\\") && inQuotes {
                escaped = true
            } else if b == UInt8(ascii: "\"") {
                inQuotes.toggle()
            } else if b == UInt8(ascii: ",") && !inQuotes {
                flush(index)
                start = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        flush(bytes.endIndex)
        return out
    }
}

extension HTTPHeaders {
    /// Every element of every line of the list field `field`, in order (RFC 9110 §5.3), trimmed,
    /// case preserved; empty when the field is absent.
    public func list(_ field: HTTPField.List) -> [String] {
        var out: [String] = []
        for line in fields where line.name.asciiCaseInsensitiveEquals(field.rawValue) {
            out += HTTPField.elements(of: line.value)
        }
        return out
    }

    /// Whether the list field is present at all (even with only empty elements).
    public func has(_ field: HTTPField.List) -> Bool {
        fields.contains { $0.name.asciiCaseInsensitiveEquals(field.rawValue) }
    }

    /// The value of the singleton field `field`, trimmed; nil when absent. Several lines with
    /// one value are that value; with different values, `.conflictingValues`.
    public func singleton(_ field: HTTPField.Singleton) throws(HTTPFieldError) -> String? {
        var found: String?
        var all: [String] = []
        for line in fields where line.name.asciiCaseInsensitiveEquals(field.rawValue) {
            let value = line.value.trimmingHTTPWhitespace()
            all.append(value)
            if let found, found != value { continue }
            found = value
        }
        if let found, all.contains(where: { $0 != found }) {
            throw .conflictingValues(field: field.rawValue, values: all)
        }
        return found
    }

    /// Checks every singleton of the table at once, so a conflicting duplicate is a 400 on
    /// every route, even one that never reads that field.
    public func validateSingletons() throws(HTTPFieldError) {
        // Only a name that occurs twice can conflict; most requests have none, and this
        // finds that without allocating.
        for i in fields.indices {
            for j in fields.indices where j > i && fields[j].name.asciiCaseInsensitiveEquals(fields[i].name) {
                guard let field = HTTPField.Singleton.allCases.first(where: { $0.rawValue.asciiCaseInsensitiveEquals(fields[i].name) })
                else { break }
                _ = try singleton(field)
            }
        }
    }
}

/// Proactive negotiation of a media type from `Accept` (RFC 9110 §12.5.1), pure.
///
/// Each available type gets the q-value of the most specific media range that matches it
/// (`text/csv` over `text/*` over `*/*`; parameters other than `q` are ignored, since each of
/// our types has one fixed set). The type with the highest q wins; on equal q, the one named
/// by the more specific range (an explicit `text/csv` beats a JSON reached only through
/// `*/*`); on equal both, the server's order. `q=0` means "not acceptable" even when a
/// wildcard would allow the type.
///
/// Without `Accept` (or with no element that parses as a media range) every type is
/// acceptable and the first is chosen. When `Accept` excludes every available type the answer is `nil`: routes that
/// negotiate answer 406 with a problem document (the strict choice of §12.5.1; a response in
/// a refused format would only be discarded by such a client).
public enum ContentNegotiator {
    /// One element of `Accept`: `type/subtype` lower-cased, with its weight.
    public struct MediaRange: Sendable, Equatable {
        public var type: String
        public var subtype: String
        /// 0...1; an invalid or out-of-range q is 0 (the element is ignored, never trusted).
        public var q: Double

        /// 2 for `type/subtype`, 1 for `type/*`, 0 for `*/*`.
        var specificity: Int { type == "*" ? 0 : subtype == "*" ? 1 : 2 }

        func matches(_ mediaType: String) -> Bool {
            let parts = mediaType.split(separator: "/", maxSplits: 1)
            guard parts.count == 2 else { return false }
            return (type == "*" || type == parts[0]) && (subtype == "*" || subtype == parts[1])
        }
    }

    /// The media ranges of `Accept`'s elements (across all lines); malformed ones dropped.
    public static func ranges(_ elements: [String]) -> [MediaRange] {
        elements.compactMap { element in
            let parts = element.split(separator: ";", omittingEmptySubsequences: false)
            guard let first = parts.first else { return nil }
            var name = first.trimmingHTTPWhitespace().lowercased()
            // Java's URLConnection still sends `*; q=.2`: read a bare "*" as "*/*".
            if name == "*" { name = "*/*" }
            let typeParts = name.split(separator: "/", omittingEmptySubsequences: false)
            guard typeParts.count == 2, !typeParts[0].isEmpty, !typeParts[1].isEmpty,
                  typeParts[0] != "*" || typeParts[1] == "*"
            else { return nil }
            return MediaRange(type: String(typeParts[0]), subtype: String(typeParts[1]), q: qValue(parts.dropFirst()))
        }
    }

    /// RFC 9110 §12.4.2: `qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )`.
    static func qValue(_ parameters: ArraySlice<Substring>) -> Double {
        for parameter in parameters {
            let kv = parameter.split(separator: "=", maxSplits: 1)
            guard kv.count == 2, kv[0].trimmingHTTPWhitespace().lowercased() == "q" else { continue }
            let text = kv[1].trimmingHTTPWhitespace()
            guard text.utf8.count <= 5, let q = Double(text), q >= 0, q <= 1 else { return 0 }
            return q
        }
        return 1
    }

    /// The best of `available` (media types like `application/json`, in the server's order of
    /// preference) for the `Accept` elements, or nil when none is acceptable.
    public static func choose(_ available: [String], accept elements: [String]) -> String? {
        let ranges = ranges(elements)
        // No parsable range at all (absent, empty, or garbage): as if Accept were not sent.
        if ranges.isEmpty { return available.first }
        var best: (type: String, q: Double, specificity: Int)?
        for type in available {
            // The most specific matching range decides this type's q (§12.5.1).
            guard let range = ranges.filter({ $0.matches(type) }).max(by: { $0.specificity < $1.specificity }),
                  range.q > 0
            else { continue }
            if let current = best, current.q > range.q || (current.q == range.q && current.specificity >= range.specificity) { continue }
            best = (type, range.q, range.specificity)
        }
        return best?.type
    }
}

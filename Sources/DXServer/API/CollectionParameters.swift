import DXCore

/// The query parameters every filtered collection reads the same way: `?facets=`, `?header=`
/// and the multi-value filters. A bad value is a 400 naming the parameter.
public enum CollectionParameters {
    /// The longest list a multi-value filter takes: a portal's checkbox list, not a dump of ids.
    public static let maxValues = 50

    /// `?facets=a,b` (or repeated) as names from `available`; an unknown name is a 400 naming
    /// `facets` and listing what this collection offers.
    public static func facets<F: RawRepresentable & CaseIterable>(
        _ request: Request, of type: F.Type = F.self
    ) throws(APIError) -> [F] where F.RawValue == String {
        let names = try request.query.list("facets", splittingCommas: true)
        var result: [F] = []
        for name in names {
            guard let facet = F(rawValue: name) else {
                throw APIError.badRequest(
                    "The query parameter 'facets' names '\(name)', which is not a facet of this collection; use \(F.allCases.map(\.rawValue).joined(separator: ", ")).",
                    parameter: "facets")
            }
            result.append(facet)
        }
        return result
    }

    /// The values of a multi-value filter, each checked by `read` (which throws the 400 for a
    /// value it refuses); at most `maxValues` of them.
    public static func values<T>(
        _ request: Request, _ name: String, splittingCommas: Bool = true, _ read: (String) throws(APIError) -> T
    ) throws(APIError) -> [T] {
        let raw = try request.query.list(name, splittingCommas: splittingCommas)
        guard raw.count <= maxValues else {
            throw APIError.badRequest("The query parameter '\(name)' has \(raw.count) values; at most \(maxValues) are allowed.", parameter: name)
        }
        var result: [T] = []
        for item in raw { result.append(try read(item)) }
        return result
    }

    /// `?updated_since=` as an RFC 3339 date-time with an offset (RFC 3339 §5.6).
    public static func instant(_ request: Request, _ name: String) throws(APIError) -> RFC3339Instant? {
        guard let raw = request.query[name] else { return nil }
        guard let instant = RFC3339Instant(raw) else {
            throw APIError.badRequest(
                "The query parameter '\(name)' must be an RFC 3339 date-time with an offset, e.g. 2024-04-01T00:00:00+09:00 or 2024-03-31T15:00:00Z (write '+' as %2B).",
                parameter: name)
        }
        return instant
    }

    /// `?facets=` as `meta.facets`: `{field: [{"value", "label", "count"}]}`.
    static func json(_ facets: FacetCounts) -> JSONValue {
        .object(Dictionary(uniqueKeysWithValues: facets.fields.map { field in
            (field.name, JSONValue.array(field.values.map { count in
                let value: JSONValue = switch count.value {
                case .integer(let n): .number(Double(n))
                case .text(let s): .string(s)
                }
                return .object(["value": value, "label": .string(count.label), "count": .number(Double(count.count))])
            }))
        }))
    }
}

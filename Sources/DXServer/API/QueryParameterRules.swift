import DXCore
import Foundation

/// The query parameters each operation documents, read from the OpenAPI document itself, and
/// checked in one place before any handler runs: a value outside its documented schema (not an
/// integer, out of `minimum`/`maximum`, outside `enum`, not matching `pattern`, shorter than
/// `minLength` or longer than `maxLength`, not an RFC 3339 date-time where `format: date-time`)
/// is a 400 naming the parameter. An array parameter (`style: form`) is read as OpenAPI 3.1
/// §4.8.12.4 says: `explode: false` takes comma-separated items (the parameter may also be
/// repeated), `explode: true` one item per repetition; each item is checked against `items`,
/// and their number against `minItems`/`maxItems`. Because the rules
/// *are* the document, the document and the validation cannot drift apart; handlers may still
/// check what a schema cannot say (a measure that exists, a cursor that decodes).
///
/// A parameter that is not an array takes one value: given twice with different values it is a
/// 400 naming it (`QueryParameters.single`); the same value twice is accepted.
///
/// Parameters the document does not list for an operation are ignored, as form fields a
/// server does not know usually are. Lengths count Unicode code points, as JSON Schema does
/// (draft 2020-12 §6.3.1), not grapheme clusters.
public struct QueryParameterRules: Sendable {
    /// One documented query parameter.
    public struct Rule: Sendable {
        public indirect enum Kind: Sendable {
            case integer(minimum: Int?, maximum: Int?)
            case string(minLength: Int?, maxLength: Int?, allowed: [String]?, pattern: Pattern?)
            /// `type: string, format: date-time`: RFC 3339 §5.6, an offset required.
            case dateTime
            /// `type: array`; `explode` false splits each value on commas.
            case array(item: Kind, minItems: Int?, maxItems: Int?, explode: Bool)
        }

        public let name: String
        public let kind: Kind

        /// Why `value`, the parameter's only occurrence, is refused, or nil when it conforms.
        public func violation(_ value: String) -> String? {
            violation(occurrences: [value])
        }

        /// Why the parameter, given `values` (each occurrence in the query, in order), is
        /// refused, or nil when it conforms. A scalar checks each occurrence; an array checks
        /// its items (split on commas unless `explode`) and their count.
        public func violation(occurrences values: [String]) -> String? {
            guard case let .array(item, minItems, maxItems, explode) = kind else {
                for value in values {
                    if let violation = Self.violation(value, of: kind) { return violation }
                }
                return nil
            }
            let items = explode
                ? values
                : values.flatMap { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            if let minItems, items.count < minItems {
                return "must have at least \(minItems) value\(minItems == 1 ? "" : "s")"
            }
            if let maxItems, items.count > maxItems {
                return "has \(items.count) values; at most \(maxItems) are allowed"
            }
            for value in items {
                if value.isEmpty {
                    return explode ? "has an empty value" : "has an empty value (or an empty item between commas)"
                }
                if let violation = Self.violation(value, of: item) { return "has the value '\(value)', which \(violation)" }
            }
            return nil
        }

        static func violation(_ value: String, of kind: Kind) -> String? {
            switch kind {
            case let .integer(minimum, maximum):
                // One spelling per value (`CanonicalInteger`): `+1`, `01` or ` 1` would be a second
                // URL, so a second cache entry, for the same answer.
                guard let number = CanonicalInteger.parse(value), minimum.map({ number >= $0 }) ?? true, maximum.map({ number <= $0 }) ?? true else {
                    let digits = ", in plain digits (no sign, space or leading zero)"
                    switch (minimum, maximum) {
                    case let (lo?, hi?): return "must be an integer from \(lo) to \(hi)\(digits)"
                    case let (lo?, nil): return "must be an integer of at least \(lo)\(digits)"
                    case let (nil, hi?): return "must be an integer of at most \(hi)\(digits)"
                    case (nil, nil): return "must be an integer\(digits)"
                    }
                }
                return nil
            case let .string(minLength, maxLength, allowed, pattern):
                if let allowed, !allowed.contains(value) {
                    return "must be one of: \(allowed.joined(separator: ", "))"
                }
                let length = value.unicodeScalars.count
                if let minLength, length < minLength {
                    return minLength == 1 ? "must not be empty" : "must be at least \(minLength) characters long"
                }
                if let maxLength, length > maxLength { return "must be at most \(maxLength) characters long" }
                if let pattern, !pattern.matches(value) { return pattern.explanation }
                return nil
            case .dateTime:
                return RFC3339Instant(value) == nil
                    ? "must be an RFC 3339 date-time with an offset, e.g. 2024-04-01T00:00:00+09:00 or 2024-03-31T15:00:00Z (write '+' as %2B)"
                    : nil
            case let .array(item, _, _, _):
                // An array nested in an array is not something a query string can carry;
                // checked as its item so the switch stays total.
                return violation(value, of: item)
            }
        }
    }

    /// A JSON Schema `pattern` (ECMA-262, unanchored unless the pattern anchors itself).
    public struct Pattern: @unchecked Sendable {
        // NSRegularExpression is immutable after creation and safe to share between threads
        // (Foundation documents it so); it only lacks the Sendable annotation.
        let regex: NSRegularExpression
        let source: String
        /// The parameter's description says in words what the pattern means; the raw pattern
        /// is a poor message, so the control-character rule (the common one) gets its own.
        var explanation: String {
            source == QueryParameterRules.noControlCharacters
                ? "must not contain control characters (U+0000–U+001F, U+007F–U+009F)"
                : "must match the pattern \(source)"
        }

        init?(_ source: String) {
            guard let regex = try? NSRegularExpression(pattern: source) else { return nil }
            self.regex = regex
            self.source = source
        }

        func matches(_ value: String) -> Bool {
            let range = NSRange(value.startIndex..<value.endIndex, in: value)
            return regex.firstMatch(in: value, options: [], range: range) != nil
        }
    }

    /// The pattern the document gives free-text parameters: no control character (C0, DEL,
    /// C1), as `QueryParameters` refuses for every parameter.
    public static let noControlCharacters = "^[^\\u0000-\\u001F\\u007F-\\u009F]*$"

    /// Rules per operation, keyed `"GET /api/v1/measures"` (the router pattern; a `.csv` form
    /// is its own key as the document lists it).
    public var operations: [String: [Rule]] { table.value }
    /// Read from the document on first use, not at start (issue 9: start to first 200).
    private let table: LazyValue<[String: [Rule]]>

    public init(operations: [String: [Rule]]) {
        self.table = LazyValue(ready: operations)
    }

    /// Reads the rules from an OpenAPI 3.1 document's text. `$ref`s to `#/components/...` are
    /// followed; a document that does not parse yields no rules (the tests check it parses).
    public init(document: String) {
        self.table = LazyValue(ready: Self.operations(document: document))
    }

    /// As `init(document:)`, with the document's text asked for and read on the first
    /// validation rather than now.
    public init(lazyDocument: @escaping @Sendable () -> String) {
        self.table = LazyValue { Self.operations(document: lazyDocument()) }
    }

    static func operations(document: String) -> [String: [Rule]] {
        guard let root = try? JSONSerialization.jsonObject(with: Data(document.utf8)) as? [String: Any],
              let paths = root["paths"] as? [String: Any]
        else {
            return [:]
        }
        func resolve(_ node: Any?) -> [String: Any]? {
            var current = node as? [String: Any]
            var hops = 0
            while let ref = current?["$ref"] as? String, ref.hasPrefix("#/"), hops < 8 {
                var target: Any? = root
                for token in ref.dropFirst(2).split(separator: "/") {
                    target = (target as? [String: Any])?[String(token)]
                }
                current = target as? [String: Any]
                hops += 1
            }
            return current
        }
        var operations: [String: [Rule]] = [:]
        for (path, item) in paths {
            guard let item = item as? [String: Any] else { continue }
            let shared = item["parameters"] as? [Any] ?? []
            for (method, operation) in item {
                guard let operation = operation as? [String: Any], method != "parameters" else { continue }
                var rules: [Rule] = []
                for parameter in shared + (operation["parameters"] as? [Any] ?? []) {
                    guard let parameter = resolve(parameter), parameter["in"] as? String == "query",
                          let name = parameter["name"] as? String, let schema = resolve(parameter["schema"])
                    else { continue }
                    // OpenAPI 3.1 §4.8.12.4: `form` (the query default) explodes unless told not to.
                    let explode = parameter["explode"] as? Bool ?? true
                    if let kind = Self.kind(schema, explode: explode, resolve: resolve) { rules.append(Rule(name: name, kind: kind)) }
                }
                operations["\(method.uppercased()) \(path)"] = rules
            }
        }
        return operations
    }

    static func kind(_ schema: [String: Any], explode: Bool, resolve: (Any?) -> [String: Any]?) -> Rule.Kind? {
        func int(_ key: String) -> Int? { (schema[key] as? NSNumber)?.intValue }
        switch schema["type"] as? String {
        case "integer":
            return .integer(minimum: int("minimum"), maximum: int("maximum"))
        case "string":
            if schema["format"] as? String == "date-time" { return .dateTime }
            let pattern = (schema["pattern"] as? String).flatMap(Pattern.init)
            return .string(minLength: int("minLength"), maxLength: int("maxLength"),
                           allowed: schema["enum"] as? [String], pattern: pattern)
        case "array":
            guard let items = resolve(schema["items"]),
                  let item = kind(items, explode: explode, resolve: resolve)
            else { return nil }
            return .array(item: item, minItems: int("minItems"), maxItems: int("maxItems"), explode: explode)
        default:
            return nil
        }
    }

    /// Throws a 400 naming the first parameter of `query` that breaks its documented schema.
    /// HEAD is checked as the GET it stands for.
    public func validate(_ query: QueryParameters, method: String, pattern: String, format: Request.Format) throws(APIError) {
        // No parameter, nothing to refuse; and the rules (read from the document on first
        // use) are not made for a request without a query, such as the first /healthz.
        guard !query.pairs.isEmpty else { return }
        let verb = method == "HEAD" ? "GET" : method
        let key = "\(verb) \(pattern)\(format == .csv ? ".csv" : "")"
        guard let rules = operations[key] ?? operations["\(verb) \(pattern)"] else { return }
        for rule in rules {
            let values = query.pairs.filter { $0.name == rule.name }.map(\.value)
            guard !values.isEmpty else { continue }
            // A parameter that takes one value may not be repeated with another (`?limit=1&limit=2`).
            if case .array = rule.kind {} else { _ = try query.single(rule.name) }
            if let violation = rule.violation(occurrences: values) {
                throw .badRequest("The query parameter '\(rule.name)' \(violation).", parameter: rule.name)
            }
        }
    }
}

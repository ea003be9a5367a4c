/// Completes the edited API document (`openapi/openapi.json`) with what the route table already
/// says, so the file holds each thing once and a new endpoint is a small edit:
///
/// - **CSV twins.** For every GET route served as CSV (`RouteOptions.csv`), the path
///   `PATTERN.csv` with operation `<operationId>Csv`, summary `<summary> (CSV)`, the same tags,
///   parameters (plus `limit`/`cursor`, which every CSV accepts) and responses, its 200 being
///   `text/csv` with `Content-Disposition`. The JSON operation's 200 gains the `text/csv`
///   representation (`Accept: text/csv`) and a 406. An operation may adjust its twin with
///   `"x-csv": {"summary", "description", "note", "response"}` (`note` is appended to the
///   standard description, `response` replaces the 200's description).
/// - **Parameters every operation has**: `If-None-Match` and `If-Match` (the service evaluates
///   preconditions on every route, RFC 9110 §13.2); `bom` and `header` on CSV routes.
/// - **Shared problem responses**, each added unless the file gives that status its own
///   answer: `default` and 412 everywhere; 304 on GET; 503 on every route that runs on the
///   worker pool (not `nonBlocking`), as the database or the pool can be busy; 400 when the
///   operation has a parameter or a body; 404 when the path has a parameter; 401 when it
///   `requiresToken`; 413, 415 and 422 when it `acceptsJSONBody`. 405 and 501 are not per
///   operation (they answer methods no operation lists) and are described in `info`.
/// - **Shared response headers**: `X-Request-Id` and `Access-Control-Allow-Origin` on every
///   response written out in the file (operations and `components/responses`); `ETag` on the
///   2xx of a cacheable GET (`RouteOptions.cacheable`); `Link` on the 200 of a paged operation
///   (one with `limit`).
///
/// Keys starting with `x-csv` are the file's own and are removed from what is served.
struct OpenAPIAssembler {
    /// What the assembler reads from a route.
    struct RouteSummary: Sendable {
        let method: String
        let pattern: String
        let options: RouteOptions

        init(method: String, pattern: String, options: RouteOptions) {
            self.method = method
            self.pattern = pattern
            self.options = options
        }

        init(_ route: Route) {
            self.init(method: route.method, pattern: route.pattern, options: route.options)
        }
    }

    private var document: [String: JSONValue]
    /// `in` of each `components/parameters` entry: `query`, `path`, `header`.
    private let parameterLocations: [String: String]

    init(source: [String: JSONValue]) {
        document = source
        var locations: [String: String] = [:]
        if case let .object(components)? = source["components"], case let .object(parameters)? = components["parameters"] {
            for (name, parameter) in parameters {
                if case let .object(members) = parameter, case let .string(location)? = members["in"] { locations[name] = location }
            }
        }
        parameterLocations = locations
    }

    /// The served document: `source` completed for `routes`. Routes the file does not
    /// document are left out (the router↔document test reports them).
    static func assemble(_ source: [String: JSONValue], routes: [RouteSummary]) -> JSONValue {
        var assembler = OpenAPIAssembler(source: source)
        assembler.completeResponseComponents()
        for route in routes where route.method != "HEAD" && route.method != "OPTIONS" {
            assembler.complete(route)
        }
        return .object(assembler.document)
    }

    // MARK: References

    static func ref(_ kind: String, _ name: String) -> JSONValue {
        .object(["$ref": .string("#/components/\(kind)/\(name)")])
    }

    static let csvContent: JSONValue = .object([
        "schema": .object(["type": .string("string"), "description": .string("RFC 4180 CSV with a header row, UTF-8.")]),
    ])

    // MARK: Completing

    private mutating func completeResponseComponents() {
        guard case var .object(components)? = document["components"],
              case var .object(responses)? = components["responses"] else { return }
        for (name, response) in responses {
            responses[name] = Self.adding(headers: ["X-Request-Id", "Access-Control-Allow-Origin"], to: response)
        }
        components["responses"] = .object(responses)
        document["components"] = .object(components)
    }

    private mutating func complete(_ route: RouteSummary) {
        let method = route.method.lowercased()
        guard case var .object(paths)? = document["paths"],
              case var .object(item)? = paths[route.pattern],
              case let .object(operation)? = item[method] else { return }
        let isCSV = route.options.csv && route.method == "GET"
        var json = operation
        json["x-csv"] = nil
        json = completing(json, route: route, csvTwin: false)
        item[method] = .object(json)
        paths[route.pattern] = .object(item)
        if isCSV, paths[route.pattern + ".csv"] == nil {
            paths[route.pattern + ".csv"] = .object(["get": .object(csvTwin(of: operation, route: route))])
        }
        document["paths"] = .object(paths)
    }

    /// The `.csv` path's operation, made from the JSON operation as written in the file.
    private func csvTwin(of operation: [String: JSONValue], route: RouteSummary) -> [String: JSONValue] {
        var adjust: [String: JSONValue] = [:]
        if case let .object(members)? = operation["x-csv"] { adjust = members }
        var twin: [String: JSONValue] = [:]
        twin["tags"] = operation["tags"]
        if case let .string(id)? = operation["operationId"] { twin["operationId"] = .string(id + "Csv") }
        let summary: String
        if case let .string(text)? = operation["summary"] { summary = text } else { summary = route.pattern }
        twin["summary"] = adjust["summary"] ?? .string(summary + " (CSV)")
        var description = "The CSV representation of `\(route.pattern)`: the whole filtered collection unless `limit` is given."
        if case let .string(note)? = adjust["note"] { description += "\n\n" + note }
        twin["description"] = adjust["description"] ?? .string(description)
        var parameters: [JSONValue] = []
        if case let .array(items)? = operation["parameters"] { parameters = items }
        for name in ["limit", "cursor"] where !parameters.contains(Self.ref("parameters", name)) {
            parameters.append(Self.ref("parameters", name))
        }
        twin["parameters"] = .array(parameters)
        var responses: [String: JSONValue] = [:]
        if case let .object(members)? = operation["responses"] { responses = members }
        responses["200"] = .object([
            "description": adjust["response"] ?? .string(summary + " as RFC 4180 CSV (header row present, UTF-8)."),
            "headers": .object(["Content-Disposition": Self.ref("headers", "Content-Disposition")]),
            "content": .object(["text/csv": .object(["schema": .object(["type": .string("string")])])]),
        ])
        twin["responses"] = .object(responses)
        return completing(twin, route: route, csvTwin: true)
    }

    /// `operation` with the parameters, responses and headers its route implies.
    private func completing(_ operation: [String: JSONValue], route: RouteSummary, csvTwin: Bool) -> [String: JSONValue] {
        var operation = operation
        let isGET = route.method == "GET"
        let isCSV = route.options.csv && isGET

        var parameters: [JSONValue] = []
        if case let .array(items)? = operation["parameters"] { parameters = items }
        var shared = ["If-None-Match", "If-Match"]
        if isCSV { shared += ["bom", "csvHeader"] }
        for name in shared where !parameters.contains(Self.ref("parameters", name)) {
            parameters.append(Self.ref("parameters", name))
        }
        operation["parameters"] = .array(parameters)
        let isPaged = parameters.contains(Self.ref("parameters", "limit"))
        let hasPathParameter = route.pattern.contains("{")
        let hasQueryParameter = parameters.contains { parameter in
            guard case let .object(members) = parameter else { return false }
            if case let .string(location)? = members["in"] { return location == "query" }
            guard case let .string(ref)? = members["$ref"] else { return false }
            return parameterLocations[String(ref.split(separator: "/").last ?? "")] == "query"
        }

        var responses: [String: JSONValue] = [:]
        if case let .object(members)? = operation["responses"] { responses = members }
        var problems: [(String, String)] = [("default", "Problem"), ("412", "PreconditionFailed")]
        if isGET { problems.append(("304", "NotModified")) }
        if !route.options.nonBlocking { problems.append(("503", "ServiceUnavailable")) }
        // A write on a full disk is 507 (SQLITE_FULL; SQLiteError+Problem.swift).
        if !isGET && !route.options.nonBlocking { problems.append(("507", "InsufficientStorage")) }
        // The service answers 400 for a query or path value outside its schema or with a
        // control character, and for a body that is not JSON.
        if hasQueryParameter || hasPathParameter || route.options.acceptsJSONBody {
            problems.append(("400", "BadRequest"))
        }
        if hasPathParameter { problems.append(("404", "NotFound")) }
        if isCSV && !csvTwin { problems.append(("406", "NotAcceptable")) }
        if route.options.requiresToken { problems.append(("401", "Unauthorized")) }
        if route.options.acceptsJSONBody {
            problems += [("413", "ContentTooLarge"), ("415", "UnsupportedMediaType"), ("422", "UnprocessableContent")]
        }
        for (status, name) in problems where responses[status] == nil {
            responses[status] = Self.ref("responses", name)
        }
        for (status, response) in responses {
            guard case var .object(members) = response, members["$ref"] == nil else { continue }
            var headers = ["X-Request-Id", "Access-Control-Allow-Origin"]
            if isGET && route.options.cacheable && status.hasPrefix("2") { headers.append("ETag") }
            if status == "200" && isPaged { headers.append("Link") }
            if status == "200" && isCSV && !csvTwin, case var .object(content)? = members["content"], content["text/csv"] == nil {
                content["text/csv"] = Self.csvContent
                members["content"] = .object(content)
            }
            responses[status] = Self.adding(headers: headers, to: .object(members))
        }
        operation["responses"] = .object(responses)
        return operation
    }

    /// `response` with `names` under `headers`, each a reference to `components/headers`,
    /// unless the response already describes that header.
    static func adding(headers names: [String], to response: JSONValue) -> JSONValue {
        guard case var .object(members) = response, members["$ref"] == nil else { return response }
        var headers: [String: JSONValue] = [:]
        if case let .object(existing)? = members["headers"] { headers = existing }
        for name in names where headers[name] == nil {
            headers[name] = ref("headers", name)
        }
        members["headers"] = .object(headers)
        return .object(members)
    }
}

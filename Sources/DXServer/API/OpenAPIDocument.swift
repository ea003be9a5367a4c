/// The text of `openapi/openapi.json`, compiled in by the EmbedOpenAPI build plugin
/// (`OpenAPISource.text`), so the binary needs no file beside it to describe itself.
enum OpenAPISource {}

/// The OpenAPI 3.1 document of the whole API, served at `GET /openapi.json`.
///
/// Edited as one file, `openapi/openapi.json`, embedded at build time; at start it is
/// completed from the route table by `OpenAPIAssembler` (the `.csv` twins of collections, the
/// shared parameters, problem responses and response headers), and the bytes served are made
/// once, here. `OpenAPITests` checks the result against the router's routes in both directions,
/// so a route added without documenting it (or the reverse) fails the tests;
/// `scripts/validate-openapi.sh` checks the served document against the OpenAPI 3.1 schema.
///
/// Every route must appear under its router pattern (same `{parameter}` names). `HEAD` and
/// `OPTIONS` are answered on every path by the service and are not listed.
public struct OpenAPIDocument: Sendable {
    /// The served document: compact JSON, UTF-8, keys sorted (so the bytes, and the ETag,
    /// depend on the content only).
    public let bytes: [UInt8]

    /// The served document as text.
    public var json: String { String(decoding: bytes, as: UTF8.self) }

    /// The document for `routes` (a router's table, with its handlers ignored).
    ///
    /// The plugin refuses to build with a file that is not a JSON object, so reading it here
    /// cannot fail but for an I-JSON rule the plugin does not check (a member name twice).
    /// Then the served document is a stub naming the fault, whose empty `paths` make the
    /// router↔document test fail, rather than a server that does not start.
    public init(routes: [Route]) {
        self.init(source: OpenAPISource.text, routes: routes.map(OpenAPIAssembler.RouteSummary.init))
    }

    init(source: String, routes: [OpenAPIAssembler.RouteSummary]) {
        do throws(JSONReader.Failure) {
            guard case let .object(members) = try JSONReader.read(Array(source.utf8)) else {
                throw JSONReader.Failure.syntax(offset: 0, reason: "the document is not a JSON object")
            }
            bytes = OpenAPIAssembler.assemble(members, routes: routes).serialized()
        } catch {
            bytes = JSONValue.object([
                "openapi": .string("3.1.0"),
                "info": .object([
                    "title": .string("openapi/openapi.json is unreadable"), "version": .string("0"),
                    "description": .string(error.description),
                ]),
                "paths": .object([:]),
            ]).serialized()
        }
    }
}

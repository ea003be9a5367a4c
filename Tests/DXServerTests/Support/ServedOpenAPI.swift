import DXCore
import DXServer
import Foundation
import Testing

/// The API document exactly as the server serves it: `openapi/openapi.json` completed from
/// the route table. Made once per test process; empty (so every test reading it fails) if the
/// fixture database cannot be made.
enum ServedOpenAPI {
    static let document: OpenAPIDocument? = try? withMigratedContext { context in
        OpenAPIDocument(routes: APIRouter.make(context: context, metrics: Metrics()).routes)
    }

    static var json: String { document?.json ?? "" }

    /// The edited file, as committed.
    static func source() throws -> [String: Any] {
        let data = try Data(contentsOf: ServerProcess.packageRoot.appendingPathComponent("openapi/openapi.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}

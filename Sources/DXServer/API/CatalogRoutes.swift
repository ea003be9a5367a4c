import DXCore

/// `GET /api/v1/catalog`: the DCAT catalog of every dataset the API publishes, as JSON-LD.
/// Public and cacheable: it changes only when the data does (its `dct:modified` dates), and
/// its absolute URLs depend on the base URL, which is part of the response cache's key.
public enum CatalogRoutes {
    /// JSON-LD's registered type (W3C JSON-LD 1.1 §C); the body is UTF-8 JSON.
    static let contentType = "application/ld+json; charset=utf-8"

    public static func register(on router: inout Router, context: AppContext) {
        let store = CatalogStore(pool: context.pool)
        let configuration = context.catalog
        router.get(DCATCatalog.path, options: .publicRead) { request in
            let catalog = DCATCatalog(configuration: configuration, snapshot: try store.snapshot(), baseURL: request.baseURL)
            return HTTPResponse(status: 200, contentType: contentType, body: catalog.document.serialized())
        }
    }
}

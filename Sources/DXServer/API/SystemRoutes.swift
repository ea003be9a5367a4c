/// Liveness, readiness and metrics: what an operator's probes and Prometheus call.
public enum SystemRoutes {
    /// `isShuttingDown`: from the moment it is true `/readyz` answers 503, so a load balancer
    /// stops sending new clients while the requests already here are served.
    public static func register(on router: inout Router, metrics: Metrics, isReady: @escaping @Sendable () -> Bool,
                                isShuttingDown: @escaping @Sendable () -> Bool = { false }) {
        let ok = Array(#"{"status":"ok"}"#.utf8)
        router.get("/healthz", options: RouteOptions(nonBlocking: true)) { _ in
            HTTPResponse(status: 200, contentType: "application/json; charset=utf-8", body: ok)
        }
        router.get("/readyz", options: RouteOptions()) { _ in
            guard !isShuttingDown() else {
                throw APIError(status: 503, detail: "The server is shutting down.", headers: HTTPHeaders([("Retry-After", "5")]))
            }
            guard isReady() else {
                throw APIError(status: 503, detail: "The database is not open or not migrated.",
                               headers: HTTPHeaders([("Retry-After", "5")]))
            }
            return HTTPResponse(status: 200, contentType: "application/json; charset=utf-8", body: Array(#"{"status":"ready"}"#.utf8))
        }
        router.get("/metrics", options: RouteOptions(nonBlocking: true)) { _ in
            HTTPResponse(status: 200, contentType: "text/plain; version=0.0.4; charset=utf-8", body: Array(metrics.exposition().utf8))
        }
        // The bytes are made once. Cacheable but not nonBlocking: a nonBlocking route bypasses the
        // response cache, which would hash and gzip this large document on every request.
        let openAPI = Array(OpenAPIDocument.json.utf8)
        router.get("/openapi.json", options: .publicRead) { _ in
            HTTPResponse(status: 200, contentType: "application/json; charset=utf-8", body: openAPI)
        }
    }
}

/// Liveness, readiness and metrics: what an operator's probes and Prometheus call.
/// (`/openapi.json` is registered last, by `APIRouter`, as it describes every other route.)
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
    }
}

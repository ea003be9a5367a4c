/// What keeps one client, or a burst of costly requests, from taking the server from everyone
/// else: whose forwarding headers count, the failed-authentication limit per client, and the
/// cap on concurrent expensive requests. Configured by `dxserve serve` (`--trusted-proxy`,
/// `--auth-failure-limit`, `--auth-failure-window`, `--max-expensive-requests`).
public struct AbuseControl: Sendable {
    public var trustedProxies: TrustedProxies
    public var authFailures: AuthFailureLimiter
    public var expensiveRequests: ExpensiveRequestGate
    /// `Retry-After` seconds on a 503 for a full expensive-request gate: long enough for a
    /// search or a facet count to finish, short enough that a client retries soon.
    public var busyRetryAfter: Int

    /// Defaults: nobody trusted; 10 failures per 300 s window per client, 10000 clients
    /// tracked; 8 expensive requests at once.
    public init(trustedProxies: TrustedProxies = TrustedProxies(),
                authFailures: AuthFailureLimiter = AuthFailureLimiter(limit: 10, windowSeconds: 300, maxClients: 10_000),
                expensiveRequests: ExpensiveRequestGate = ExpensiveRequestGate(capacity: 8), busyRetryAfter: Int = 2) {
        self.trustedProxies = trustedProxies
        self.authFailures = authFailures
        self.expensiveRequests = expensiveRequests
        self.busyRetryAfter = max(1, busyRetryAfter)
    }

    /// The 429 for a client over the failed-authentication limit.
    static func tooManyFailures(retryAfter: Int) -> APIError {
        APIError(status: 429, type: "/problems/too-many-authentication-failures",
                 detail: "Too many failed authentications from this client; try again in \(retryAfter) s.",
                 extensions: ["retry_after": .number(Double(retryAfter))],
                 headers: HTTPHeaders([("Retry-After", String(retryAfter))]))
    }

    /// The 503 for an expensive request while the gate is full.
    func busy() -> APIError {
        APIError(status: 503, type: "/problems/busy",
                 detail: "Too many searches, facet counts or exports are running; try again in \(busyRetryAfter) s.",
                 extensions: ["retry_after": .number(Double(busyRetryAfter))],
                 headers: HTTPHeaders([("Retry-After", String(busyRetryAfter))]))
    }
}

extension AbuseControl {
    /// `dxserve_rate_limited_requests_total{reason}` (auth_failures: 429, expensive_requests:
    /// 503), the expensive requests running and their cap, and the failure table's size and
    /// evictions.
    public func registerMetrics(on metrics: Metrics) {
        let limiter = authFailures
        let gate = expensiveRequests
        metrics.add("dxserve_rate_limited_requests_total", kind: .counter,
                    help: "Requests refused by a limit, by reason: auth_failures (429), expensive_requests (503).") {
            [Metrics.Sample(labels: [("reason", "auth_failures")], value: Double(limiter.refusedRequests)),
             Metrics.Sample(labels: [("reason", "expensive_requests")], value: Double(gate.refusedRequests))]
        }
        metrics.addGauge("dxserve_expensive_requests_in_flight", help: "Searches, facet counts and CSV streams running now.") {
            Double(gate.current)
        }
        metrics.addGauge("dxserve_expensive_requests_limit", help: "Most expensive requests admitted at once (0: no cap).") {
            Double(gate.capacity)
        }
        metrics.addGauge("dxserve_auth_failure_clients", help: "Clients with failed authentications in their current window.") {
            Double(limiter.trackedClients)
        }
        metrics.addCounter("dxserve_auth_failure_clients_evicted_total",
                           help: "Clients dropped from the failed-authentication table because it was full.") {
            Double(limiter.evictedClients)
        }
    }
}

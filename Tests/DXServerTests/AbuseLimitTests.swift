import DXCore
@testable import DXServer
import Testing

/// The failed-authentication limit per client (429) and the cap on concurrent expensive
/// requests (503), both with `Retry-After` and a problem document, both in /metrics.
struct AbuseLimitTests {
    static func limits(failures: Int = 3, clients: Int = 100, expensive: Int = 8, trusted: [String] = []) throws -> AbuseControl {
        AbuseControl(trustedProxies: TrustedProxies(try trusted.map { try CIDRBlock(parsing: $0) }),
                     authFailures: AuthFailureLimiter(limit: failures, windowSeconds: 60, maxClients: clients),
                     expensiveRequests: ExpensiveRequestGate(capacity: expensive))
    }

    static func create(_ api: InProcessAPI, token: String) throws -> HTTPResponse {
        try api.request("POST", "/api/v1/projects",
                        headers: [("Authorization", "Bearer \(token)"), ("Content-Type", "application/json")], body: Array("{}".utf8))
    }

    static func expectProblem(_ response: HTTPResponse, status: Int) throws {
        #expect(response.status == status)
        #expect(response.header("Content-Type") == "application/problem+json; charset=utf-8")
        let retry = try #require(response.header("Retry-After").flatMap { Int($0) })
        #expect(retry >= 1)
        let problem = try #require(try response.json() as? [String: Any])
        #expect(problem["status"] as? Int == status)
        #expect(problem["retry_after"] as? Int == retry)
    }

    @Test func failedAuthenticationsBeyondTheLimitAre429WithRetryAfter() throws {
        try withAPIService(abuse: try Self.limits(failures: 3), peer: IPAddress(parsing: "198.51.100.4")) { api in
            let token = try api.adminToken()
            for _ in 0..<3 { #expect(try Self.create(api, token: "wrong").status == 401) }
            // Even the right token now waits: the limit is on the client, not the guess.
            let refused = try Self.create(api, token: token)
            try Self.expectProblem(refused, status: 429)
            #expect(try Self.create(api, token: "wrong").status == 429)
            // Reads are not limited.
            #expect(try api.get("/api/v1/plan").status == 200)
            #expect(api.service.metrics.exposition().contains("dxserve_rate_limited_requests_total{reason=\"auth_failures\"} 2"))
        }
    }

    @Test func anotherClientsFailuresAndSuccessesLeaveThisClientAlone() throws {
        try withAPIService(abuse: try Self.limits(failures: 2), peer: IPAddress(parsing: "198.51.100.4")) { api in
            let token = try api.adminToken()
            let attacker = api.from("203.0.113.9")
            for _ in 0..<2 { #expect(try Self.create(attacker, token: "wrong").status == 401) }
            #expect(try Self.create(attacker, token: token).status == 429)
            // This client is untouched by the attacker's count...
            #expect(try Self.create(api, token: "wrong").status == 401)
            #expect(try Self.create(api, token: token).status == 422)
            // ...and its success did not reset the attacker's.
            #expect(try Self.create(attacker, token: token).status == 429)
            // Its own failure, after the success, still counts: two make the limit.
            #expect(try Self.create(api, token: "wrong").status == 401)
            #expect(try Self.create(api, token: token).status == 429)
        }
    }

    @Test func requestsWithoutAnyTokenAreNotCountedAsFailures() throws {
        try withAPIService(abuse: try Self.limits(failures: 2), peer: IPAddress(parsing: "198.51.100.4")) { api in
            let token = try api.adminToken()
            for _ in 0..<5 {
                let anonymous = try api.request("POST", "/api/v1/projects", headers: [("Content-Type", "application/json")], body: Array("{}".utf8))
                #expect(anonymous.status == 401)
            }
            #expect(try Self.create(api, token: token).status == 422)
        }
    }

    @Test func clientBehindATrustedProxyIsLimitedByItsForwardedAddress() throws {
        let abuse = try Self.limits(failures: 2, trusted: ["10.0.0.0/8"])
        try withAPIService(abuse: abuse, peer: IPAddress(parsing: "10.0.0.2")) { api in
            let token = try api.adminToken()
            func create(from client: String, _ token: String) throws -> HTTPResponse {
                try api.request("POST", "/api/v1/projects",
                                headers: [("Authorization", "Bearer \(token)"), ("Content-Type", "application/json"), ("X-Forwarded-For", client)],
                                body: Array("{}".utf8))
            }
            for _ in 0..<2 { #expect(try create(from: "203.0.113.9", "wrong").status == 401) }
            #expect(try create(from: "203.0.113.9", token).status == 429)
            // Another client through the same proxy is not held back.
            #expect(try create(from: "192.0.2.1", token).status == 422)
        }
        // From an untrusted peer, X-Forwarded-For cannot spread one client's failures over many.
        let direct = try Self.limits(failures: 2, trusted: ["10.0.0.0/8"])
        try withAPIService(abuse: direct, peer: IPAddress(parsing: "198.51.100.4")) { api in
            let token = try api.adminToken()
            for hop in ["192.0.2.1", "192.0.2.2"] {
                let response = try api.request("POST", "/api/v1/projects",
                                                headers: [("Authorization", "Bearer wrong"), ("X-Forwarded-For", hop)], body: Array("{}".utf8))
                #expect(response.status == 401)
            }
            #expect(try Self.create(api, token: token).status == 429)
        }
    }

    @Test func theLimitEndsWithTheWindow() throws {
        let limiter = AuthFailureLimiter(limit: 2, windowSeconds: 10, maxClients: 10)
        let client = try #require(IPAddress(parsing: "192.0.2.1"))
        let second: UInt64 = 1_000_000_000
        limiter.recordFailure(client, now: 100 * second)
        #expect(limiter.retryAfter(client, now: 101 * second) == nil)
        limiter.recordFailure(client, now: 101 * second)
        #expect(limiter.retryAfter(client, now: 101 * second) == 9)
        #expect(limiter.retryAfter(client, now: 109 * second + 1) == 1)
        #expect(limiter.retryAfter(client, now: 110 * second) == nil)
        // A failure after the window opens a new one, counted from one.
        limiter.recordFailure(client, now: 111 * second)
        #expect(limiter.retryAfter(client, now: 111 * second) == nil)
    }

    @Test func theFailureTableIsCappedByEvictingTheOldestWindow() throws {
        let limiter = AuthFailureLimiter(limit: 1, windowSeconds: 60, maxClients: 3)
        let clients = try (1...5).map { try #require(IPAddress(parsing: "192.0.2.\($0)")) }
        for (i, client) in clients.enumerated() { limiter.recordFailure(client, now: UInt64(i + 1) * 1_000_000) }
        #expect(limiter.trackedClients == 3)
        #expect(limiter.evictedClients == 2)
        #expect(limiter.retryAfter(clients[0], now: 10_000_000) == nil)
        #expect(limiter.retryAfter(clients[1], now: 10_000_000) == nil)
        for client in clients[2...] { #expect(limiter.retryAfter(client, now: 10_000_000) != nil) }
        // Many clients over time: the bookkeeping stays bounded too.
        for i in 0..<10_000 {
            limiter.recordFailure(IPAddress(v4: (10, UInt8(i >> 16 & 0xFF), UInt8(i >> 8 & 0xFF), UInt8(i & 0xFF))), now: UInt64(i) * 1_000_000 + 20_000_000)
        }
        #expect(limiter.trackedClients == 3)
    }

    @Test func expensiveRequestsBeyondTheCapAre503WithRetryAfter() throws {
        let abuse = try Self.limits(expensive: 1)
        try withAPIService(abuse: abuse) { api in
            let held = try #require(abuse.expensiveRequests.enter())
            try Self.expectProblem(try api.get("/api/v1/projects?q=%E5%B8%82"), status: 503)
            try Self.expectProblem(try api.get("/api/v1/projects?facets=status"), status: 503)
            try Self.expectProblem(try api.get("/api/v1/projects.csv"), status: 503)
            // Cheap requests go on while the gate is full.
            #expect(try api.get("/api/v1/projects?limit=5").status == 200)
            #expect(try api.get("/api/v1/projects.csv?limit=5").status == 200)
            held.release()
            #expect(try api.get("/api/v1/projects?q=%E5%B8%82").status == 200)
            #expect(try api.get("/api/v1/projects?facets=status").status == 200)
            #expect(abuse.expensiveRequests.current == 0)
            #expect(api.service.metrics.exposition().contains("dxserve_rate_limited_requests_total{reason=\"expensive_requests\"} 3"))
        }
    }

    @Test func aStreamedExportHoldsItsSlotUntilItEnds() throws {
        let abuse = try Self.limits(expensive: 1)
        try withAPIService(abuse: abuse) { api in
            let request = try #require(try ClientIdentityTests.parse("GET /api/v1/projects.csv HTTP/1.1\r\nHost: x\r\n\r\n"))
            let export = api.service.respond(to: request)
            let stream = try #require(export.stream)
            #expect(abuse.expensiveRequests.current == 1)
            #expect(try api.get("/api/v1/projects?q=x").status == 503)
            while try stream.nextChunk() != nil {}
            #expect(abuse.expensiveRequests.current == 0)
            #expect(try api.get("/api/v1/projects?q=x").status == 200)
        }
    }

    @Test func anAbandonedStreamGivesItsSlotBack() throws {
        let abuse = try Self.limits(expensive: 1)
        try withAPIService(abuse: abuse) { api in
            let request = try #require(try ClientIdentityTests.parse("GET /api/v1/projects.csv HTTP/1.1\r\nHost: x\r\n\r\n"))
            do {
                let export = api.service.respond(to: request)
                #expect(export.stream != nil)
                #expect(abuse.expensiveRequests.current == 1)
            }
            #expect(abuse.expensiveRequests.current == 0)
        }
    }
}

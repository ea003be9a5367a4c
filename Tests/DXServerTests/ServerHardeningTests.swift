import DXServer
import Foundation
import Testing

/// Hostile or unusual input that once broke, or could break, the service; in-process, but for
/// the forged Host (the engine's replay cache must not mix clients either) and the 413 race.
@Suite struct ServerHardeningTests {
    @Test(arguments: [";", ",;", ";q=1", " , ", "text/csv;;q=0"])
    func malformedAcceptHeadersAreHarmless(value: String) throws {
        try withAPIService { api in
            for header in ["Accept", "Accept-Encoding"] {
                let response = try api.get("/api/v1/measures", headers: [(header, value)])
                // `Accept: text/csv;;q=0` refuses CSV and names nothing else: 406, by design.
                let refusesEverything = header == "Accept" && value == "text/csv;;q=0"
                #expect(response.status == (refusesEverything ? 406 : 200), "\(header): \(value)")
            }
            let after = try api.get("/healthz")
            #expect(after.status == 200)
        }
    }

    @Test func refusedCSVWithQZeroStaysJSON() throws {
        try withAPIService { api in
            let response = try api.get("/api/v1/measures", headers: [("Accept", "text/csv;q=0, application/json")])
            #expect(response.header("Content-Type") == "application/json; charset=utf-8")
            let explicit = try api.get("/api/v1/measures", headers: [("Accept-Encoding", "*, gzip;q=0")])
            #expect(explicit.header("Content-Encoding") == nil)
        }
    }

    @Test func negotiatedRepresentationsSayVaryAccept() throws {
        try withAPIService { api in
            let negotiated = try api.get("/api/v1/measures")
            let suffixed = try api.get("/api/v1/measures.csv")
            let single = try api.get("/api/v1/plan")
            #expect(negotiated.header("Vary") == "Accept, Accept-Encoding")
            #expect(suffixed.header("Vary") == "Accept-Encoding")
            #expect(single.header("Vary") == "Accept-Encoding")
        }
    }

    @Test func aForgedHostDoesNotPoisonOtherClientsLinks() throws {
        try withAPIServer { api in
            let client = try RawClient(port: api.port)
            try client.write("GET /api/v1/measures?limit=5 HTTP/1.1\r\nHost: evil.example\r\n\r\n")
            let forged = try #require(try client.readResponse())
            #expect(forged.header("Link")?.hasPrefix("<http://evil.example/") == true)
            let honest = try api.get("/api/v1/measures?limit=5")
            #expect(honest.header("Link")?.hasPrefix("<http://localhost:\(api.port)/") == true)
        }
    }

    @Test func anEncodedHashInThePathDoesNotHitAnotherEntry() throws {
        try withAPIService { api in
            let csv = try api.get("/api/v1/measures.csv")
            #expect(csv.status == 200)
            let response = try api.get("/api/v1/measures%23csv")
            #expect(response.status == 404)
        }
    }

    @Test func aTooLargeBodyStill413sWhileTheClientKeepsSending() throws {
        try withTestServer(configure: { $0.limits.maxBody = 1024 }) { server in
            let client = try server.connect()
            try client.write("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 4000000\r\n\r\n")
            let chunk = [UInt8](repeating: 0x61, count: 64 * 1024)
            // The server answers from the head; lingering on close keeps the answer from
            // being destroyed by a reset while body bytes are still arriving.
            for _ in 0..<8 { try? client.write(chunk) }
            let response = try #require(try client.readResponse(timeout: 3))
            #expect(response.status == 413)
        }
    }
}

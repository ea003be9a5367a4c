import DXServer
import Foundation
import Testing

/// `Expect: 100-continue` (RFC 9110 §10.1.1): a final status the head alone decides is sent
/// at once, never after a `100 Continue`; the connection then closes (RFC 9112 §9.6), since
/// the body it announced was not read.
@Suite struct ServerExpectContinueTests {
    static let body = #"{"title":"x"}"#

    /// Sends only the head of a request announcing `body`, with `Expect: 100-continue`, and
    /// returns the first response (interim or final) the server sends before any body byte.
    static func firstAnswer(_ server: APITestServer, _ method: String, _ target: String,
                            headers: [(String, String)], client: RawClient) throws -> RawResponse {
        var head = "\(method) \(target) HTTP/1.1\r\nHost: localhost\r\nExpect: 100-continue\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(body.utf8.count)\r\n\r\n"
        try client.write(head)
        return try #require(try client.readResponse(timeout: 5))
    }

    @Test func aWriteWithoutATokenIs401WithoutAContinue() throws {
        try withAPIServer { server in
            let client = try RawClient(port: server.port)
            let response = try Self.firstAnswer(server, "POST", "/api/v1/projects", headers: [("Content-Type", "application/json")], client: client)
            #expect(response.status == 401)
            #expect(response.header("WWW-Authenticate")?.hasPrefix("Bearer") == true)
            #expect(response.header("Content-Type")?.hasPrefix("application/problem+json") == true)
            #expect(response.closesConnection)
            #expect(client.waitForClose(timeout: 5), "the unread body is not taken for a next request")
        }
    }

    @Test func aNonBearerAuthorizationIs401WithoutAContinue() throws {
        try withAPIServer { server in
            let client = try RawClient(port: server.port)
            let response = try Self.firstAnswer(server, "PATCH", "/api/v1/projects/1",
                                                headers: [("Authorization", "Basic YTpi"), ("Content-Type", "application/json")], client: client)
            #expect(response.status == 401)
        }
    }

    @Test func anUnknownPathIs404WithoutAContinue() throws {
        try withAPIServer { server in
            let client = try RawClient(port: server.port)
            let response = try Self.firstAnswer(server, "POST", "/api/v1/nothing-here", headers: [("Content-Type", "application/json")], client: client)
            #expect(response.status == 404)
            #expect(response.closesConnection)
        }
    }

    @Test func aMethodTheResourceDoesNotAllowIs405WithoutAContinue() throws {
        try withAPIServer { server in
            let client = try RawClient(port: server.port)
            let response = try Self.firstAnswer(server, "POST", "/api/v1/measures", headers: [("Content-Type", "application/json")], client: client)
            #expect(response.status == 405)
            #expect(response.header("Allow")?.contains("GET") == true)
        }
    }

    @Test func aBodyThatIsNotJSONIs415WithoutAContinue() throws {
        try withAPIServer { server in
            let client = try RawClient(port: server.port)
            let response = try Self.firstAnswer(server, "POST", "/api/v1/surveys",
                                                headers: [("Authorization", "Bearer dxt_any"), ("Content-Type", "text/plain")], client: client)
            #expect(response.status == 415)
            #expect(response.header("Accept-Post") == "application/json")
        }
    }

    @Test func aDeclaredBodyAboveTheLimitIs413WithoutAContinue() throws {
        try withAPIServer { server in
            let client = try RawClient(port: server.port)
            try client.write("POST /api/v1/projects HTTP/1.1\r\nHost: localhost\r\nExpect: 100-continue\r\nContent-Type: application/json\r\nAuthorization: Bearer x\r\nContent-Length: 999999999\r\n\r\n")
            let response = try #require(try client.readResponse(timeout: 5))
            #expect(response.status == 413)
        }
    }

    @Test func anAuthorisedWriteStillGetsContinueThenItsAnswer() throws {
        try withAPIServer { server in
            let token = try server.context.auth.tokens.create(name: "expect")
            let client = try RawClient(port: server.port)
            let body = ProjectClient.validBody
            try client.write("POST /api/v1/projects HTTP/1.1\r\nHost: localhost\r\nExpect: 100-continue\r\nAuthorization: Bearer \(token)\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n")
            let interim = try #require(try client.readResponse(timeout: 5))
            #expect(interim.status == 100)
            try client.write(body)
            let final = try #require(try client.readResponse(timeout: 5))
            #expect(final.status == 201, "\(final.text)")
        }
    }

    /// A present but wrong token is known to be wrong only from the database: a worker looks
    /// it up before any 100 is sent, and the client never uploads its body.
    @Test func aWrongTokenIs401WithoutAContinue() throws {
        try withAPIServer { server in
            let client = try RawClient(port: server.port)
            let response = try Self.firstAnswer(server, "POST", "/api/v1/projects",
                                                headers: [("Authorization", "Bearer dxt_wrong"), ("Content-Type", "application/json")], client: client)
            #expect(response.status == 401)
            #expect(response.header("WWW-Authenticate")?.contains("invalid_token") == true)
            #expect(response.closesConnection)
            #expect(client.waitForClose(timeout: 5), "the unread body is not taken for a next request")
        }
    }

    @Test func aRevokedTokenIs401WithoutAContinue() throws {
        try withAPIServer { server in
            let token = try server.context.auth.tokens.create(name: "gone")
            try server.context.auth.tokens.revoke(name: "gone")
            let client = try RawClient(port: server.port)
            let response = try Self.firstAnswer(server, "PUT", "/api/v1/projects/1/budget/2023",
                                                headers: [("Authorization", "Bearer \(token)"), ("Content-Type", "application/json")], client: client)
            #expect(response.status == 401)
        }
    }

    @Test func conflictingContentTypesAre400WithoutAContinue() throws {
        try withAPIServer { server in
            let client = try RawClient(port: server.port)
            let response = try Self.firstAnswer(server, "POST", "/api/v1/projects",
                                                headers: [("Authorization", "Bearer x"), ("Content-Type", "application/json"), ("Content-Type", "text/csv")], client: client)
            #expect(response.status == 400)
            #expect(response.closesConnection)
        }
    }

    /// A client that sends its body anyway (it need not wait for the 100) still reads the
    /// whole early answer: the server discards the body while it lingers, it does not reset.
    @Test func aBodySentAnywayAfterAnEarlyAnswerIsDiscarded() throws {
        try withAPIServer { server in
            let client = try RawClient(port: server.port)
            let big = String(repeating: "x", count: 200_000)
            try client.write("POST /api/v1/projects HTTP/1.1\r\nHost: localhost\r\nExpect: 100-continue\r\nContent-Type: application/json\r\nContent-Length: \(big.utf8.count)\r\n\r\n" + big)
            let response = try #require(try client.readResponse(timeout: 5))
            #expect(response.status == 401)
            #expect(response.closesConnection)
        }
    }

    @Test func withoutExpectTheBodyIsReadAndTheConnectionKept() throws {
        try withAPIServer { server in
            let client = try RawClient(port: server.port)
            try client.write("POST /api/v1/projects HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: \(Self.body.utf8.count)\r\n\r\n\(Self.body)")
            let response = try #require(try client.readResponse(timeout: 5))
            #expect(response.status == 401)
            #expect(!response.closesConnection)
        }
    }
}

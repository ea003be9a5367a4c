import Foundation
import Testing

/// Tokens made and revoked by the CLI, a separate process, while the server runs.
@Suite("Admin tokens across processes")
struct AdminTokenProcessTests {
    func post(_ port: Int, token: String) throws -> Int {
        let body = #"{"measure_code":"1-7","title":"t","department":"d","start_fiscal_year":2022,"end_fiscal_year":2024}"#
        let client = try RawClient(port: port)
        try client.write("POST /api/v1/projects HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(token)\r\n"
                         + "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)")
        return try #require(try client.readResponse()).status
    }

    @Test("a token created while the server runs works at the next request; revoked, it fails at the next; neither is logged")
    func createdAndRevokedWhileRunning() throws {
        let db = tempDatabasePath()
        let server = try ServerProcess(arguments: ["--db", db])
        let created = try runDXServe(["token", "create", "carol", "--db", db])
        #expect(created.status == 0, "\(created.err)")
        let token = created.out.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(token.count >= 43, "at least 256 bits, base64")
        #expect(try post(server.port, token: token) == 201)
        #expect(try runDXServe(["token", "revoke", "carol", "--db", db]).status == 0)
        #expect(try post(server.port, token: token) == 401)
        let listed = try runDXServe(["token", "list", "--db", db])
        #expect(listed.out.contains("carol") && !listed.out.contains(token))
        server.signal(SIGTERM)
        #expect(server.waitForExit() == 0)
        #expect(!server.stderrText.contains(token))
    }
}

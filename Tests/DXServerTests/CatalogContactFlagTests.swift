import Foundation
import Testing

/// `--contact-name`/`--contact-email` (`DX_CONTACT_NAME`/`DX_CONTACT_EMAIL`): checked at start,
/// and what the catalog's contact point says.
@Suite("Catalog contact flags")
struct CatalogContactFlagTests {
    @Test func serveRefusesAMalformedContactEmailAtStart() throws {
        let result = try runDXServe(["serve", "--port", "0", "--db", tempDatabasePath(), "--contact-email", "not-an-address"])
        #expect(result.status != 0)
        #expect(result.err.contains("--contact-email"))
        #expect(result.err.contains("not-an-address"))
    }

    @Test func contactFromTheEnvironmentIsTheCatalogsContactPoint() throws {
        let server = try ServerProcess(arguments: ["--db", tempDatabasePath()],
                                       environment: ["DX_CONTACT_NAME": "Open data desk", "DX_CONTACT_EMAIL": "opendata@example.org"])
        let client = try RawClient(port: server.port)
        try client.write("GET /api/v1/catalog HTTP/1.1\r\nHost: localhost\r\n\r\n")
        let response = try #require(try client.readResponse())
        #expect(response.status == 200)
        let catalog = try #require(try response.json() as? [String: Any])
        let contact = try #require(catalog["dcat:contactPoint"] as? [String: Any])
        #expect(contact["vcard:fn"] as? String == "Open data desk")
        #expect((contact["vcard:hasEmail"] as? [String: Any])?["@id"] as? String == "mailto:opendata@example.org")
    }
}

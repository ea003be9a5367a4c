import DXCore
@testable import DXServer
import Foundation
import Testing

/// `GET /api/v1/catalog`: a DCAT catalog in JSON-LD whose every distribution URL works.
@Suite("DCAT catalog")
struct CatalogAPITests {
    static let expectedDatasets: Set<String> = [
        "plan", "concepts", "policies", "measures", "principles", "timeline", "governance", "projects",
        "project-history", "progress", "surveys", "survey-15-questions", "survey-15-respondents",
    ]
    /// The collections, which the API also serves as CSV.
    static let csvDatasets = expectedDatasets.subtracting(["plan", "governance", "progress"])

    @Test func catalogIsJSONLDListingEveryPublishedDataset() throws {
        try withCatalogService { api in
            let response = try api.get("/api/v1/catalog")
            #expect(response.status == 200)
            #expect(response.header("Content-Type") == "application/ld+json; charset=utf-8")
            let catalog = try #require(try response.json() as? [String: Any])
            #expect(catalog["@type"] as? String == "dcat:Catalog")
            #expect(catalog["@id"] as? String == "http://localhost/api/v1/catalog")
            let context = try #require(catalog["@context"] as? [String: String])
            #expect(context["dcat"] == "http://www.w3.org/ns/dcat#")
            #expect(context["dct"] == "http://purl.org/dc/terms/")
            let datasets = try Self.datasets(catalog)
            #expect(Set(datasets.keys) == Self.expectedDatasets)
            for (id, dataset) in datasets {
                #expect(dataset["@type"] as? String == "dcat:Dataset", "\(id)")
                #expect(Self.languages(dataset["dct:title"]) == ["ja", "en"], "\(id) title")
                #expect(Self.languages(dataset["dct:description"]) == ["ja", "en"], "\(id) description")
                #expect(Set(Self.languages(dataset["dcat:keyword"])) == ["ja", "en"], "\(id) keywords")
                #expect(Self.iri(dataset["dct:publisher"]) == "http://localhost/api/v1/catalog#publisher", "\(id)")
                #expect(Self.iri(dataset["dct:license"]) == "https://creativecommons.org/licenses/by/4.0/", "\(id)")
                #expect(Self.iri(dataset["dct:spatial"]) == "http://data.e-stat.go.jp/lod/sac/C45202", "\(id)")
                #expect(dataset["dct:modified"] != nil, "\(id) modified")
                let formats = try Self.distributions(dataset).map { Self.iri($0["dct:format"]) }
                let expected = Self.csvDatasets.contains(id) ? ["JSON", "CSV"] : ["JSON"]
                #expect(formats == expected.map { "http://publications.europa.eu/resource/authority/file-type/\($0)" }, "\(id)")
            }
        }
    }

    /// The promise a harvester acts on: every URL the catalog gives answers 200 with the type
    /// the distribution states.
    @Test func everyDistributionURLAnswers200WithItsMediaType() throws {
        try withCatalogService { api in
            let catalog = try #require(try api.get("/api/v1/catalog").json() as? [String: Any])
            var checked = 0
            for (id, dataset) in try Self.datasets(catalog) {
                for distribution in try Self.distributions(dataset) {
                    let mediaType = try #require(Self.iri(distribution["dcat:mediaType"]))
                    let type = String(mediaType.dropFirst("https://www.iana.org/assignments/media-types/".count))
                    #expect(type == "application/json" || type == "text/csv", "\(id)")
                    for key in ["dcat:accessURL", "dcat:downloadURL"] {
                        guard let url = Self.iri(distribution[key]) else { continue }
                        #expect(url.hasPrefix("http://localhost/"), "\(id) \(key) \(url)")
                        let answer = try api.get(String(url.dropFirst("http://localhost".count)))
                        #expect(answer.status == 200, "\(id) \(key) \(url)")
                        // An access URL may be a page leading to the data (the per-project
                        // history); a download URL must be the data in that very type.
                        if key == "dcat:downloadURL" {
                            #expect(answer.header("Content-Type")?.hasPrefix(type) == true, "\(id) \(url)")
                        }
                        checked += 1
                    }
                }
            }
            #expect(checked >= 40)
        }
    }

    @Test func distributionURLsAreBuiltFromThePublicURLNotTheHost() throws {
        let publicURL = try PublicURL(parsing: "https://dx.example.jp")
        try withCatalogService(publicURL: publicURL) { api in
            let response = try api.get("/api/v1/catalog", headers: [("Host", "attacker.example")])
            #expect(!response.text.contains("attacker.example"))
            let catalog = try #require(try response.json() as? [String: Any])
            for (_, dataset) in try Self.datasets(catalog) {
                for distribution in try Self.distributions(dataset) {
                    #expect(Self.iri(distribution["dcat:accessURL"])?.hasPrefix("https://dx.example.jp/api/v1/") == true)
                }
            }
        }
    }

    @Test func publisherIsTheCityWithItsLocalGovernmentCodeAndTheLicenceNotesPDL() throws {
        try withCatalogService { api in
            let catalog = try #require(try api.get("/api/v1/catalog").json() as? [String: Any])
            let publisher = try #require(catalog["dct:publisher"] as? [String: Any])
            #expect(publisher["@type"] as? String == "foaf:Organization")
            #expect(publisher["dct:identifier"] as? String == "452025")
            #expect(Self.values(publisher["foaf:name"])["ja"] == "都城市")
            let license = try #require(catalog["dct:license"] as? [String: Any])
            #expect(license["@id"] as? String == "https://creativecommons.org/licenses/by/4.0/")
            let rights = try #require(catalog["dct:rights"] as? [String: Any])
            #expect(Self.values(rights["dct:description"])["ja"]?.contains("公共データ利用規約") == true)
            #expect(Self.values(rights["dct:description"])["en"]?.contains("PDL1.0") == true)
        }
    }

    @Test func temporalIsThePlansFiscalYearsAndASurveysFieldwork() throws {
        try withCatalogService { api in
            let datasets = try Self.datasets(try #require(try api.get("/api/v1/catalog").json() as? [String: Any]))
            let plan = try #require(datasets["measures"]?["dct:temporal"] as? [String: Any])
            #expect(plan["@type"] as? String == "dct:PeriodOfTime")
            #expect(Self.typed(plan["dcat:startDate"]) == ["2022-04-01", "xsd:date"])
            #expect(Self.typed(plan["dcat:endDate"]) == ["2026-03-31", "xsd:date"])
            let survey = try #require(datasets["survey-15-questions"]?["dct:temporal"] as? [String: Any])
            #expect(Self.typed(survey["dcat:startDate"]) == ["2021-06-08", "xsd:date"])
            #expect(Self.typed(survey["dcat:endDate"]) == ["2021-07-16", "xsd:date"])
            #expect(Self.typed(datasets["survey-15-questions"]?["dct:modified"]) == ["2021-07-16", "xsd:date"])
            let surveys = try #require(datasets["surveys"]?["dct:temporal"] as? [String: Any])
            #expect(Self.typed(surveys["dcat:startDate"]) == ["2021-06-08", "xsd:date"])
            #expect(Self.typed(surveys["dcat:endDate"]) == ["2021-07-16", "xsd:date"])
        }
    }

    /// A write to a project moves the modified date of what depends on projects, and only
    /// that; the cached catalog is not served stale after it.
    @Test func modifiedFollowsTheLatestProjectWrite() throws {
        try withCatalogService { api in
            let before = try api.get("/api/v1/catalog")
            let beforeSets = try Self.datasets(try #require(try before.json() as? [String: Any]))
            let token = try api.adminToken()
            let body = Array(#"{"measure_code":"1-1","title":"t","department":"d","start_fiscal_year":2023,"end_fiscal_year":2024}"#.utf8)
            let created = try api.request("POST", "/api/v1/projects",
                                          headers: [("Authorization", "Bearer \(token)"), ("Content-Type", "application/json")], body: body)
            #expect(created.status == 201)
            let project = try #require(try created.json() as? [String: Any])
            let updatedAt = try #require(project["updated_at"] as? String)

            let after = try api.get("/api/v1/catalog", headers: [("If-None-Match", try #require(before.header("ETag")))])
            #expect(after.status == 200)
            let datasets = try Self.datasets(try #require(try after.json() as? [String: Any]))
            for id in ["projects", "project-history", "measures", "policies", "progress"] {
                #expect(Self.typed(datasets[id]?["dct:modified"]) == [updatedAt, "xsd:dateTime"], "\(id)")
            }
            for id in ["plan", "concepts", "governance"] {
                #expect(Self.typed(datasets[id]?["dct:modified"]) == Self.typed(beforeSets[id]?["dct:modified"]), "\(id)")
                #expect(Self.typed(datasets[id]?["dct:modified"])?.first ?? "" < updatedAt, "\(id)")
            }
        }
    }

    @Test func contactPointComesFromConfigurationAndHasNoInventedEmailByDefault() throws {
        try withCatalogService { api in
            let catalog = try #require(try api.get("/api/v1/catalog").json() as? [String: Any])
            let contact = try #require(catalog["dcat:contactPoint"] as? [String: Any])
            #expect(contact["@type"] as? String == "vcard:Kind")
            #expect(contact["vcard:fn"] as? String == "都城市 DX推進担当")
            #expect(contact["vcard:hasEmail"] == nil)
            #expect(Self.iri(contact["vcard:hasURL"]) == "https://www.city.miyakonojo.miyazaki.jp/")
        }
        var configured = CatalogConfiguration.miyakonojo
        configured.contact = try CatalogContact(name: "Open data desk", email: "opendata@example.org")
        try withCatalogService(catalog: configured) { api in
            let catalog = try #require(try api.get("/api/v1/catalog").json() as? [String: Any])
            let contact = try #require(catalog["dcat:contactPoint"] as? [String: Any])
            #expect(contact["vcard:fn"] as? String == "Open data desk")
            #expect(Self.iri(contact["vcard:hasEmail"]) == "mailto:opendata@example.org")
        }
    }

    @Test func malformedContactsAreRefusedAtConfiguration() {
        for email in ["", "no-at-sign", "a@b", "a@@b.jp", "@city.jp", "a b@city.jp", "mailto:a@city.jp", "a@city.jp\r\nBcc: x@y.z", "a@.jp"] {
            #expect(throws: CatalogContact.ConfigurationError.email(email)) { try CatalogContact(name: "office", email: email) }
        }
        #expect(throws: CatalogContact.ConfigurationError.name("")) { try CatalogContact(name: "", email: nil) }
        #expect(throws: CatalogContact.ConfigurationError.name("a\u{7}")) { try CatalogContact(name: "a\u{7}", email: nil) }
        #expect((try? CatalogContact(name: "都城市 デジタル統括課", email: "dx.office@city.example.jp")) != nil)
    }

    @Test func catalogIsGzippedAndRevalidatesWith304() throws {
        try withCatalogService { api in
            let zipped = try api.get("/api/v1/catalog", headers: [("Accept-Encoding", "gzip")])
            #expect(zipped.status == 200)
            #expect(zipped.header("Content-Encoding") == "gzip")
            #expect(zipped.header("Vary") == "Accept-Encoding")
            let etag = try #require(api.get("/api/v1/catalog").header("ETag"))
            #expect(try api.get("/api/v1/catalog", headers: [("If-None-Match", etag)]).status == 304)
        }
    }

    @Test func apiIndexLinksToTheCatalog() throws {
        try withCatalogService { api in
            let index = try #require(try api.get("/api/v1").json() as? [String: Any])
            #expect((index["links"] as? [String: String])?["catalog"] == "/api/v1/catalog")
        }
    }

    // MARK: - Reading JSON-LD as the builder writes it (compacted with our prefixes)

    static func datasets(_ catalog: [String: Any]) throws -> [String: [String: Any]] {
        let list = try #require(catalog["dcat:dataset"] as? [[String: Any]])
        var byID: [String: [String: Any]] = [:]
        for dataset in list { byID[dataset["dct:identifier"] as? String ?? "?"] = dataset }
        #expect(byID.count == list.count, "dataset identifiers are unique")
        return byID
    }

    static func distributions(_ dataset: [String: Any]) throws -> [[String: Any]] {
        try #require(dataset["dcat:distribution"] as? [[String: Any]])
    }

    static func iri(_ value: Any?) -> String? { (value as? [String: Any])?["@id"] as? String }

    static func languages(_ value: Any?) -> [String] {
        ((value as? [[String: Any]]) ?? []).compactMap { $0["@language"] as? String }
    }

    static func values(_ value: Any?) -> [String: String] {
        var out: [String: String] = [:]
        for item in (value as? [[String: Any]]) ?? [] {
            if let language = item["@language"] as? String, let text = item["@value"] as? String { out[language] = text }
        }
        return out
    }

    static func typed(_ value: Any?) -> [String]? {
        guard let object = value as? [String: Any], let text = object["@value"] as? String, let type = object["@type"] as? String
        else { return nil }
        return [text, type]
    }
}

/// `withAPIService` with a catalog configuration of the test's choosing.
private func withCatalogService<T>(publicURL: PublicURL? = nil, catalog: CatalogConfiguration = .miyakonojo,
                                   _ body: (InProcessAPI) throws -> T) throws -> T {
    try withAPIService(publicURL: publicURL, catalog: catalog, body)
}

import DXCore

/// Builds the DCAT catalog (W3C DCAT 3, DCAT-AP field choices) as a JSON-LD document: what a
/// CKAN harvester (ckanext-dcat) or any RDF tool reads to list our datasets.
///
/// Shape: one `dcat:Catalog` node whose `dcat:dataset` holds every `dcat:Dataset`, each with
/// its `dcat:Distribution`s (JSON, and CSV where the API serves it). The publisher, contact
/// point, licence and API service are nodes of their own, named by IRI and referenced from
/// each dataset. Every URL is absolute, built from `baseURL` (`Request.baseURL`: the
/// configured public URL or the validated Host, never a raw header).
public struct DCATCatalog: Sendable {
    public let configuration: CatalogConfiguration
    public let snapshot: CatalogSnapshot
    /// `scheme://authority`, no trailing slash; "" leaves IRIs relative to the document.
    public let baseURL: String

    public init(configuration: CatalogConfiguration, snapshot: CatalogSnapshot, baseURL: String) {
        self.configuration = configuration
        self.snapshot = snapshot
        self.baseURL = baseURL
    }

    public static let path = "/api/v1/catalog"
    /// IANA media type IRIs, as DCAT-AP's `dcat:mediaType` expects.
    static let jsonMediaType = "https://www.iana.org/assignments/media-types/application/json"
    static let csvMediaType = "https://www.iana.org/assignments/media-types/text/csv"
    /// EU file-type authority IRIs (DCAT-AP's `dct:format` vocabulary).
    static let jsonFormat = "http://publications.europa.eu/resource/authority/file-type/JSON"
    static let csvFormat = "http://publications.europa.eu/resource/authority/file-type/CSV"
    static let japanese = "http://publications.europa.eu/resource/authority/language/JPN"

    static let context: JSONValue = .object([
        "dcat": .string("http://www.w3.org/ns/dcat#"),
        "dct": .string("http://purl.org/dc/terms/"),
        "foaf": .string("http://xmlns.com/foaf/0.1/"),
        "vcard": .string("http://www.w3.org/2006/vcard/ns#"),
        "xsd": .string("http://www.w3.org/2001/XMLSchema#"),
    ])

    /// Every dataset, in a fixed order: the fixed ones, then each survey's two.
    public var datasets: [CatalogDataset] {
        CatalogDataset.fixed + snapshot.surveys.flatMap(CatalogDataset.datasets(of:))
    }

    public var document: JSONValue {
        let catalogIRI = baseURL + Self.path
        let datasets = self.datasets
        var catalog: [String: JSONValue] = [
            "@context": Self.context,
            "@id": .string(catalogIRI),
            "@type": .string("dcat:Catalog"),
            "dct:title": Self.languages(LocalizedText(ja: "都城市DX推進計画 オープンデータカタログ", en: "Miyakonojo City DX plan open data catalog")),
            "dct:description": Self.languages(LocalizedText(
                ja: "都城市DX推進計画の内容、個別事業の進捗と市民意識調査の結果をオープンAPI（JSON・CSV）で提供するデータセットの一覧。",
                en: "The datasets of Miyakonojo City's DX promotion plan, its projects' progress and its citizen surveys, served by an open API as JSON and CSV.")),
            "dct:publisher": publisher,
            "dct:license": license,
            "dct:rights": rights,
            "dct:language": Self.iri(Self.japanese),
            "dct:spatial": spatial,
            "foaf:homepage": Self.iri(baseURL + "/api/v1"),
            "dcat:contactPoint": contactPoint,
            "dcat:service": service,
            "dcat:dataset": .array(datasets.map(dataset)),
        ]
        // The catalog changed when its newest dataset did; only the timestamps compare
        // (a survey's fieldwork date is older than the migration that stored it).
        let stamps = [snapshot.migrations, snapshot.projects, snapshot.history].compactMap { $0 }.filter { !$0.isEmpty }
        if let latest = stamps.max() { catalog["dct:modified"] = Self.dateTime(latest) }
        return .object(catalog)
    }

    // MARK: - Shared nodes

    var publisher: JSONValue {
        .object([
            "@id": .string(baseURL + Self.path + "#publisher"),
            "@type": .string("foaf:Organization"),
            "foaf:name": Self.languages(configuration.publisherName),
            // 全国地方公共団体コード: the code Japanese open-data catalogs identify a city by.
            "dct:identifier": .string(configuration.localGovernmentCode),
            "foaf:homepage": Self.iri(configuration.publisherHomepage),
        ])
    }

    var license: JSONValue {
        .object([
            "@id": .string(configuration.licenseURI),
            "@type": .string("dct:LicenseDocument"),
            "dct:title": .string(configuration.licenseName),
        ])
    }

    var rights: JSONValue {
        .object(["@type": .string("dct:RightsStatement"), "dct:description": Self.languages(configuration.rights)])
    }

    var spatial: JSONValue {
        .object([
            "@id": .string(configuration.spatialURI),
            "@type": .string("dct:Location"),
            "dct:title": Self.languages(configuration.spatialName),
        ])
    }

    /// With no configured email the office's name comes with the publisher's homepage, where
    /// the city lists how to reach it, rather than an invented address.
    var contactPoint: JSONValue {
        var node: [String: JSONValue] = [
            "@id": .string(baseURL + Self.path + "#contact"),
            "@type": .string("vcard:Kind"),
            "vcard:fn": .string(configuration.contact.name),
        ]
        if let email = configuration.contact.email {
            node["vcard:hasEmail"] = Self.iri("mailto:\(email)")
        } else {
            node["vcard:hasURL"] = Self.iri(configuration.publisherHomepage)
        }
        return .object(node)
    }

    /// The API itself (DCAT 3 `dcat:DataService`), described by its OpenAPI document.
    var service: JSONValue {
        .object([
            "@id": .string(baseURL + Self.path + "#api"),
            "@type": .string("dcat:DataService"),
            "dct:title": Self.languages(LocalizedText(ja: "都城市DX推進計画 オープンAPI", en: "Miyakonojo City DX plan open API")),
            "dcat:endpointURL": Self.iri(baseURL + "/api/v1"),
            "dcat:endpointDescription": Self.iri(baseURL + "/openapi.json"),
            "dct:license": Self.iri(configuration.licenseURI),
        ])
    }

    // MARK: - Datasets

    func dataset(_ dataset: CatalogDataset) -> JSONValue {
        let iri = baseURL + Self.path + "#dataset-\(dataset.identifier)"
        var node: [String: JSONValue] = [
            "@id": .string(iri),
            "@type": .string("dcat:Dataset"),
            "dct:identifier": .string(dataset.identifier),
            "dct:title": Self.languages(dataset.title),
            "dct:description": Self.languages(dataset.description),
            "dcat:keyword": .array(dataset.keywords.flatMap { Self.languageValues($0) }),
            "dct:publisher": Self.iri(baseURL + Self.path + "#publisher"),
            "dcat:contactPoint": Self.iri(baseURL + Self.path + "#contact"),
            "dct:license": Self.iri(configuration.licenseURI),
            "dct:rights": rights,
            "dct:language": Self.iri(Self.japanese),
            "dct:spatial": Self.iri(configuration.spatialURI),
            "dcat:distribution": .array(distributions(of: dataset, datasetIRI: iri)),
        ]
        if let modified = modified(dataset) { node["dct:modified"] = modified }
        if let period = period(of: dataset) {
            node["dct:temporal"] = .object([
                "@type": .string("dct:PeriodOfTime"),
                "dcat:startDate": Self.date(period.start),
                "dcat:endDate": Self.date(period.end),
            ])
        }
        return .object(node)
    }

    /// `dct:temporal`: a survey's fieldwork; for the survey list, from the first fieldwork's
    /// start to the last one's end; for everything else, the plan's period.
    func period(of dataset: CatalogDataset) -> CatalogDataset.Period? {
        if let period = dataset.period { return period }
        if dataset.changes == .surveys, let start = snapshot.surveys.map(\.periodStart).min(),
           let end = snapshot.surveys.map(\.periodEnd).max() {
            return CatalogDataset.Period(start: start, end: end)
        }
        return planPeriod
    }

    /// Japanese fiscal years run April to March: FY2022–FY2025 is 2022-04-01 to 2026-03-31.
    var planPeriod: CatalogDataset.Period? {
        guard let years = snapshot.planFiscalYears else { return nil }
        // The schema bounds fiscal years to 2000–2100, so the + 1 cannot overflow.
        return CatalogDataset.Period(start: "\(years.lowerBound)-04-01", end: "\(years.upperBound + 1)-03-31")
    }

    /// `dct:modified`: an `xsd:dateTime` from the stored timestamps, or an `xsd:date` for a
    /// survey (the end of its fieldwork). A dataset with no rows yet (no project history)
    /// dates from the migrations that created its table.
    func modified(_ dataset: CatalogDataset) -> JSONValue? {
        switch dataset.changes {
        case .plan:
            return snapshot.migrations.isEmpty ? nil : Self.dateTime(snapshot.migrations)
        case .planAndProjects:
            return [snapshot.migrations, snapshot.projects ?? ""].max().flatMap { $0.isEmpty ? nil : Self.dateTime($0) }
        case .history:
            let stamp = snapshot.history ?? snapshot.migrations
            return stamp.isEmpty ? nil : Self.dateTime(stamp)
        case .surveys:
            return snapshot.surveys.map(\.periodEnd).max().map(Self.date)
        case .survey(let id):
            return snapshot.surveys.first { $0.id == id }.map { Self.date($0.periodEnd) }
        }
    }

    func distributions(of dataset: CatalogDataset, datasetIRI: String) -> [JSONValue] {
        var formats: [(name: String, mediaType: String, format: String)] = [("JSON", Self.jsonMediaType, Self.jsonFormat)]
        if dataset.hasCSV { formats.append(("CSV", Self.csvMediaType, Self.csvFormat)) }
        return formats.map { format in
            let suffix = format.name == "CSV" ? ".csv" : ""
            var node: [String: JSONValue] = [
                "@id": .string(datasetIRI + "-" + format.name.lowercased()),
                "@type": .string("dcat:Distribution"),
                "dct:title": Self.languages(LocalizedText(ja: "\(dataset.title.ja)（\(format.name)）", en: "\(dataset.title.en) (\(format.name))")),
                "dcat:mediaType": Self.iri(format.mediaType),
                "dct:format": Self.iri(format.format),
                "dct:license": Self.iri(configuration.licenseURI),
                "dcat:accessService": Self.iri(baseURL + Self.path + "#api"),
            ]
            switch dataset.access {
            case .path(let path, _):
                let url = baseURL + path + suffix
                node["dcat:accessURL"] = Self.iri(url)
                node["dcat:downloadURL"] = Self.iri(url)
            case .perProject(let list, let pattern):
                node["dcat:accessURL"] = Self.iri(baseURL + list)
                node["dct:description"] = Self.languages(LocalizedText(
                    ja: "事業ごとに \(pattern)\(suffix) で提供します。事業のidは \(list) の一覧から得られます。",
                    en: "Served per project at \(pattern)\(suffix); the project ids are listed at \(list)."))
            }
            return .object(node)
        }
    }

    // MARK: - JSON-LD values

    static func iri(_ iri: String) -> JSONValue { .object(["@id": .string(iri)]) }

    static func languageValues(_ text: LocalizedText) -> [JSONValue] {
        [.object(["@value": .string(text.ja), "@language": .string("ja")]),
         .object(["@value": .string(text.en), "@language": .string("en")])]
    }

    static func languages(_ text: LocalizedText) -> JSONValue { .array(languageValues(text)) }

    static func date(_ iso: String) -> JSONValue { .object(["@value": .string(iso), "@type": .string("xsd:date")]) }

    static func dateTime(_ stamp: String) -> JSONValue { .object(["@value": .string(stamp), "@type": .string("xsd:dateTime")]) }
}

/// Everything the DCAT catalog says about who publishes the data, where it applies and under
/// what terms: kept in one value so that a second city is a second configuration, not a
/// search through the code. `miyakonojo` is the default; the serve command sets `contact`.
public struct CatalogConfiguration: Sendable, Equatable {
    /// `foaf:name` of the publisher (`foaf:Organization`).
    public var publisherName: LocalizedText
    /// The 全国地方公共団体コード with its check digit (`dct:identifier` of the publisher),
    /// e.g. "452025".
    public var localGovernmentCode: String
    /// `foaf:homepage` of the publisher.
    public var publisherHomepage: String
    /// `dct:spatial`: a stable URI for the area the data is about, with its labels.
    public var spatialURI: String
    public var spatialName: LocalizedText
    /// `dct:license` of the catalog, every dataset and distribution.
    public var licenseURI: String
    public var licenseName: String
    /// `dct:rights`: the note that states how the licence relates to Japan's terms.
    public var rights: LocalizedText
    public var contact: CatalogContact

    public init(publisherName: LocalizedText, localGovernmentCode: String, publisherHomepage: String, spatialURI: String,
                spatialName: LocalizedText, licenseURI: String, licenseName: String, rights: LocalizedText,
                contact: CatalogContact) {
        self.publisherName = publisherName
        self.localGovernmentCode = localGovernmentCode
        self.publisherHomepage = publisherHomepage
        self.spatialURI = spatialURI
        self.spatialName = spatialName
        self.licenseURI = licenseURI
        self.licenseName = licenseName
        self.rights = rights
        self.contact = contact
    }

    /// 都城市 (Miyakonojo, Miyazaki), local government code 452025.
    ///
    /// The spatial URI is the e-Stat statistical LOD's plain standard area code for the city,
    /// `http://data.e-stat.go.jp/lod/sac/C45202` (標準地域コード 45202 = the local government
    /// code without its check digit). e-Stat publishes it as the code that outlives boundary
    /// changes (its dated variants, `C45202-YYYYMMDD`, name one period each), so it stays
    /// valid for as long as the city exists; GeoNames ids, by contrast, are a third party's.
    public static let miyakonojo = CatalogConfiguration(
        publisherName: LocalizedText(ja: "都城市", en: "Miyakonojo City"),
        localGovernmentCode: "452025",
        publisherHomepage: "https://www.city.miyakonojo.miyazaki.jp/",
        spatialURI: "http://data.e-stat.go.jp/lod/sac/C45202",
        spatialName: LocalizedText(ja: "宮崎県都城市", en: "Miyakonojo, Miyazaki, Japan"),
        licenseURI: "https://creativecommons.org/licenses/by/4.0/",
        licenseName: "CC BY 4.0",
        rights: LocalizedText(
            ja: "クリエイティブ・コモンズ 表示 4.0 国際 (CC BY 4.0) で提供します。この条件は公共データ利用規約（第1.0版）(PDL1.0) と互換性があり、出典を記載すれば複製・改変・再配布・商用利用ができます。",
            en: "Published under Creative Commons Attribution 4.0 International (CC BY 4.0), which is compatible with Japan's Public Data License version 1.0 (公共データ利用規約 PDL1.0): copy, adapt, redistribute and use commercially with attribution."),
        contact: .cityDXOffice)
}

/// `/about`: the same data as open data — the API, its OpenAPI document, the DCAT catalog,
/// CSV downloads and the licence.
struct AboutPage: Sendable {
    struct Download: Sendable {
        let label: String
        let path: String
    }

    let layout: PageLayout
    let licenseName: String
    let licenseURI: String
    let publisher: String
    let downloads: [Download]
}

extension Pages {
    func about() throws -> HTTPResponse {
        let latest = try latestSurveyID()
        var downloads: [AboutPage.Download] = [
            .init(label: "基本方針", path: "/api/v1/policies.csv"),
            .init(label: "施策", path: "/api/v1/measures.csv"),
            .init(label: "事業", path: "/api/v1/projects.csv"),
            .init(label: "基本的考え方", path: "/api/v1/concepts.csv"),
            .init(label: "スマートシティの原則", path: "/api/v1/principles.csv"),
            .init(label: "背景（年表）", path: "/api/v1/timeline.csv"),
            .init(label: "市民意識調査の一覧", path: "/api/v1/surveys.csv"),
        ]
        if let latest {
            downloads.append(.init(label: "市民意識調査の設問と回答", path: "/api/v1/surveys/\(latest)/questions.csv"))
            downloads.append(.init(label: "市民意識調査の回答者の内訳", path: "/api/v1/surveys/\(latest)/respondents.csv"))
        }
        let model = AboutPage(
            layout: PageLayout(title: "オープンデータ", section: .about, site: site, latestSurveyID: latest),
            licenseName: context.catalog.licenseName, licenseURI: context.catalog.licenseURI,
            publisher: context.catalog.publisherName.ja, downloads: downloads)
        return try render("about", model)
    }
}

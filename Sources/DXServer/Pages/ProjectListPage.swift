import DXCore

/// `/projects`: the API's project listing as a page. The filters are a plain GET form whose
/// fields are the API's query parameters (`q`, `status`, `policy`, `measure`, `department`,
/// `fiscal_year`, `sort`), each checkbox labelled with its facet count; the next page is a
/// link carrying the API's cursor. Works without JavaScript.
struct ProjectListPage: Sendable {
    struct Option: Sendable {
        let value: String
        let label: String
        let count: String
        let checked: Bool
        /// Unique per page, for `<label for>`.
        let inputID: String
    }

    struct Facet: Sendable {
        let name: String
        let legend: String
        let options: [Option]
        let hasOptions: Bool
    }

    struct Sort: Sendable {
        let value: String
        let label: String
        let selected: Bool
    }

    let layout: PageLayout
    let q: String
    let total: String
    let shown: String
    let isFiltered: Bool
    let isLaterPage: Bool
    let hasProjects: Bool
    let projects: [ProjectSummary]
    let facets: [Facet]
    let sorts: [Sort]
    let nextPath: String?
    let firstPath: String?

    /// Rows per page unless `?limit=` says otherwise (1–100).
    static let defaultLimit = 20
    static let maxLimit = 100

    static let legends: [ProjectFacet: String] = [
        .status: "状況", .policy: "基本方針", .measure: "施策", .department: "担当課", .fiscalYear: "年度",
    ]
    /// The form's order: the usual questions first.
    static let facetOrder: [ProjectFacet] = [.status, .policy, .measure, .fiscalYear, .department]
    static let sortLabels: [(ProjectSort, String)] = [
        (.id, "番号順"), (.title, "名称順"), (.updatedAtDescending, "更新日の新しい順"), (.updatedAt, "更新日の古い順"),
    ]
}

extension Pages {
    func projectList(_ request: Request) throws -> HTTPResponse {
        // A GET form sends every field, empty ones too (`q=&measure=`): an empty field means
        // "no condition" here, where in the API an empty filter is a mistake (400).
        // The one-value fields, as the API's screening does for its own (`QueryParameters.single`);
        // the facets are checkboxes, so they repeat.
        for name in ["q", "sort", "cursor", "limit"] { _ = try request.query.single(name) }
        var pairs = request.query.pairs.filter { !$0.value.isEmpty }.map { ($0.name, $0.value) }
        let limit = try request.query.int("limit", in: 1...ProjectListPage.maxLimit) ?? ProjectListPage.defaultLimit
        pairs.removeAll { $0.0 == "limit" }
        let filters = Request(http: request.http, parameters: request.parameters,
                              query: QueryParameters(pairs: pairs + [("limit", String(limit))]), format: .json,
                              requestID: request.requestID, route: request.route, baseURL: request.baseURL)
        let query = try ProjectRoutes.listQuery(filters, store: projects)
        let page = try CollectionResponse.pageRequest(filters, order: query.sort.order)
        let result = try projects.projectsPage(query, page: page, facets: ProjectListPage.facetOrder)

        let chosen = Dictionary(grouping: pairs, by: \.0).mapValues { values in
            Set(values.flatMap { $0.1.split(separator: ",").map(String.init) })
        }
        let facets = ProjectListPage.facetOrder.map { facet -> ProjectListPage.Facet in
            let selected = chosen[facet.rawValue] ?? []
            var options = (result.facets[facet.rawValue] ?? []).map { count -> ProjectListPage.Option in
                let value = count.value.pageText
                let label = facet == .measure ? "\(value) \(count.label)" : facet == .fiscalYear ? JapaneseEra.fiscalYear(Int(value) ?? 0) : count.label
                return ProjectListPage.Option(value: value, label: label, count: PageFormat.grouped(count.count),
                                              checked: selected.contains(value), inputID: "")
            }
            // A chosen value that no project has any more still shows, checked, so it can be unticked.
            for value in selected.sorted() where !options.contains(where: { $0.value == value }) {
                options.append(ProjectListPage.Option(value: value, label: value, count: "0", checked: true, inputID: ""))
            }
            options = options.enumerated().map { index, option in
                ProjectListPage.Option(value: option.value, label: option.label, count: option.count, checked: option.checked,
                                       inputID: "f-\(facet.rawValue)-\(index)")
            }
            return ProjectListPage.Facet(name: facet.rawValue, legend: ProjectListPage.legends[facet] ?? facet.rawValue,
                                         options: options, hasOptions: !options.isEmpty)
        }
        let keep = pairs.filter { $0.0 != "cursor" }
            + (limit == ProjectListPage.defaultLimit ? [] : [("limit", String(limit))])
        let nextPath = result.page.next.map { Self.projectsPath(keep + [("cursor", $0.encoded)]) }
        let model = ProjectListPage(
            layout: try layout("事業の一覧", .projects),
            q: request.query["q"] ?? "",
            total: PageFormat.grouped(result.page.total), shown: PageFormat.grouped(result.page.items.count),
            isFiltered: pairs.contains { !["cursor", "sort"].contains($0.0) },
            isLaterPage: page.after != nil, hasProjects: !result.page.items.isEmpty,
            projects: try summaries(result.page.items), facets: facets,
            sorts: ProjectListPage.sortLabels.map { sort, label in
                ProjectListPage.Sort(value: sort.rawValue, label: label, selected: sort == query.sort)
            },
            nextPath: nextPath,
            firstPath: page.after == nil ? nil : Self.projectsPath(keep))
        return try render("projects", model)
    }

    static func projectsPath(_ pairs: [(String, String)]) -> String {
        guard !pairs.isEmpty else { return "/projects" }
        return "/projects?" + pairs.map { "\(QueryParameters.encode($0.0))=\(QueryParameters.encode($0.1))" }.joined(separator: "&")
    }
}

extension SortValue {
    /// The value as a form field carries it.
    var pageText: String {
        switch self {
        case .integer(let n): String(n)
        case .text(let s): s
        }
    }
}

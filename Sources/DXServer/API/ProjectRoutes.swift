import DXCore

/// Implementation-plan projects: public, cacheable reads; writes behind a bearer token, each
/// one committed with its history row. Every write goes through the pool's writer, which bumps
/// the data version, so the next read misses the response cache and sees it.
public enum ProjectRoutes {
    static let base = "/api/v1/projects"
    static let maxIdempotencyKeyLength = 255

    public static func register(on router: inout Router, context: AppContext) {
        let store = ProjectStore(pool: context.pool)

        router.get(base, options: .publicCollection) { request in
            let query = try listQuery(request, store: store)
            let facets = try CollectionParameters.facets(request, of: ProjectFacet.self)
            let page = try CollectionResponse.pageRequest(request, order: query.sort.order)
            if CollectionResponse.streams(request, page) {
                return try CollectionResponse.stream(page, request: request, csvName: "projects") { try store.projectsChunk(query, page: $0) }
            }
            let result = try store.projectsPage(query, page: page, facets: facets)
            return try CollectionResponse.make(result.page, of: page, request: request, meta: facetsMeta(result.facets, asked: !facets.isEmpty),
                                               csvName: "projects")
        }

        // Authentication comes first, so an anonymous caller learns nothing about the body.
        router.add("POST", base, options: .adminWrite(context.auth)) { request in
            let admin = try context.auth.authenticate(request)
            let idempotency = try idempotencyKey(request, admin: admin)
            let patch = ProjectRequestBody.patch(from: try ProjectRequestBody.object(from: request))
            switch try store.create(patch, actor: admin.tokenName, idempotency: idempotency, render: { try JSONBody.encode($0) }) {
            case .created(let project, let body):
                return created(project.id, version: project.version, body: body, status: 201, replayed: false)
            case .replayed(let stored):
                // A create always makes version 1; the stored body is what the first answer said.
                return created(stored.projectID, version: 1, body: stored.body, status: stored.status, replayed: true)
            }
        }

        router.get("\(base)/{id}", options: .publicRead) { request in
            let project = try store.project(id: try projectID(request))
            return try representation(project)
        }

        // The preconditions are evaluated by the store against the row inside the write
        // transaction (RFC 9110 §13.2.2), so of two writers holding one version only one wins.
        router.add("PATCH", "\(base)/{id}", options: .adminWrite(context.auth, preconditionsInStore: true)) { request in
            let admin = try context.auth.authenticate(request)
            let id = try projectID(request)
            let patch = ProjectRequestBody.patch(from: try ProjectRequestBody.object(from: request))
            let conditions = request.preconditions
            let (project, _) = try namingFailure(conditions, method: request.method) {
                try store.update(id: id, patch, actor: admin.tokenName, precondition: precondition(conditions, method: request.method))
            }
            return try representation(project)
        }

        // Archives: the project leaves every listing and count; its history stays readable and
        // a GET of it answers 410 Gone.
        router.add("DELETE", "\(base)/{id}", options: .adminWrite(context.auth, preconditionsInStore: true)) { request in
            let admin = try context.auth.authenticate(request)
            let id = try projectID(request)
            let note = request.body.isEmpty ? nil : try archiveNote(request)
            let conditions = request.preconditions
            _ = try namingFailure(conditions, method: request.method) {
                try store.archive(id: id, actor: admin.tokenName, note: note, precondition: precondition(conditions, method: request.method))
            }
            return HTTPResponse(status: 204)
        }

        router.get("\(base)/{id}/history", options: .publicCollection) { request in
            let id = try projectID(request)
            let query = try historyQuery(request)
            let facets = try CollectionParameters.facets(request, of: ProjectHistoryFacet.self)
            let page = try CollectionResponse.pageRequest(request, order: ProjectStore.historyOrder)
            if CollectionResponse.streams(request, page) {
                return try CollectionResponse.stream(page, request: request, csvName: "project-\(id)-history") {
                    try store.historyChunk(projectID: id, query: query, page: $0)
                }
            }
            let result = try store.historyPage(projectID: id, query: query, page: page, facets: facets)
            return try CollectionResponse.make(result.page, of: page, request: request, meta: facetsMeta(result.facets, asked: !facets.isEmpty),
                                               csvName: "project-\(id)-history")
        }

        router.get("/api/v1/progress", options: .publicRead) { _ in
            // Evaluation ratings and budgets per policy and measure: see ProgressTracking.
            try ProgressTracking.response(try store.progress(today: context.today()), pool: context.pool)
        }
    }

    static func projectID(_ request: Request) throws(APIError) -> Int {
        let (raw, value) = try request.integerParameter("id")
        guard let id = value, id > 0 else { throw APIError.notFound("There is no project '\(raw)'; project ids are positive integers.") }
        return id
    }

    /// A project with its validators: `ETag` from the version, `Last-Modified` from `updated_at`.
    static func representation(_ project: Project) throws -> HTTPResponse {
        var response = try HTTPResponse.json(project)
        response.headers.add("ETag", project.entityTag)
        response.modifiedAt = project.modifiedAt
        if let lastModified = project.lastModified {
            response.headers.add("Last-Modified", HTTPDate.format(epochSeconds: lastModified))
        }
        return response
    }

    /// RFC 9110 §13.1, evaluated by the store against the current row inside the write
    /// transaction; nil when the request carries no precondition.
    static func precondition(_ conditions: Preconditions, method: String) -> ((Project) -> Bool)? {
        guard !conditions.isEmpty else { return nil }
        return { conditions.evaluate(etag: $0.entityTag, modifiedAt: $0.modifiedAt, method: method) == .proceed }
    }

    /// Runs a store write; a refused precondition becomes the 412 that names the field which
    /// failed against the row the store saw.
    static func namingFailure<T>(_ conditions: Preconditions, method: String, _ write: () throws -> T) throws -> T {
        do {
            return try write()
        } catch ProjectStoreError.preconditionFailed(let current) {
            if case .failed(let field) = conditions.evaluate(etag: current.entityTag, modifiedAt: current.modifiedAt, method: method) {
                throw Preconditions.failure(field, etag: current.entityTag, modifiedAt: current.modifiedAt)
            }
            throw ProjectStoreError.preconditionFailed(current: current)
        }
    }

    /// A DELETE may carry `{"note": "…"}` for the history, and nothing else.
    static func archiveNote(_ request: Request) throws(APIError) -> String? {
        try ProjectRequestBody.deletionNote(from: request, otherMember: "cannot be sent when archiving; only a note can")
    }

    static func idempotencyKey(_ request: Request, admin: AdminIdentity) throws(APIError) -> ProjectStore.IdempotencyKey? {
        let value: String?
        do { value = try request.headers.singleton(.idempotencyKey) } catch { throw error.apiError }
        guard let key = value else { return nil }
        guard !key.isEmpty, key.utf8.count <= maxIdempotencyKeyLength else {
            throw APIError(
                status: 400, type: "/problems/bad-request",
                detail: "The Idempotency-Key header must be 1 to \(maxIdempotencyKeyLength) characters.",
                extensions: ["header": .string("Idempotency-Key")])
        }
        return ProjectStore.IdempotencyKey(key: key, tokenName: admin.tokenName, requestHash: Digest.sha256Hex(request.body))
    }

    static func created(_ id: Int?, version: Int, body: [UInt8], status: Int, replayed: Bool) -> HTTPResponse {
        var response = HTTPResponse(status: status, contentType: "application/json; charset=utf-8", body: body)
        if let id {
            // Relative on purpose (RFC 9110 §10.2.2 allows a URI reference): it is resolved
            // against the URL the client used, so it needs neither Host nor --public-url.
            response.headers.add("Location", "\(base)/\(id)")
            response.headers.add("ETag", Project.entityTag(id: id, version: version))
        }
        if replayed { response.headers.add("Idempotent-Replayed", "true") }
        return response
    }

    /// `meta.facets` when `?facets=` was given.
    static func facetsMeta(_ facets: FacetCounts, asked: Bool) -> [String: JSONValue] {
        asked ? ["facets": CollectionParameters.json(facets)] : [:]
    }

    /// The contract's filters; a value that cannot match anything sensible is a 400 naming it.
    /// `measure`, `policy`, `status` and `fiscal_year` take several values, comma-separated or
    /// repeated; `department` only repeated (`?department=a&department=b`), since a
    /// department's name may itself contain a comma.
    static func listQuery(_ request: Request, store: ProjectStore) throws -> ProjectQuery {
        var query = ProjectQuery()
        query.measureCodes = try CollectionParameters.values(request, "measure") { code throws(APIError) in code }
        for code in query.measureCodes {
            guard ProjectValidator.isMeasureCode(code), try store.measureExists(code: code) else {
                throw APIError.badRequest("The query parameter 'measure' must be measure codes from 1-1 to 3-8; '\(code)' is not one.", parameter: "measure")
            }
        }
        query.policyIDs = try CollectionParameters.values(request, "policy") { raw throws(APIError) in
            guard let id = CanonicalInteger.parse(raw), (1...99).contains(id) else {
                throw APIError.badRequest("The query parameter 'policy' must be basic policy ids (1 to 3); '\(raw)' is not one.", parameter: "policy")
            }
            return id
        }
        for id in query.policyIDs {
            guard try store.policyExists(id: id) else {
                throw APIError.badRequest("The query parameter 'policy' must be basic policy ids (1 to 3); \(id) is not one.", parameter: "policy")
            }
        }
        query.statuses = try CollectionParameters.values(request, "status") { raw throws(APIError) in
            guard let status = ProjectStatus(rawValue: raw) else {
                throw APIError.badRequest("The query parameter 'status' must be one or more of: \(ProjectStatus.rawValues.joined(separator: ", ")).", parameter: "status")
            }
            return status
        }
        query.departments = try CollectionParameters.values(request, "department", splittingCommas: false) { name throws(APIError) in name }
        query.fiscalYears = try CollectionParameters.values(request, "fiscal_year") { raw throws(APIError) in
            guard let year = CanonicalInteger.parse(raw), ProjectValidator.fiscalYears.contains(year) else {
                throw APIError.badRequest(
                    "The query parameter 'fiscal_year' must be years from \(ProjectValidator.fiscalYears.lowerBound) to \(ProjectValidator.fiscalYears.upperBound).",
                    parameter: "fiscal_year")
            }
            return year
        }
        query.updatedSince = try CollectionParameters.instant(request, "updated_since")?.timestamp
        if let q = request.query["q"] {
            if q.count > 200 { throw APIError.badRequest("The search text is longer than 200 characters.", parameter: "q") }
            query.search = SearchQuery(q)
        }
        query.sort = try request.query.oneOf("sort", ProjectSort.allCases.map(\.rawValue)).flatMap(ProjectSort.init(rawValue:)) ?? .id
        return query
    }

    /// History filters: `action` (comma-separated or repeated), `actor` (token names, repeated).
    static func historyQuery(_ request: Request) throws(APIError) -> ProjectHistoryQuery {
        var query = ProjectHistoryQuery()
        query.actions = try CollectionParameters.values(request, "action") { raw throws(APIError) in
            guard let action = ProjectHistoryEntry.Action(rawValue: raw) else {
                throw APIError.badRequest("The query parameter 'action' must be one or more of: create, update, archive.", parameter: "action")
            }
            return action
        }
        query.actors = try CollectionParameters.values(request, "actor", splittingCommas: false) { name throws(APIError) in name }
        return query
    }
}

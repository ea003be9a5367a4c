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
            return try CollectionResponse.make(try store.projects(query), request: request, key: { String($0.id) }, csvName: "projects")
        }

        // Authentication comes first, so an anonymous caller learns nothing about the body.
        router.add("POST", base, options: .write) { request in
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

        router.get("\(base)/{id}") { request in
            let project = try store.project(id: try projectID(request))
            var response = try HTTPResponse.json(project)
            response.headers.add("ETag", project.entityTag)
            return response
        }

        router.add("PATCH", "\(base)/{id}", options: .write) { request in
            let admin = try context.auth.authenticate(request)
            let id = try projectID(request)
            let patch = ProjectRequestBody.patch(from: try ProjectRequestBody.object(from: request))
            let (project, _) = try store.update(id: id, patch, actor: admin.tokenName, precondition: ifMatch(request))
            var response = try HTTPResponse.json(project)
            response.headers.add("ETag", project.entityTag)
            return response
        }

        // Archives: the project leaves every listing and count; its history stays readable and
        // a GET of it answers 410 Gone.
        router.add("DELETE", "\(base)/{id}", options: .write) { request in
            let admin = try context.auth.authenticate(request)
            let id = try projectID(request)
            let note = request.body.isEmpty ? nil : try archiveNote(request)
            _ = try store.archive(id: id, actor: admin.tokenName, note: note, precondition: ifMatch(request))
            return HTTPResponse(status: 204)
        }

        router.get("\(base)/{id}/history", options: .publicCollection) { request in
            let id = try projectID(request)
            return try CollectionResponse.make(
                try store.history(projectID: id), request: request, key: { String($0.id) }, csvName: "project-\(id)-history")
        }

        router.get("/api/v1/progress") { _ in
            try .json(try store.progress())
        }
    }

    static func projectID(_ request: Request) throws(APIError) -> Int {
        let raw = try request.parameter("id")
        guard let id = Int(raw), id > 0 else { throw APIError.notFound("There is no project '\(raw)'; project ids are positive integers.") }
        return id
    }

    /// RFC 9110 §13.1.1, evaluated by the store against the row inside the write transaction.
    static func ifMatch(_ request: Request) -> (@Sendable (Project) -> Bool)? {
        guard let header = request.headers["If-Match"] else { return nil }
        return { ETag.matches(ifMatch: header, etag: $0.entityTag) }
    }

    /// A DELETE may carry `{"note": "…"}` for the history, and nothing else.
    static func archiveNote(_ request: Request) throws(APIError) -> String? {
        var errors: [FieldError] = []
        var note: String?
        for (name, value) in try ProjectRequestBody.object(from: request).sorted(by: { $0.key < $1.key }) {
            switch (name, value) {
            case ("note", .string(let text)): note = text
            case ("note", .null): break
            case ("note", _): errors.append(FieldError(field: "note", message: "must be a string"))
            default: errors.append(FieldError(field: name, message: "cannot be sent when archiving; only a note can"))
            }
        }
        if !errors.isEmpty { throw APIError.invalidFields(errors) }
        return note
    }

    static func idempotencyKey(_ request: Request, admin: AdminIdentity) throws(APIError) -> ProjectStore.IdempotencyKey? {
        guard let key = request.headers["Idempotency-Key"] else { return nil }
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

    /// The contract's filters; a value that cannot match anything sensible is a 400 naming it.
    static func listQuery(_ request: Request, store: ProjectStore) throws -> ProjectQuery {
        var query = ProjectQuery()
        if let code = request.query["measure"] {
            guard try store.measureExists(code: code) else {
                throw APIError.badRequest("The query parameter 'measure' must be a measure code from 1-1 to 3-8.", parameter: "measure")
            }
            query.measureCode = code
        }
        if let policy = try request.query.int("policy", in: 1...99) {
            guard try store.policyExists(id: policy) else {
                throw APIError.badRequest("The query parameter 'policy' must be a basic policy id (1 to 3).", parameter: "policy")
            }
            query.policyID = policy
        }
        query.status = try request.query.oneOf("status", ProjectStatus.rawValues).flatMap(ProjectStatus.init(rawValue:))
        if let department = request.query["department"] {
            guard !department.isEmpty else { throw APIError.badRequest("The query parameter 'department' must not be empty.", parameter: "department") }
            query.department = department
        }
        query.fiscalYear = try request.query.int("fiscal_year", in: ProjectValidator.fiscalYears)
        if let q = request.query["q"] {
            if q.count > 200 { throw APIError.badRequest("The search text is longer than 200 characters.", parameter: "q") }
            query.search = SearchQuery(q)
        }
        query.sort = try request.query.oneOf("sort", ProjectSort.allCases.map(\.rawValue)).flatMap(ProjectSort.init(rawValue:)) ?? .id
        return query
    }
}

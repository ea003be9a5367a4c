import DXCore

/// A project's KPIs and their measurements (issue 12): public, cacheable reads; writes behind a
/// bearer token, each committed with its row of the project's history. Creates take an
/// `Idempotency-Key`; PATCH and DELETE take `If-Match` (evaluated by the store inside the write
/// transaction, as for projects).
///
/// `achievement` and `on_track` are computed for the day the answer is made (in Japan), and
/// the KPI's ETag names that day too; cached answers are valid for one data version and one day
/// (`DayStampedVersion`), so the computed fields move on at midnight without a write.
public enum KPIRoutes {
    static let base = "/api/v1/projects/{id}/kpis"

    public static func register(on router: inout Router, context: AppContext) {
        let store = KPIStore(pool: context.pool)
        let admin = RouteOptions.adminWrite(context.auth)

        router.get(base, options: .publicCollection) { request in
            let projectID = try ProjectRoutes.projectID(request)
            let page = try CollectionResponse.pageRequest(request, order: KPIStore.kpiOrder)
            let name = "project-\(projectID)-kpis"
            if CollectionResponse.streams(request, page) {
                return try CollectionResponse.stream(page, request: request, csvName: name) { try store.kpisChunk(projectID: projectID, page: $0, today: context.today()) }
            }
            return try CollectionResponse.make(try store.kpisPage(projectID: projectID, page: page, today: context.today()), of: page, request: request, csvName: name)
        }

        router.add("POST", base, options: admin) { request in
            let identity = try context.auth.authenticate(request)
            let projectID = try ProjectRoutes.projectID(request)
            let idempotency = try idempotencyKey(request, admin: identity)
            let patch = KPIRequestBody.kpi(from: try ProjectRequestBody.object(from: request))
            switch try store.create(projectID: projectID, patch, actor: identity.tokenName, idempotency: idempotency,
                                    today: context.today(), render: { try JSONBody.encode($0) }) {
            case .created(let kpi, let body):
                return created(body: body, status: 201, location: "/api/v1/projects/\(projectID)/kpis/\(kpi.id)", etag: kpi.entityTag, replayed: false)
            case .replayed(let stored):
                return created(body: stored.body, status: stored.status, location: storedID(stored.body).map { "/api/v1/projects/\(projectID)/kpis/\($0)" },
                               etag: nil, replayed: true)
            }
        }

        router.get("\(base)/{kpi_id}", options: .publicRead) { request in
            try representation(try store.kpi(projectID: try ProjectRoutes.projectID(request), kpiID: try kpiID(request), today: context.today()))
        }

        router.add("PATCH", "\(base)/{kpi_id}", options: .adminWrite(context.auth, preconditionsInStore: true)) { request in
            let identity = try context.auth.authenticate(request)
            let projectID = try ProjectRoutes.projectID(request)
            let id = try kpiID(request)
            let patch = KPIRequestBody.kpi(from: try ProjectRequestBody.object(from: request))
            let conditions = request.preconditions
            let kpi = try namingFailure(conditions, method: request.method) {
                try store.update(projectID: projectID, kpiID: id, patch, actor: identity.tokenName, today: context.today(),
                                 precondition: precondition(conditions, method: request.method, etag: \.entityTag))
            }
            return try representation(kpi)
        }

        router.add("DELETE", "\(base)/{kpi_id}", options: .adminWrite(context.auth, preconditionsInStore: true)) { request in
            let identity = try context.auth.authenticate(request)
            let projectID = try ProjectRoutes.projectID(request)
            let id = try kpiID(request)
            let note = try KPIRequestBody.deletionNote(request)
            let conditions = request.preconditions
            try namingFailure(conditions, method: request.method) {
                try store.delete(projectID: projectID, kpiID: id, actor: identity.tokenName, note: note,
                                 precondition: precondition(conditions, method: request.method, etag: \.entityTag))
            }
            return HTTPResponse(status: 204)
        }

        router.get("\(base)/{kpi_id}/measurements", options: .publicCollection) { request in
            let projectID = try ProjectRoutes.projectID(request)
            let id = try kpiID(request)
            let page = try CollectionResponse.pageRequest(request, order: KPIStore.measurementOrder)
            let name = "project-\(projectID)-kpi-\(id)-measurements"
            if CollectionResponse.streams(request, page) {
                return try CollectionResponse.stream(page, request: request, csvName: name) {
                    try store.measurementsChunk(projectID: projectID, kpiID: id, page: $0)
                }
            }
            return try CollectionResponse.make(try store.measurementsPage(projectID: projectID, kpiID: id, page: page), of: page,
                                               request: request, csvName: name)
        }

        router.add("POST", "\(base)/{kpi_id}/measurements", options: admin) { request in
            let identity = try context.auth.authenticate(request)
            let projectID = try ProjectRoutes.projectID(request)
            let id = try kpiID(request)
            let idempotency = try idempotencyKey(request, admin: identity)
            let input = KPIRequestBody.measurement(from: try ProjectRequestBody.object(from: request))
            let prefix = "/api/v1/projects/\(projectID)/kpis/\(id)/measurements"
            switch try store.addMeasurement(projectID: projectID, kpiID: id, input, actor: identity.tokenName, idempotency: idempotency,
                                            render: { try JSONBody.encode($0) }) {
            case .created(let m, let body):
                return created(body: body, status: 201, location: "\(prefix)/\(m.id)", etag: m.entityTag, replayed: false)
            case .replayed(let stored):
                return created(body: stored.body, status: stored.status, location: storedID(stored.body).map { "\(prefix)/\($0)" },
                               etag: nil, replayed: true)
            }
        }

        router.add("DELETE", "\(base)/{kpi_id}/measurements/{measurement_id}", options: .adminWrite(context.auth, preconditionsInStore: true)) { request in
            let identity = try context.auth.authenticate(request)
            let projectID = try ProjectRoutes.projectID(request)
            let id = try kpiID(request)
            let (raw, value) = try request.integerParameter("measurement_id")
            guard let measurementID = value, measurementID > 0 else {
                throw APIError.notFound("There is no measurement '\(raw)'; measurement ids are positive integers.")
            }
            let note = try KPIRequestBody.deletionNote(request)
            let conditions = request.preconditions
            try namingFailure(conditions, method: request.method) {
                try store.deleteMeasurement(projectID: projectID, kpiID: id, measurementID: measurementID, actor: identity.tokenName, note: note,
                                            precondition: precondition(conditions, method: request.method, etag: \.entityTag))
            }
            return HTTPResponse(status: 204)
        }

        // The chart does not depend on the day (it draws no "today"), so the body alone is its validator.
        router.get("\(base)/{kpi_id}/chart.svg", options: .publicRead) { request in
            let series = try store.series(projectID: try ProjectRoutes.projectID(request), kpiID: try kpiID(request))
            return HTTPResponse(status: 200, contentType: "image/svg+xml; charset=utf-8",
                                body: Array(KPIChart.svg(kpi: series.kpi, measurements: series.measurements).utf8))
        }
    }

    static func kpiID(_ request: Request) throws(APIError) -> Int {
        let (raw, value) = try request.integerParameter("kpi_id")
        guard let id = value, id > 0 else { throw APIError.notFound("There is no KPI '\(raw)'; KPI ids are positive integers.") }
        return id
    }

    /// A KPI with its ETag (version and day, see `ProjectKPI.entityTag`).
    static func representation(_ kpi: ProjectKPI) throws -> HTTPResponse {
        var response = try HTTPResponse.json(kpi)
        response.headers.add("ETag", kpi.entityTag)
        return response
    }

    /// As for projects, but the key is bound to the request's target as well as its body, so one
    /// key sent to two endpoints with the same body cannot replay the other's answer.
    static func idempotencyKey(_ request: Request, admin: AdminIdentity) throws(APIError) -> ProjectStore.IdempotencyKey? {
        guard var key = try ProjectRoutes.idempotencyKey(request, admin: admin) else { return nil }
        key.requestHash = Digest.sha256Hex(Array("\(request.method) \(request.path)\n".utf8) + request.body)
        return key
    }

    static func precondition<T>(_ conditions: Preconditions, method: String, etag: KeyPath<T, String>) -> ((T) -> Bool)? {
        guard !conditions.isEmpty else { return nil }
        return { conditions.evaluate(etag: $0[keyPath: etag], modifiedAt: nil, method: method) == .proceed }
    }

    static func namingFailure<T>(_ conditions: Preconditions, method: String, _ write: () throws -> T) throws -> T {
        do {
            return try write()
        } catch KPIStoreError.preconditionFailed(let etag, let modifiedAt) {
            if case .failed(let field) = conditions.evaluate(etag: etag, modifiedAt: nil, method: method) {
                throw Preconditions.failure(field, etag: etag, modifiedAt: nil)
            }
            throw KPIStoreError.preconditionFailed(etag: etag, modifiedAt: modifiedAt)
        }
    }

    /// The `id` of a stored create answer, for the replay's `Location`.
    static func storedID(_ body: [UInt8]) -> Int? {
        guard case .object(let members)? = try? JSONReader.read(body), case .number(let id)? = members["id"], id == id.rounded(), abs(id) < 1e15
        else { return nil }
        return Int(id)
    }

    static func created(body: [UInt8], status: Int, location: String?, etag: String?, replayed: Bool) -> HTTPResponse {
        var response = HTTPResponse(status: status, contentType: "application/json; charset=utf-8", body: body)
        if let location { response.headers.add("Location", location) }
        if let etag { response.headers.add("ETag", etag) }
        if replayed { response.headers.add("Idempotent-Replayed", "true") }
        return response
    }
}

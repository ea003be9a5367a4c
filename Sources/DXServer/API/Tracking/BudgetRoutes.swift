import DXCore

/// Projects' budgets per fiscal year (`GET /api/v1/projects/{id}/budget`, `GET/PUT
/// /api/v1/projects/{id}/budget/{fiscal_year}`) and their totals by policy and measure
/// (`GET /api/v1/budget`).
public enum BudgetRoutes {
    static let base = "/api/v1/projects/{id}/budget"

    public static func register(on router: inout Router, context: AppContext) {
        let store = BudgetStore(pool: context.pool)

        router.get(base, options: .publicCollection) { request in
            let id = try ProjectRoutes.projectID(request)
            return try CollectionResponse.make(try store.entries(projectID: id), request: request, csvName: "project-\(id)-budget")
        }

        router.get("\(base)/{fiscal_year}", options: .publicRead) { request in
            let id = try ProjectRoutes.projectID(request)
            return try representation(try store.entry(projectID: id, fiscalYear: try fiscalYear(request)))
        }

        // Idempotent (RFC 9110 §9.3.4): the body is the year's whole budget; 201 when it made
        // the year, 200 when it replaced it. Preconditions are evaluated by the store against the
        // row inside the write transaction: `If-None-Match: *` creates only, `If-Match` replaces
        // only the version the client saw.
        router.add("PUT", "\(base)/{fiscal_year}", options: .adminWrite(context.auth, preconditionsInStore: true)) { request in
            let admin = try context.auth.authenticate(request)
            let id = try ProjectRoutes.projectID(request)
            let year = try fiscalYear(request)
            let draft = try TrackingRequestBody.budget(from: request)
            let conditions = request.preconditions
            let check: ((BudgetEntry?) -> Bool)? = conditions.isEmpty ? nil : {
                conditions.evaluate(etag: $0?.entityTag, modifiedAt: $0?.modifiedAt, method: request.method) == .proceed
            }
            do {
                let (entry, created) = try store.put(projectID: id, fiscalYear: year, draft, actor: admin.tokenName, precondition: check)
                var response = try representation(entry)
                if created {
                    response.status = 201
                    response.headers.add("Location", entry.location)
                }
                return response
            } catch TrackingStoreError.preconditionFailed {
                let current = try? store.entry(projectID: id, fiscalYear: year)
                throw TrackingRoutes.failure(conditions, method: request.method, etag: current?.entityTag, modifiedAt: current?.modifiedAt)
            }
        }

        router.get("/api/v1/budget", options: .publicCollection) { request in
            let year = try request.query.int("fiscal_year", in: EvaluationPeriod.fiscalYears)
            return try CollectionResponse.make(try store.totals(fiscalYear: year), request: request, csvName: "budget")
        }
    }

    /// The `{fiscal_year}` path segment: a canonical integer (else 404), within 2000–2100
    /// (else 404 too: no such year can have a budget).
    static func fiscalYear(_ request: Request) throws(APIError) -> Int {
        let (raw, value) = try request.integerParameter("fiscal_year")
        guard let year = value, EvaluationPeriod.fiscalYears.contains(year) else {
            throw APIError.notFound("There is no fiscal year '\(raw)'; budgets are for fiscal years 2000 to 2100.")
        }
        return year
    }

    static func representation(_ entry: BudgetEntry) throws -> HTTPResponse {
        var response = try HTTPResponse.json(entry)
        response.headers.add("ETag", entry.entityTag)
        response.modifiedAt = entry.modifiedAt
        if let seconds = RFC3339Instant(entry.updatedAt)?.epochSeconds {
            response.headers.add("Last-Modified", HTTPDate.format(epochSeconds: seconds))
        }
        return response
    }
}

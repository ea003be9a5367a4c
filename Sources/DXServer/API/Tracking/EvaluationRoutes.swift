import DXCore

/// Projects' periodic evaluations: `GET/POST /api/v1/projects/{id}/evaluations`,
/// `GET/PATCH /api/v1/projects/{id}/evaluations/{period}`.
///
/// One evaluation is addressed by its period (`…/evaluations/2023H1`), not by a surrogate id:
/// a project has at most one per period, so the period is already its unique, readable name,
/// and a client that knows what it evaluates needs no lookup to correct it.
public enum EvaluationRoutes {
    static let base = "/api/v1/projects/{id}/evaluations"

    public static func register(on router: inout Router, context: AppContext) {
        let store = EvaluationStore(pool: context.pool)

        router.get(base, options: .publicCollection) { request in
            let id = try ProjectRoutes.projectID(request)
            return try CollectionResponse.make(try store.evaluations(projectID: id), request: request, csvName: "project-\(id)-evaluations")
        }

        router.add("POST", base, options: .adminWrite(context.auth)) { request in
            let admin = try context.auth.authenticate(request)
            let id = try ProjectRoutes.projectID(request)
            let idempotency = try ProjectRoutes.idempotencyKey(request, admin: admin)
            let draft = try TrackingRequestBody.evaluation(from: request)
            switch try store.create(projectID: id, draft, actor: admin.tokenName, idempotency: idempotency, render: { try JSONBody.encode($0) }) {
            case .created(let evaluation, let body):
                var response = HTTPResponse(status: 201, contentType: "application/json; charset=utf-8", body: body)
                response.headers.add("Location", evaluation.location)
                response.headers.add("ETag", evaluation.entityTag)
                return response
            case .replayed(let stored):
                // What the first answer said; its Location and ETag (RFC 9110 §8.8.3: the tag of
                // the representation in the body, the created version) read back from its body.
                var response = HTTPResponse(status: stored.status, contentType: "application/json; charset=utf-8", body: stored.body)
                if case .object(let members)? = try? JSONReader.read(stored.body), case .string(let period)? = members["period"] {
                    response.headers.add("Location", "/api/v1/projects/\(id)/evaluations/\(period)")
                    if case .number(let version)? = members["version"], let version = Int(exactly: version) {
                        response.headers.add("ETag", Evaluation.entityTag(projectID: id, period: period, version: version))
                    }
                }
                response.headers.add("Idempotent-Replayed", "true")
                return response
            }
        }

        router.get("\(base)/{period}", options: .publicRead) { request in
            let id = try ProjectRoutes.projectID(request)
            return try representation(try store.evaluation(projectID: id, period: try period(request)))
        }

        // A correction must say which version it corrects (RFC 6585 §3: 428 without If-Match),
        // so two reviewers never overwrite each other's rating unseen.
        router.add("PATCH", "\(base)/{period}", options: .adminWrite(context.auth, preconditionsInStore: true)) { request in
            let admin = try context.auth.authenticate(request)
            let id = try ProjectRoutes.projectID(request)
            let period = try period(request)
            let conditions = request.preconditions
            guard conditions.ifMatch != nil else {
                throw APIError(
                    status: 428, type: "/problems/precondition-required",
                    detail: "A correction needs If-Match with the evaluation's current ETag (from GET \(request.path)), so that it cannot overwrite a change it has not seen.")
            }
            let draft = try TrackingRequestBody.evaluation(from: request)
            do {
                let corrected = try store.correct(projectID: id, period: period, draft, actor: admin.tokenName) {
                    conditions.evaluate(etag: $0.entityTag, modifiedAt: $0.modifiedAt, method: request.method) == .proceed
                }
                return try representation(corrected)
            } catch TrackingStoreError.preconditionFailed {
                let current = try store.evaluation(projectID: id, period: period)
                throw TrackingRoutes.failure(conditions, method: request.method, etag: current.entityTag, modifiedAt: current.modifiedAt)
            }
        }
    }

    /// The `{period}` path segment; anything but `YYYY`, `YYYYH1`, `YYYYH2` names nothing (404).
    static func period(_ request: Request) throws(APIError) -> EvaluationPeriod {
        let raw = try request.parameter("period")
        guard let period = EvaluationPeriod(raw), period.description == raw else {
            throw APIError.notFound("There is no evaluation period '\(raw)'; periods are a fiscal year (2023) or one of its halves (2023H1, 2023H2).")
        }
        return period
    }

    static func representation(_ evaluation: Evaluation) throws -> HTTPResponse {
        var response = try HTTPResponse.json(evaluation)
        response.headers.add("ETag", evaluation.entityTag)
        response.modifiedAt = evaluation.modifiedAt
        if let seconds = RFC3339Instant(evaluation.updatedAt)?.epochSeconds {
            response.headers.add("Last-Modified", HTTPDate.format(epochSeconds: seconds))
        }
        return response
    }
}

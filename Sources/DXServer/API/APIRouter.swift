import DXCore

/// What the endpoints need from the process: the database and how to tell readiness.
public struct AppContext: Sendable {
    public let pool: DatabasePool
    public let migrator: Migrator
    public let auth: AdminAuth
    /// Publisher, licence and contact of the DCAT catalog.
    public let catalog: CatalogConfiguration
    /// The city's date now (Japan): what KPI `achievement`/`on_track` and the progress roll-up
    /// are computed for. Injected by tests; see `DayStampedVersion`.
    public let today: @Sendable () -> CalendarDate

    public init(pool: DatabasePool, migrator: Migrator, catalog: CatalogConfiguration = .miyakonojo,
                today: @escaping @Sendable () -> CalendarDate = { .todayInJapanCached() }) {
        self.pool = pool
        self.migrator = migrator
        self.catalog = catalog
        self.today = today
        self.auth = AdminAuth(tokens: TokenStore(pool: pool))
    }

    /// The version cached responses are valid for: the data version and today's date, since
    /// some answers change at midnight without a write (`DayStampedVersion`).
    public var cacheVersion: @Sendable () -> UInt64 {
        { [pool, today] in DayStampedVersion.make(data: pool.dataVersion, day: today()) }
    }
}

/// Every route of the public API, in one table.
public enum APIRouter {
    /// `shutdown`: the server's signal, which turns `/readyz` to 503 as soon as it is raised.
    public static func make(context: AppContext, metrics: Metrics, shutdown: ShutdownSignal = ShutdownSignal()) -> Router {
        var router = Router()
        context.pool.observeWrites { seconds in metrics.recordWrite(seconds: seconds) }
        SystemRoutes.register(on: &router, metrics: metrics, isReady: { context.migrator.readiness(of: context.pool).isReady },
                              isShuttingDown: { shutdown.isRaised })
        PlanRoutes.register(on: &router, context: context)
        SurveyRoutes.register(on: &router, context: context)
        ProjectRoutes.register(on: &router, context: context)
        KPIRoutes.register(on: &router, context: context)
        EvaluationRoutes.register(on: &router, context: context)
        BudgetRoutes.register(on: &router, context: context)
        CatalogRoutes.register(on: &router, context: context)
        // The API document, completed from this table and made once; it describes itself too.
        // Made on first use (its own request or the first query to validate), not at start:
        // it was a third of the time to the first 200 (issue 9).
        let ownRoute = OpenAPIAssembler.RouteSummary(method: "GET", pattern: "/openapi.json", options: .publicRead)
        let summaries = router.routes.map(OpenAPIAssembler.RouteSummary.init) + [ownRoute]
        let lazyDocument = LazyValue { OpenAPIDocument(source: OpenAPISource.text, routes: summaries) }
        // Cacheable but not nonBlocking: a nonBlocking route bypasses the response cache, which
        // would hash and gzip this large document on every request.
        router.get(ownRoute.pattern, options: ownRoute.options) { _ in
            HTTPResponse(status: 200, contentType: "application/json; charset=utf-8", body: lazyDocument.value.bytes)
        }
        // After the document is made from the table: the HTML pages are outside /api and outside it.
        PageRoutes.register(on: &router, context: context)
        // The document is the contract for query parameters: one check for every route.
        router.queryRules = QueryParameterRules(lazyDocument: { lazyDocument.value.json })
        return router
    }
}

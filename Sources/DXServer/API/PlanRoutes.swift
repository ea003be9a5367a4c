import DXCore

/// The basic plan: read-only, public, cacheable until the data version changes.
public enum PlanRoutes {
    static let base = "/api/v1"

    public static func register(on router: inout Router, context: AppContext) {
        let store = PlanStore(pool: context.pool)

        router.get(base, options: .publicRead) { _ in
            .json(index)
        }
        router.get("\(base)/plan", options: .publicRead) { _ in
            guard let plan = try store.plan() else { throw APIError(status: 503, detail: "The plan has not been loaded.") }
            return try .json(plan)
        }
        router.get("\(base)/concepts", options: .publicCollection) { req in
            try CollectionResponse.make(try store.concepts(), request: req, csvName: "concepts")
        }
        router.get("\(base)/policies", options: .publicCollection) { req in
            try CollectionResponse.make(try store.policies(), request: req, csvName: "policies")
        }
        router.get("\(base)/policies/{id}", options: .publicRead) { req in
            let (id, value) = try req.integerParameter("id")
            guard let number = value, let policy = try store.policy(id: number) else {
                throw APIError.notFound("There is no basic policy '\(id)'; policies are numbered 1 to 3.")
            }
            return try .json(policy)
        }
        router.get("\(base)/measures", options: .publicCollection) { req in
            let policy = try req.query.int("policy", in: 1...99)
            let q = req.query["q"]
            if let q, q.count > 200 { throw APIError.badRequest("The search text is longer than 200 characters.", parameter: "q") }
            let measures = try store.measures(policy: policy, query: q)
            return try CollectionResponse.make(measures, request: req, csvName: "measures")
        }
        router.get("\(base)/measures/{code}", options: .publicRead) { req in
            let code = try req.parameter("code")
            guard let measure = try store.measure(code: code) else {
                throw APIError.notFound("There is no measure '\(code)'; measures are coded 1-1 to 3-8.")
            }
            let projects = try ProjectStore(pool: context.pool).projects(ProjectQuery(measureCode: code))
            return try .json(MeasureDetail(measure: measure, projects: projects))
        }
        router.get("\(base)/principles", options: .publicCollection) { req in
            try CollectionResponse.make(try store.principles(), request: req, csvName: "principles")
        }
        router.get("\(base)/timeline", options: .publicCollection) { req in
            let scope = try req.query.oneOf("scope", ["national", "city"])
            let events = try store.timeline().filter { scope == nil || $0.scope.rawValue == scope }
            return try CollectionResponse.make(events, request: req, csvName: "timeline")
        }
        router.get("\(base)/governance", options: .publicRead) { _ in
            try .json(try store.governance())
        }
    }

    /// Links to every collection, so a client can start from `/api/v1` alone.
    static let index: JSONValue = .object([
        "title": .string("都城市DX推進計画 open API"),
        "version": .string("v1"),
        "openapi": .string("/openapi.json"),
        "license": .string("CC BY 4.0"),
        "links": .object([
            "plan": .string("\(base)/plan"),
            "concepts": .string("\(base)/concepts"),
            "policies": .string("\(base)/policies"),
            "measures": .string("\(base)/measures"),
            "principles": .string("\(base)/principles"),
            "timeline": .string("\(base)/timeline"),
            "governance": .string("\(base)/governance"),
            "projects": .string("\(base)/projects"),
            "progress": .string("\(base)/progress"),
            "surveys": .string("\(base)/surveys"),
            "catalog": .string("\(base)/catalog"),
        ]),
    ])
}

extension Concept: CSVRepresentable {
    public static let csvHeader = ["id", "question", "statement"]
    public static let csvJapaneseLabels = ["id": "番号", "question": "問い", "statement": "考え方"]
    public static let csvNumberColumns: Set<String> = ["id"]
    public var csvRow: [String] { [String(id), question, statement] }
}

extension Policy: CSVRepresentable {
    public static let csvHeader = ["id", "title", "goal", "measure_count", "project_count"]
    public static let csvJapaneseLabels = ["id": "基本方針", "title": "名称", "goal": "目標", "measure_count": "施策数", "project_count": "事業数"]
    public static let csvNumberColumns: Set<String> = ["id", "measure_count", "project_count"]
    public var csvRow: [String] { [String(id), title, goal, String(measureCount), String(projectCount)] }
}

extension Measure: CSVRepresentable {
    public static let csvHeader = ["code", "policy_id", "position", "title", "project_count"]
    public static let csvJapaneseLabels = ["code": "コード", "policy_id": "基本方針", "position": "順番", "title": "名称", "project_count": "事業数"]
    public static let csvNumberColumns: Set<String> = ["policy_id", "position", "project_count"]
    public var csvRow: [String] { [code, String(policyID), String(position), title, String(projectCount)] }
}

extension Principle: CSVRepresentable {
    public static let csvHeader = ["id", "name", "interpretation"]
    public static let csvJapaneseLabels = ["id": "番号", "name": "名称", "interpretation": "解釈"]
    public static let csvNumberColumns: Set<String> = ["id"]
    public var csvRow: [String] { [String(id), name, interpretation] }
}

extension TimelineEvent: CSVRepresentable {
    public static let csvHeader = ["date", "scope", "title"]
    public static let csvJapaneseLabels = ["date": "年月", "scope": "範囲", "title": "出来事"]
    public var csvRow: [String] { [date, scope.rawValue, title] }
}

import DXCore

/// The citizen surveys: the surveys themselves, who answered, and each question's options with
/// ratios, Wilson intervals and ranks; every collection also as CSV, each question as a chart.
public enum SurveyRoutes {
    public static func register(on router: inout Router, context: AppContext) {
        let store = SurveyStore(pool: context.pool)

        router.get("/api/v1/surveys", options: .publicCollection) { request in
            try CollectionResponse.make(try store.list(), request: request, csvName: "surveys")
        }

        // A later survey in the served shape, counts only; ratios and intervals are derived.
        // Authentication comes first, so an anonymous caller learns nothing about the body.
        let admin = RouteOptions.adminWrite(context.auth)
        router.add("POST", "/api/v1/surveys", options: admin) { request in
            _ = try context.auth.authenticate(request)
            let input = try JSONRequestBody.decode(SurveyInput.self, from: request, integersOnly: true, shape: SurveyInputShape.body)
            let record = try store.create(input)
            var response = try HTTPResponse.json(record.survey, status: 201)
            response.headers.add("Location", "/api/v1/surveys/\(record.survey.id)")
            return response
        }

        router.get("/api/v1/surveys/{id}", options: .publicRead) { request in
            let id = try surveyID(request)
            guard let survey = try store.survey(id: id) else { throw unknownSurvey(id) }
            return try .json(survey)
        }

        router.get("/api/v1/surveys/{id}/respondents", options: .publicCollection) { request in
            let id = try surveyID(request)
            let dimension = try request.query.oneOf("dimension", ProfileDimension.allCases.map(\.rawValue))
            guard let entries = try store.respondents(surveyID: id) else { throw unknownSurvey(id) }
            let selected = dimension.map { wanted in entries.filter { $0.dimension.rawValue == wanted } } ?? entries
            return try CollectionResponse.make(selected, request: request, csvName: "survey-\(id)-respondents")
        }

        router.get("/api/v1/surveys/{id}/questions", options: .publicCollection) { request in
            let id = try surveyID(request)
            guard let questions = try store.questions(surveyID: id) else { throw unknownSurvey(id) }
            return try CollectionResponse.make(
                questions, request: request, csvRows: SurveyOptionRow.rows(of:), csvName: "survey-\(id)-questions")
        }

        // A single question is a bare object in JSON; its CSV is the table of its options.
        router.get("/api/v1/surveys/{id}/questions/{n}", options: .publicCollection) { request in
            let (id, question) = try surveyQuestion(request, store: store)
            if request.format == .csv {
                return try CollectionResponse.make(
                    SurveyOptionRow.rows(of: question), request: request, csvName: "survey-\(id)-question-\(question.number)")
            }
            return try .json(question)
        }

        router.get("/api/v1/surveys/{id}/questions/{n}/chart.svg", options: .publicRead) { request in
            let (_, question) = try surveyQuestion(request, store: store)
            return HTTPResponse(
                status: 200, contentType: "image/svg+xml; charset=utf-8",
                body: Array(SurveyChart.svg(question: question).utf8))
        }
    }

    // MARK: - Path parameters

    static func surveyID(_ request: Request) throws(APIError) -> Int {
        let (raw, value) = try request.integerParameter("id")
        guard let id = value else { throw .notFound("No survey \(raw); survey ids are integers.") }
        return id
    }

    static func surveyQuestion(_ request: Request, store: SurveyStore) throws -> (Int, SurveyQuestion) {
        let id = try surveyID(request)
        let (raw, value) = try request.integerParameter("n")
        guard let number = value else {
            throw APIError.notFound("No question \(raw) in survey \(id); question numbers are integers.")
        }
        guard let question = try store.question(surveyID: id, number: number) else {
            // Tell the two 404s apart: the survey may exist without that question.
            guard try store.survey(id: id) != nil else { throw unknownSurvey(id) }
            throw APIError.notFound("Survey \(id) has no question \(number).")
        }
        return (id, question)
    }

    static func unknownSurvey(_ id: Int) -> APIError {
        .notFound("No survey \(id).")
    }

}

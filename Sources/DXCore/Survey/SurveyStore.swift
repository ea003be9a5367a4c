/// Reads and adds citizen surveys. Every read runs in one read transaction, so a survey and
/// its questions always come from the same snapshot; `create` writes a whole survey in one
/// transaction or nothing of it.
///
/// Lookups return nil for an unknown survey or question (the HTTP layer's 404).
public struct SurveyStore: Sendable {
    public let pool: DatabasePool

    public init(pool: DatabasePool) {
        self.pool = pool
    }

    /// All surveys, oldest edition first.
    public func list() throws(SurveyStoreError) -> [Survey] {
        try reading { db in try SurveyRows.surveys(in: db, id: nil) }
    }

    public func survey(id: Int) throws(SurveyStoreError) -> Survey? {
        try reading { db in try SurveyRows.surveys(in: db, id: id).first }
    }

    /// The respondent profile with ratios, gender first then age, each in the source's order.
    public func respondents(surveyID: Int) throws(SurveyStoreError) -> [ProfileEntry]? {
        try record(id: surveyID, questions: false).map(\.profileEntries)
    }

    public func questions(surveyID: Int) throws(SurveyStoreError) -> [SurveyQuestion]? {
        guard let record = try record(id: surveyID) else { return nil }
        return try statistics(of: record)
    }

    public func question(surveyID: Int, number: Int) throws(SurveyStoreError) -> SurveyQuestion? {
        guard let record = try record(id: surveyID, questionNumber: number), !record.questions.isEmpty
        else { return nil }
        return try statistics(of: record).first
    }

    /// Everything stored about one survey, counts only.
    public func record(id: Int) throws(SurveyStoreError) -> SurveyRecord? {
        try record(id: id, questions: true)
    }

    /// Validates `input`, then stores it whole. Returns what was stored.
    @discardableResult
    public func create(_ input: SurveyInput) throws(SurveyStoreError) -> SurveyRecord {
        let record: SurveyRecord
        do {
            record = try SurveyValidator.validate(input)
        } catch {
            throw .invalid(error)
        }
        do {
            try pool.write { db in
                // Checked first so the conflict names the field; the UNIQUE constraints still
                // back it up for writers outside this process.
                if try db.scalar("SELECT 1 FROM surveys WHERE id = ?", .integer(Int64(record.survey.id))) != nil {
                    throw SurveyStoreError.conflict(field: "id", value: record.survey.id)
                }
                if try db.scalar("SELECT 1 FROM surveys WHERE edition = ?", .integer(Int64(record.survey.edition))) != nil {
                    throw SurveyStoreError.conflict(field: "edition", value: record.survey.edition)
                }
                try SurveyRows.insert(record, into: db)
            }
        } catch let error as SurveyStoreError {
            throw error
        } catch let error as SQLiteError where error.isUniqueViolation {
            throw .conflict(field: "id", value: record.survey.id)
        } catch {
            throw .database(error)
        }
        return record
    }

    // MARK: -

    private func record(
        id: Int, questions: Bool = true, questionNumber: Int? = nil
    ) throws(SurveyStoreError) -> SurveyRecord? {
        try reading { db in
            guard let survey = try SurveyRows.surveys(in: db, id: id).first else { return nil }
            let profile = try SurveyRows.profile(in: db, surveyID: id)
            let questions = questions ? try SurveyRows.questions(in: db, surveyID: id, number: questionNumber) : []
            return SurveyRecord(survey: survey, profile: profile, questions: questions)
        }
    }

    private func statistics(of record: SurveyRecord) throws(SurveyStoreError) -> [SurveyQuestion] {
        do {
            return try record.surveyQuestions()
        } catch {
            throw .inconsistentData(surveyID: record.survey.id, cause: error)
        }
    }

    private func reading<T>(_ body: (Database) throws -> T) throws(SurveyStoreError) -> T {
        do {
            return try pool.read(body)
        } catch {
            throw .database(error)
        }
    }
}

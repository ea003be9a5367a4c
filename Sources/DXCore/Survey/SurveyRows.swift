/// The SQL behind `SurveyStore`: survey rows to and from `SurveyRecord`, parameters always bound.
/// Each query loads one table for a whole survey and groups in memory, so reading a survey
/// costs a fixed handful of statements however many questions it has.
enum SurveyRows {
    static func surveys(in db: Database, id: Int?) throws -> [Survey] {
        try db.rows(
            """
            SELECT id, edition, title, fiscal_year, fiscal_year_label, summary, area, target,
                   sample_size, respondents, method, period_start, period_end, period_label
            FROM surveys
            WHERE ?1 IS NULL OR id = ?1
            ORDER BY edition, id
            """, [SQLiteValue(id)]
        ) { row in
            Survey(
                id: row.int(at: 0), edition: row.int(at: 1), title: row.string(at: 2), fiscalYear: row.int(at: 3),
                fiscalYearLabel: row.string(at: 4), summary: row.string(at: 5), area: row.string(at: 6),
                target: row.string(at: 7), sampleSize: row.int(at: 8), respondents: row.int(at: 9),
                method: row.string(at: 10),
                period: SurveyPeriod(start: row.string(at: 11), end: row.string(at: 12), label: row.string(at: 13)))
        }
    }

    static func profile(in db: Database, surveyID: Int) throws -> [SurveyRecord.ProfileCategory] {
        // Gender before age, the order the city's report uses.
        try db.rows(
            """
            SELECT dimension, label, count
            FROM survey_profile_categories
            WHERE survey_id = ?
            ORDER BY CASE dimension WHEN 'gender' THEN 0 ELSE 1 END, position
            """, [SQLiteValue(surveyID)]
        ) { row in
            // The CHECK on dimension makes any other value unreachable; age is the only other.
            SurveyRecord.ProfileCategory(
                dimension: ProfileDimension(rawValue: row.string(at: 0)) ?? .age, label: row.string(at: 1),
                count: row.int(at: 2))
        }
    }

    static func questions(in db: Database, surveyID: Int, number: Int?) throws -> [SurveyRecord.Question] {
        let arguments = [SQLiteValue(surveyID), SQLiteValue(number)]
        let options = try db.rows(
            """
            SELECT question_number, number, label, count
            FROM survey_options
            WHERE survey_id = ?1 AND (?2 IS NULL OR question_number = ?2)
            ORDER BY question_number, number
            """, arguments
        ) { row in (question: row.int(at: 0), number: row.optionalInt(at: 1), label: row.string(at: 2), count: row.int(at: 3)) }
        let items = try db.rows(
            """
            SELECT question_number, response_position, text
            FROM survey_response_items
            WHERE survey_id = ?1 AND (?2 IS NULL OR question_number = ?2)
            ORDER BY question_number, response_position, position
            """, arguments
        ) { row in (question: row.int(at: 0), response: row.int(at: 1), text: row.string(at: 2)) }
        let responses = try db.rows(
            """
            SELECT question_number, position, rank, heading, text, option_number
            FROM survey_responses
            WHERE survey_id = ?1 AND (?2 IS NULL OR question_number = ?2)
            ORDER BY question_number, position
            """, arguments
        ) { row in
            let question = row.int(at: 0)
            let position = row.int(at: 1)
            return (
                question: question,
                response: CityResponse(
                    rank: row.int(at: 2), heading: row.string(at: 3), text: row.string(at: 4),
                    optionNumber: row.optionalInt(at: 5),
                    items: items.filter { $0.question == question && $0.response == position }.map(\.text))
            )
        }
        return try db.rows(
            """
            SELECT number, text, multiple_answers
            FROM survey_questions
            WHERE survey_id = ?1 AND (?2 IS NULL OR number = ?2)
            ORDER BY number
            """, arguments
        ) { row in
            let number = row.int(at: 0)
            let own = options.filter { $0.question == number }
            return SurveyRecord.Question(
                number: number, text: row.string(at: 1), multipleAnswers: row.bool(at: 2),
                options: own.compactMap { option in
                    option.number.map { SurveyOptionCount(number: $0, label: option.label, count: option.count) }
                },
                noAnswer: own.first { $0.number == nil }.map { SurveyRecord.NoAnswer(label: $0.label, count: $0.count) },
                responses: responses.filter { $0.question == number }.map(\.response))
        }
    }

    /// Inserts every row of `record`; the caller owns the transaction.
    static func insert(_ record: SurveyRecord, into db: Database) throws {
        let survey = record.survey
        let id = SQLiteValue(survey.id)
        try db.run(
            """
            INSERT INTO surveys (id, edition, title, fiscal_year, fiscal_year_label, summary, area, target,
                                 sample_size, respondents, method, period_start, period_end, period_label)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            arguments: [
                id, SQLiteValue(survey.edition), SQLiteValue(survey.title), SQLiteValue(survey.fiscalYear),
                SQLiteValue(survey.fiscalYearLabel), SQLiteValue(survey.summary), SQLiteValue(survey.area),
                SQLiteValue(survey.target), SQLiteValue(survey.sampleSize), SQLiteValue(survey.respondents),
                SQLiteValue(survey.method), SQLiteValue(survey.period.start), SQLiteValue(survey.period.end),
                SQLiteValue(survey.period.label),
            ])

        var positions: [ProfileDimension: Int] = [:]
        for category in record.profile {
            positions[category.dimension, default: 0] += 1
            try db.run(
                "INSERT INTO survey_profile_categories (survey_id, dimension, position, label, count) VALUES (?, ?, ?, ?, ?)",
                arguments: [
                    id, SQLiteValue(category.dimension.rawValue), SQLiteValue(positions[category.dimension] ?? 1),
                    SQLiteValue(category.label), SQLiteValue(category.count),
                ])
        }

        for question in record.questions {
            let number = SQLiteValue(question.number)
            try db.run(
                "INSERT INTO survey_questions (survey_id, number, text, multiple_answers) VALUES (?, ?, ?, ?)",
                arguments: [id, number, SQLiteValue(question.text), SQLiteValue(question.multipleAnswers)])
            let optionSQL = "INSERT INTO survey_options (survey_id, question_number, number, label, count) VALUES (?, ?, ?, ?, ?)"
            for option in question.options {
                try db.run(
                    optionSQL,
                    arguments: [id, number, SQLiteValue(option.number), SQLiteValue(option.label), SQLiteValue(option.count)])
            }
            if let noAnswer = question.noAnswer {
                try db.run(optionSQL, arguments: [id, number, .null, SQLiteValue(noAnswer.label), SQLiteValue(noAnswer.count)])
            }
            for (index, response) in question.responses.enumerated() {
                let position = SQLiteValue(index + 1)
                try db.run(
                    """
                    INSERT INTO survey_responses (survey_id, question_number, position, rank, heading, text, option_number)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                    arguments: [
                        id, number, position, SQLiteValue(response.rank), SQLiteValue(response.heading),
                        SQLiteValue(response.text), SQLiteValue(response.optionNumber),
                    ])
                for (itemIndex, item) in response.items.enumerated() {
                    try db.run(
                        """
                        INSERT INTO survey_response_items (survey_id, question_number, response_position, position, text)
                        VALUES (?, ?, ?, ?, ?)
                        """,
                        arguments: [id, number, position, SQLiteValue(itemIndex + 1), SQLiteValue(item)])
                }
            }
        }
    }
}

/// Checks a submitted survey for the consistency its statistics depend on and turns it into a
/// `SurveyRecord`. All problems are collected in one pass so a 422 can list them together.
///
/// Every number has a range, checked before any arithmetic touches it, and sums are
/// overflow-checked besides, so no body can trap the process:
/// - `id`: 1–999,999,999 (`surveyIDs`: what `GET /api/v1/surveys/{id}` reads, nine digits)
/// - `edition`: 1–9,999; `fiscal_year`: 1900–9999
/// - `sample_size`: 1–100,000,000 (`maxSampleSize`); `respondents`: 1 to `sample_size`
/// - every `count`: 0 to `respondents` (0 to `maxSampleSize` when `respondents` is unusable)
/// - `questions[].number`: 1–999,999,999 (`questionNumbers`: what `/questions/{n}` reads)
/// - `options[].number`, `responses[].rank`, `responses[].option_number`: 1–9,999
///
/// Text fields refuse control characters (U+0000–U+001F, U+007F–U+009F). Only `summary` and
/// `questions[].responses[].text` are multi-line and may hold TAB, LF, CR, U+2028 and U+2029
/// (`ControlCharacters`); every other text
/// field (`title`, `fiscal_year_label`, `area`, `target`, `method`, labels, question `text`,
/// `heading`, `items`) is one line.
public enum SurveyValidator {
    public static let surveyIDs = 1...999_999_999
    public static let editions = 1...9_999
    public static let fiscalYears = 1900...9999
    public static let maxSampleSize = 100_000_000
    public static let questionNumbers = 1...999_999_999
    public static let smallNumbers = 1...9_999

    public static func validate(_ input: SurveyInput) throws(SurveyValidationError) -> SurveyRecord {
        var check = Checker()
        let record = check.survey(input)
        guard check.problems.isEmpty, let record else {
            throw SurveyValidationError(problems: check.problems)
        }
        return record
    }

    public static func problems(in input: SurveyInput) -> [SurveyValidationProblem] {
        var check = Checker()
        _ = check.survey(input)
        return check.problems
    }
}

/// Accumulates problems while building the record; returns nil wherever something was missing.
private struct Checker {
    var problems: [SurveyValidationProblem] = []

    mutating func report(_ field: String, _ message: String) {
        problems.append(SurveyValidationProblem(field: field, message: message))
    }

    mutating func required<T>(_ value: T?, _ field: String) -> T? {
        if value == nil { report(field, "is required") }
        return value
    }

    mutating func text(_ value: String?, _ field: String, lines: ControlCharacters.Lines = .single) -> String? {
        guard let value = required(value, field) else { return nil }
        if let problem = ControlCharacters.problem(in: value, lines: lines) {
            report(field, problem)
            return nil
        }
        if BlankText.isBlank(value) {
            report(field, "must not be empty")
            return nil
        }
        return value
    }

    /// An optional text field: absent is allowed, present is checked like any other.
    mutating func optionalText(_ value: String?, _ field: String, lines: ControlCharacters.Lines = .single) -> String? {
        guard let value else { return nil }
        if let problem = ControlCharacters.problem(in: value, lines: lines) {
            report(field, problem)
            return nil
        }
        return value
    }

    mutating func positive(_ value: Int?, _ field: String, in range: ClosedRange<Int> = SurveyValidator.smallNumbers) -> Int? {
        guard let value = required(value, field) else { return nil }
        if !range.contains(value) {
            report(field, "must be from \(range.lowerBound) to \(range.upperBound), got \(value)")
            return nil
        }
        return value
    }

    /// A count is a number of respondents: 0 up to all of them.
    mutating func count(_ value: Int?, _ field: String, respondents: Int?) -> Int? {
        guard let value = required(value, field) else { return nil }
        if value < 0 {
            report(field, "must be 0 or more, got \(value)")
            return nil
        }
        if let respondents, value > respondents {
            report(field, "\(value) exceeds the \(respondents) respondents")
            return nil
        }
        if value > SurveyValidator.maxSampleSize {
            report(field, "must be at most \(SurveyValidator.maxSampleSize), got \(value)")
            return nil
        }
        return value
    }

    /// `values` added with overflow reported: Int.max stands for "more than can be counted",
    /// which compares as too many against any respondents.
    func checkedSum(_ values: [Int]) -> Int {
        var total = 0
        for value in values {
            let (sum, overflow) = total.addingReportingOverflow(value)
            if overflow { return Int.max }
            total = sum
        }
        return total
    }

    mutating func survey(_ input: SurveyInput) -> SurveyRecord? {
        let id = positive(input.id, "id", in: SurveyValidator.surveyIDs)
        let edition = positive(input.edition, "edition", in: SurveyValidator.editions)
        let title = text(input.title, "title")
        var fiscalYear = required(input.fiscalYear, "fiscal_year")
        if let year = fiscalYear, !SurveyValidator.fiscalYears.contains(year) {
            report("fiscal_year", "must be a four-digit year, got \(year)")
            fiscalYear = nil
        }
        let fiscalYearLabel = optionalText(input.fiscalYearLabel, "fiscal_year_label")
        let summary = optionalText(input.summary, "summary", lines: .multi)
        let area = text(input.area, "area")
        let target = text(input.target, "target")
        let method = text(input.method, "method")
        let sampleSize = positive(input.sampleSize, "sample_size", in: 1...SurveyValidator.maxSampleSize)
        var respondents = positive(input.respondents, "respondents", in: 1...SurveyValidator.maxSampleSize)
        if let r = respondents, let s = sampleSize, r > s {
            report("respondents", "\(r) exceeds the sample size \(s)")
            respondents = nil
        }
        let period = self.period(input.period, fiscalYear: fiscalYear)
        let profile = self.profile(input.profile, respondents: respondents)
        let questions = self.questions(input.questions, respondents: respondents)

        guard let id, let edition, let title, let fiscalYear, let area, let target, let method,
            let sampleSize, let respondents, let period, let profile, let questions, problems.isEmpty
        else { return nil }
        let survey = Survey(
            id: id, edition: edition, title: title, fiscalYear: fiscalYear,
            fiscalYearLabel: fiscalYearLabel ?? "", summary: summary ?? "", area: area,
            target: target, sampleSize: sampleSize, respondents: respondents, method: method, period: period)
        return SurveyRecord(survey: survey, profile: profile, questions: questions)
    }

    mutating func period(_ input: SurveyInput.Period?, fiscalYear: Int?) -> SurveyPeriod? {
        guard let input = required(input, "period") else { return nil }
        let start = date(input.start, "period.start")
        let end = date(input.end, "period.end")
        let label = text(input.label, "period.label")
        if let start, let end, start.iso > end.iso {
            report("period.end", "\(end.iso) is before the start \(start.iso)")
        }
        // Japanese fiscal years begin in April, so a June 2021 survey is FY2021 and a
        // February 2022 one still FY2021.
        if let start, let fiscalYear {
            let startFiscalYear = start.month >= 4 ? start.year : start.year - 1
            if startFiscalYear != fiscalYear {
                report("fiscal_year", "\(fiscalYear) does not contain the start date \(start.iso) (fiscal year \(startFiscalYear))")
            }
        }
        guard let start, let end, let label else { return nil }
        return SurveyPeriod(start: start.iso, end: end.iso, label: label)
    }

    mutating func date(_ value: String?, _ field: String) -> CalendarDate? {
        guard let value = required(value, field) else { return nil }
        if let problem = ControlCharacters.problem(in: value) {
            report(field, problem)
            return nil
        }
        guard let date = CalendarDate(iso: value) else {
            report(field, "must be a calendar date YYYY-MM-DD, got \"\(value)\"")
            return nil
        }
        return date
    }

    mutating func profile(
        _ input: [SurveyInput.ProfileCategory]?, respondents: Int?
    ) -> [SurveyRecord.ProfileCategory]? {
        guard let input = required(input, "profile") else { return nil }
        var result: [SurveyRecord.ProfileCategory] = []
        var complete = true
        var sums: [ProfileDimension: Int] = [:]
        var labels: [ProfileDimension: Set<String>] = [:]
        for (i, category) in input.enumerated() {
            let path = "profile[\(i)]"
            var dimension: ProfileDimension?
            if let raw = required(category.dimension, "\(path).dimension") {
                dimension = ProfileDimension(rawValue: raw)
                if dimension == nil, let problem = ControlCharacters.problem(in: raw) {
                    report("\(path).dimension", problem)
                } else if dimension == nil {
                    let allowed = ProfileDimension.allCases.map(\.rawValue).joined(separator: ", ")
                    report("\(path).dimension", "must be one of \(allowed), got \"\(raw)\"")
                }
            }
            let label = text(category.label, "\(path).label")
            let count = self.count(category.count, "\(path).count", respondents: respondents)
            if let dimension, let label, !labels[dimension, default: []].insert(label).inserted {
                report("\(path).label", "\"\(label)\" appears twice under \(dimension.rawValue)")
            }
            // Sum what was given even when over the limit, so the sum message reflects the input;
            // checked, as any count may be near Int.max (a sum that overflows is over anyway).
            if let dimension, let given = category.count {
                let (sum, overflow) = sums[dimension, default: 0].addingReportingOverflow(given)
                sums[dimension] = overflow ? Int.max : sum
            }
            guard let dimension, let label, let count else {
                complete = false
                continue
            }
            result.append(SurveyRecord.ProfileCategory(dimension: dimension, label: label, count: count))
        }
        // Every respondent falls in exactly one category of each dimension (その他 included),
        // so anything else means a transcription error.
        if let respondents {
            for dimension in ProfileDimension.allCases {
                guard let sum = sums[dimension] else {
                    report("profile", "has no \(dimension.rawValue) categories")
                    continue
                }
                if sum != respondents {
                    report("profile", "\(dimension.rawValue) categories sum to \(sum), not the \(respondents) respondents")
                }
            }
        }
        return complete ? result : nil
    }

    mutating func questions(_ input: [SurveyInput.Question]?, respondents: Int?) -> [SurveyRecord.Question]? {
        guard let input = required(input, "questions") else { return nil }
        if input.isEmpty { report("questions", "must contain at least one question") }
        var result: [SurveyRecord.Question] = []
        var complete = true
        var numbers: Set<Int> = []
        for (i, question) in input.enumerated() {
            let path = "questions[\(i)]"
            if let number = question.number, !numbers.insert(number).inserted {
                report("\(path).number", "\(number) is used by another question")
            }
            if let built = self.question(question, path: path, respondents: respondents) {
                result.append(built)
            } else {
                complete = false
            }
        }
        return complete ? result : nil
    }

    mutating func question(_ input: SurveyInput.Question, path: String, respondents: Int?) -> SurveyRecord.Question? {
        let number = positive(input.number, "\(path).number", in: SurveyValidator.questionNumbers)
        let text = self.text(input.text, "\(path).text")
        let multipleAnswers = required(input.multipleAnswers, "\(path).multiple_answers")

        var options: [SurveyOptionCount] = []
        var optionsComplete = true
        var optionNumbers: Set<Int> = []
        if let given = required(input.options, "\(path).options") {
            if given.isEmpty { report("\(path).options", "must contain at least one option") }
            for (j, option) in given.enumerated() {
                let optionPath = "\(path).options[\(j)]"
                let optionNumber = positive(option.number, "\(optionPath).number")
                if let optionNumber, !optionNumbers.insert(optionNumber).inserted {
                    report("\(optionPath).number", "\(optionNumber) is used by another option")
                }
                let label = self.text(option.label, "\(optionPath).label")
                let count = self.count(option.count, "\(optionPath).count", respondents: respondents)
                if let optionNumber, let label, let count {
                    options.append(SurveyOptionCount(number: optionNumber, label: label, count: count))
                } else {
                    optionsComplete = false
                }
            }
        } else {
            optionsComplete = false
        }

        var noAnswer: SurveyRecord.NoAnswer?
        var noAnswerComplete = true
        if let given = input.noAnswer {
            let label = self.text(given.label, "\(path).no_answer.label")
            let count = self.count(given.count, "\(path).no_answer.count", respondents: respondents)
            if let label, let count {
                noAnswer = SurveyRecord.NoAnswer(label: label, count: count)
            } else {
                noAnswerComplete = false
            }
        }

        // Everyone either picked something or is counted as no answer. With one answer each the
        // counts add up to the respondents exactly; with several they can only add up to more.
        if let respondents, let multipleAnswers, optionsComplete, noAnswerComplete {
            // Each count is within 0...respondents (at most maxSampleSize), so only an absurd
            // number of options could overflow; the sum is checked all the same.
            let total = checkedSum(options.map(\.count) + [noAnswer?.count ?? 0])
            if !multipleAnswers && total != respondents {
                report("\(path).options", "single-answer counts sum to \(total), not the \(respondents) respondents")
            } else if multipleAnswers && total < respondents {
                report("\(path).options", "counts sum to \(total), fewer than the \(respondents) respondents")
            }
        }

        var responses: [CityResponse] = []
        var responsesComplete = true
        for (k, response) in (input.responses ?? []).enumerated() {
            let responsePath = "\(path).responses[\(k)]"
            let rank = positive(response.rank, "\(responsePath).rank")
            let heading = self.text(response.heading, "\(responsePath).heading")
            let text = self.text(response.text, "\(responsePath).text", lines: .multi)
            if let optionNumber = response.optionNumber, !SurveyValidator.smallNumbers.contains(optionNumber) {
                report("\(responsePath).option_number", "must be from 1 to \(SurveyValidator.smallNumbers.upperBound), got \(optionNumber)")
                responsesComplete = false
            } else if let optionNumber = response.optionNumber, optionsComplete, !optionNumbers.contains(optionNumber) {
                report("\(responsePath).option_number", "\(optionNumber) is not an option of this question")
                responsesComplete = false
            }
            var items: [String] = []
            for (m, item) in (response.items ?? []).enumerated() {
                if let item = self.text(item, "\(responsePath).items[\(m)]") { items.append(item) }
            }
            if let rank, let heading, let text, items.count == (response.items ?? []).count {
                responses.append(CityResponse(
                    rank: rank, heading: heading, text: text, optionNumber: response.optionNumber, items: items))
            } else {
                responsesComplete = false
            }
        }

        guard let number, let text, let multipleAnswers, optionsComplete, noAnswerComplete, responsesComplete
        else { return nil }
        return SurveyRecord.Question(
            number: number, text: text, multipleAnswers: multipleAnswers, options: options, noAnswer: noAnswer,
            responses: responses)
    }
}

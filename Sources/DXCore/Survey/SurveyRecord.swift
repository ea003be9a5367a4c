/// A survey as stored: validated, complete, counts only. Built by `SurveyValidator` from input
/// and by `SurveyStore` from rows; ratios and intervals are derived from it, never kept in it.
public struct SurveyRecord: Sendable, Equatable {
    public var survey: Survey
    /// In display order within each dimension.
    public var profile: [ProfileCategory]
    public var questions: [Question]

    public init(survey: Survey, profile: [ProfileCategory], questions: [Question]) {
        self.survey = survey
        self.profile = profile
        self.questions = questions
    }

    public struct ProfileCategory: Sendable, Equatable {
        public var dimension: ProfileDimension
        public var label: String
        public var count: Int

        public init(dimension: ProfileDimension, label: String, count: Int) {
            self.dimension = dimension
            self.label = label
            self.count = count
        }
    }

    public struct Question: Sendable, Equatable {
        public var number: Int
        public var text: String
        public var multipleAnswers: Bool
        public var options: [SurveyOptionCount]
        public var noAnswer: NoAnswer?
        public var responses: [CityResponse]

        public init(
            number: Int, text: String, multipleAnswers: Bool, options: [SurveyOptionCount], noAnswer: NoAnswer?,
            responses: [CityResponse]
        ) {
            self.number = number
            self.text = text
            self.multipleAnswers = multipleAnswers
            self.options = options
            self.noAnswer = noAnswer
            self.responses = responses
        }
    }

    public struct NoAnswer: Sendable, Equatable {
        public var label: String
        public var count: Int

        public init(label: String, count: Int) {
            self.label = label
            self.count = count
        }
    }

    /// The profile with ratios, in stored order.
    public var profileEntries: [ProfileEntry] {
        var positions: [ProfileDimension: Int] = [:]
        return profile.map {
            // Stored positions count 1, 2, … per dimension in this same order (see SurveyRows).
            let position = positions[$0.dimension, default: 0] + 1
            positions[$0.dimension] = position
            return ProfileEntry(
                dimension: $0.dimension, label: $0.label, count: $0.count, respondents: survey.respondents, position: position)
        }
    }

    /// Questions with derived statistics, in number order.
    public func surveyQuestions() throws(Wilson.Failure) -> [SurveyQuestion] {
        var result: [SurveyQuestion] = []
        for question in questions.sorted(by: { $0.number < $1.number }) {
            result.append(try SurveyQuestion(
                number: question.number, text: question.text, multipleAnswers: question.multipleAnswers,
                respondents: survey.respondents, counts: question.options,
                noAnswer: question.noAnswer.map { ($0.label, $0.count) }, responses: question.responses))
        }
        return result
    }
}

/// The body of `POST /api/v1/surveys`: a survey in the served shape, counts only.
///
/// Every field is optional so that a missing one is reported by `SurveyValidator` alongside
/// every other problem, instead of the decoder stopping at the first. Derived values
/// (ratios, intervals, ranks, response rate) are not accepted: they are computed.
public struct SurveyInput: Codable, Sendable, Equatable {
    public var id: Int?
    public var edition: Int?
    public var title: String?
    public var fiscalYear: Int?
    public var fiscalYearLabel: String?
    public var summary: String?
    public var area: String?
    public var target: String?
    public var sampleSize: Int?
    public var respondents: Int?
    public var method: String?
    public var period: Period?
    /// In display order within each dimension.
    public var profile: [ProfileCategory]?
    public var questions: [Question]?

    public init(
        id: Int? = nil, edition: Int? = nil, title: String? = nil, fiscalYear: Int? = nil,
        fiscalYearLabel: String? = nil, summary: String? = nil, area: String? = nil, target: String? = nil,
        sampleSize: Int? = nil, respondents: Int? = nil, method: String? = nil, period: Period? = nil,
        profile: [ProfileCategory]? = nil, questions: [Question]? = nil
    ) {
        self.id = id
        self.edition = edition
        self.title = title
        self.fiscalYear = fiscalYear
        self.fiscalYearLabel = fiscalYearLabel
        self.summary = summary
        self.area = area
        self.target = target
        self.sampleSize = sampleSize
        self.respondents = respondents
        self.method = method
        self.period = period
        self.profile = profile
        self.questions = questions
    }

    enum CodingKeys: String, CodingKey {
        case id, edition, title
        case fiscalYear = "fiscal_year"
        case fiscalYearLabel = "fiscal_year_label"
        case summary, area, target
        case sampleSize = "sample_size"
        case respondents, method, period, profile, questions
    }

    public struct Period: Codable, Sendable, Equatable {
        public var start: String?
        public var end: String?
        public var label: String?

        public init(start: String? = nil, end: String? = nil, label: String? = nil) {
            self.start = start
            self.end = end
            self.label = label
        }
    }

    public struct ProfileCategory: Codable, Sendable, Equatable {
        /// A string, not `ProfileDimension`, so an unknown dimension is a reported problem
        /// rather than a decoding failure that hides the others.
        public var dimension: String?
        public var label: String?
        public var count: Int?

        public init(dimension: String? = nil, label: String? = nil, count: Int? = nil) {
            self.dimension = dimension
            self.label = label
            self.count = count
        }
    }

    public struct Question: Codable, Sendable, Equatable {
        public var number: Int?
        public var text: String?
        public var multipleAnswers: Bool?
        public var options: [Option]?
        public var noAnswer: NoAnswer?
        public var responses: [Response]?

        public init(
            number: Int? = nil, text: String? = nil, multipleAnswers: Bool? = nil, options: [Option]? = nil,
            noAnswer: NoAnswer? = nil, responses: [Response]? = nil
        ) {
            self.number = number
            self.text = text
            self.multipleAnswers = multipleAnswers
            self.options = options
            self.noAnswer = noAnswer
            self.responses = responses
        }

        enum CodingKeys: String, CodingKey {
            case number, text
            case multipleAnswers = "multiple_answers"
            case options
            case noAnswer = "no_answer"
            case responses
        }
    }

    public struct Option: Codable, Sendable, Equatable {
        public var number: Int?
        public var label: String?
        public var count: Int?

        public init(number: Int? = nil, label: String? = nil, count: Int? = nil) {
            self.number = number
            self.label = label
            self.count = count
        }
    }

    public struct NoAnswer: Codable, Sendable, Equatable {
        public var label: String?
        public var count: Int?

        public init(label: String? = nil, count: Int? = nil) {
            self.label = label
            self.count = count
        }
    }

    public struct Response: Codable, Sendable, Equatable {
        public var rank: Int?
        public var heading: String?
        public var text: String?
        public var optionNumber: Int?
        public var items: [String]?

        public init(
            rank: Int? = nil, heading: String? = nil, text: String? = nil, optionNumber: Int? = nil,
            items: [String]? = nil
        ) {
            self.rank = rank
            self.heading = heading
            self.text = text
            self.optionNumber = optionNumber
            self.items = items
        }

        enum CodingKeys: String, CodingKey {
            case rank, heading, text
            case optionNumber = "option_number"
            case items
        }
    }
}

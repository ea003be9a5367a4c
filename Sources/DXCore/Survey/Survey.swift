/// A citizen survey as served: what was asked of whom, how, and how many answered.
public struct Survey: Codable, Sendable, Equatable {
    public var id: Int
    public var edition: Int
    public var title: String
    public var fiscalYear: Int
    /// The fiscal year as the city writes it (令和3年度); `fiscalYear` is its Western year.
    public var fiscalYearLabel: String
    public var summary: String
    public var area: String
    public var target: String
    public var sampleSize: Int
    public var respondents: Int
    public var method: String
    public var period: SurveyPeriod

    /// Derived, never stored: the seed's 「回答率40%」 is this value rounded.
    public var responseRate: Double { Double(respondents) / Double(sampleSize) }

    public init(
        id: Int, edition: Int, title: String, fiscalYear: Int, fiscalYearLabel: String, summary: String,
        area: String, target: String, sampleSize: Int, respondents: Int, method: String, period: SurveyPeriod
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
    }

    enum CodingKeys: String, CodingKey {
        case id, edition, title
        case fiscalYear = "fiscal_year"
        case fiscalYearLabel = "fiscal_year_label"
        case summary, area, target
        case sampleSize = "sample_size"
        case respondents
        case responseRate = "response_rate"
        case method, period
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(Int.self, forKey: .id)
        edition = try c.decode(Int.self, forKey: .edition)
        title = try c.decode(String.self, forKey: .title)
        fiscalYear = try c.decode(Int.self, forKey: .fiscalYear)
        fiscalYearLabel = try c.decode(String.self, forKey: .fiscalYearLabel)
        summary = try c.decode(String.self, forKey: .summary)
        area = try c.decode(String.self, forKey: .area)
        target = try c.decode(String.self, forKey: .target)
        sampleSize = try c.decode(Int.self, forKey: .sampleSize)
        respondents = try c.decode(Int.self, forKey: .respondents)
        method = try c.decode(String.self, forKey: .method)
        period = try c.decode(SurveyPeriod.self, forKey: .period)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(edition, forKey: .edition)
        try c.encode(title, forKey: .title)
        try c.encode(fiscalYear, forKey: .fiscalYear)
        try c.encode(fiscalYearLabel, forKey: .fiscalYearLabel)
        try c.encode(summary, forKey: .summary)
        try c.encode(area, forKey: .area)
        try c.encode(target, forKey: .target)
        try c.encode(sampleSize, forKey: .sampleSize)
        try c.encode(respondents, forKey: .respondents)
        try c.encode(responseRate, forKey: .responseRate)
        try c.encode(method, forKey: .method)
        try c.encode(period, forKey: .period)
    }
}

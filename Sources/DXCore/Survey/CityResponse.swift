/// The city's stated response to one of a question's top answers (the ⇒ paragraph under 1位/2位).
public struct CityResponse: Codable, Sendable, Equatable {
    public var rank: Int
    /// As printed in the source, which may differ from the option label it names.
    public var heading: String
    public var text: String
    /// The option the heading refers to, when known.
    public var optionNumber: Int?
    /// Points listed under the paragraph (e.g. the three principles ①②③), possibly none.
    public var items: [String]

    public init(rank: Int, heading: String, text: String, optionNumber: Int?, items: [String]) {
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

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        rank = try c.decode(Int.self, forKey: .rank)
        heading = try c.decode(String.self, forKey: .heading)
        text = try c.decode(String.self, forKey: .text)
        optionNumber = try c.decodeIfPresent(Int.self, forKey: .optionNumber)
        items = try c.decode([String].self, forKey: .items)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(rank, forKey: .rank)
        try c.encode(heading, forKey: .heading)
        try c.encode(text, forKey: .text)
        // null rather than absent, like no_answer: every response has the same keys.
        try c.encode(optionNumber, forKey: .optionNumber)
        try c.encode(items, forKey: .items)
    }
}

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
}

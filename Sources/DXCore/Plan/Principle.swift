/// One of the five smart-city principles of the city's ordinance, named in English as in the
/// G20 Global Smart Cities Alliance text, with the city's own interpretation.
public struct Principle: Codable, Sendable, Equatable {
    public var id: Int
    public var name: String
    public var interpretation: String

    enum CodingKeys: String, CodingKey { case id, name, interpretation }
}

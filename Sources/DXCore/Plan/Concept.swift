/// One of the six basic concepts (基本的考え方).
public struct Concept: Codable, Sendable, Equatable {
    public var id: Int
    /// The `～…～` heading, tildes included.
    public var question: String
    public var statement: String

    enum CodingKeys: String, CodingKey { case id, question, statement }
}

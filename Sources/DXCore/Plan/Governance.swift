/// The promotion structure (推進体制): `GET /api/v1/governance`.
public struct Governance: Codable, Sendable, Equatable {
    public var bodies: [Body]

    enum CodingKeys: String, CodingKey { case bodies }

    /// A body such as 都城市デジタル統括本部 or ワーキンググループ.
    public struct Body: Codable, Sendable, Equatable {
        public var id: Int
        public var name: String
        public var description: String
        /// Named posts, e.g. 最高デジタル責任者（CDO） held by 市長.
        public var roles: [Role]
        /// Ordinary members (委員), by post.
        public var members: [String]
        /// What the body deliberates (the committee's ①–⑤).
        public var duties: [Duty]

        enum CodingKeys: String, CodingKey { case id, name, description, roles, members, duties }
    }

    public struct Role: Codable, Sendable, Equatable {
        public var title: String
        public var holder: String

        enum CodingKeys: String, CodingKey { case title, holder }
    }

    public struct Duty: Codable, Sendable, Equatable {
        public var number: Int
        /// The circled numeral of the source, `①`.
        public var marker: String
        public var text: String

        enum CodingKeys: String, CodingKey { case number, marker, text }
    }
}

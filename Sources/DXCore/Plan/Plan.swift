/// The plan's metadata: `GET /api/v1/plan`.
public struct Plan: Codable, Sendable, Equatable {
    public var title: String
    public var subtitle: String
    /// Which volume this is: `基本計画` (the implementation plan, 実施計画, is separate).
    public var volume: String
    /// 趣旨; paragraphs separated by a blank line.
    public var purpose: String
    /// 計画の位置づけ.
    public var positioning: String
    public var period: Period
    public var background: Background

    public struct Period: Codable, Sendable, Equatable {
        public var startFiscalYear: Int
        public var endFiscalYear: Int
        public var startLabel: String
        public var endLabel: String
        public var note: String

        enum CodingKeys: String, CodingKey {
            case startFiscalYear = "start_fiscal_year"
            case endFiscalYear = "end_fiscal_year"
            case startLabel = "start_label"
            case endLabel = "end_label"
            case note
        }
    }

    /// 背景: the same events as the timeline, grouped by scope.
    public struct Background: Codable, Sendable, Equatable {
        public var national: [TimelineEvent]
        public var city: [TimelineEvent]
    }

    enum CodingKeys: String, CodingKey {
        case title, subtitle, volume, purpose, positioning, period, background
    }
}

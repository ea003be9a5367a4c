/// A KPI's target (目標値) for one fiscal year (April–March, named by its starting year).
public struct KPITarget: Sendable, Equatable, Codable {
    public var fiscalYear: Int
    public var value: Double

    public init(fiscalYear: Int, value: Double) {
        self.fiscalYear = fiscalYear
        self.value = value
    }

    enum CodingKeys: String, CodingKey {
        case fiscalYear = "fiscal_year"
        case value
    }
}

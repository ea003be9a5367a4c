/// What an evaluation covers: a fiscal year (`2023`, April 2023 – March 2024) or one of its
/// halves (`2023H1` April–September, `2023H2` October–March), the city's half-yearly review.
public struct EvaluationPeriod: Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Part: Int, Sendable {
        case firstHalf = 1
        case secondHalf = 2
        /// The whole year, reviewed at its end: it orders after both halves.
        case wholeYear = 3
    }

    /// The years a period (and a budget) may name, as for projects' fiscal years.
    public static let fiscalYears = 2000...2100

    public let fiscalYear: Int
    public let part: Part

    public init(fiscalYear: Int, part: Part) {
        self.fiscalYear = fiscalYear
        self.part = part
    }

    /// `YYYY`, `YYYYH1` or `YYYYH2` with YYYY in `fiscalYears`; nil for anything else.
    public init?(_ text: String) {
        let u = Array(text.utf8)
        guard u.count == 4 || u.count == 6, u[0..<4].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        let year = u[0..<4].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        guard Self.fiscalYears.contains(year) else { return nil }
        if u.count == 4 {
            self.init(fiscalYear: year, part: .wholeYear)
        } else if u[4] == UInt8(ascii: "H"), u[5] == UInt8(ascii: "1") || u[5] == UInt8(ascii: "2") {
            self.init(fiscalYear: year, part: u[5] == UInt8(ascii: "1") ? .firstHalf : .secondHalf)
        } else {
            return nil
        }
    }

    /// The period as the API spells it: `2023`, `2023H1`.
    public var description: String {
        switch part {
        case .wholeYear: String(fiscalYear)
        case .firstHalf: "\(fiscalYear)H1"
        case .secondHalf: "\(fiscalYear)H2"
        }
    }

    /// `令和5年度`, `令和5年度上半期`, `令和5年度下半期`.
    public var label: String {
        let year = EvaluationPeriod.eraLabel(fiscalYear)
        switch part {
        case .wholeYear: return year
        case .firstHalf: return year + "上半期"
        case .secondHalf: return year + "下半期"
        }
    }

    /// `令和5年度` for 2023: the era year alone, as the city heads its evaluations and budgets
    /// (`FiscalYearLabel` gives the longer `2023年度（令和5年度）` of the facets).
    public static func eraLabel(_ fiscalYear: Int) -> String {
        FiscalYearLabel.era(fiscalYear).map { $0 + "年度" } ?? "\(fiscalYear)年度"
    }

    /// `fiscalYear * 10 + part`: H1 < H2 < the whole year, years in order.
    public var order: Int { fiscalYear * 10 + part.rawValue }

    public static func < (lhs: EvaluationPeriod, rhs: EvaluationPeriod) -> Bool { lhs.order < rhs.order }
}

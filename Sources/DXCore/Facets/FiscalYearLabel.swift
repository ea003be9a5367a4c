/// A Japanese fiscal year as the city writes it: `2023年度（令和5年度）`. The era year is the
/// one in force at the fiscal year's start (April): 令和 from FY2019, 平成 from FY1989; the
/// first year of an era is 元年.
public enum FiscalYearLabel {
    public static func label(_ year: Int) -> String {
        guard let era = era(year) else { return "\(year)年度" }
        return "\(year)年度（\(era)年度）"
    }

    static func era(_ year: Int) -> String? {
        let eras: [(name: String, first: Int)] = [("令和", 2019), ("平成", 1989)]
        guard let found = eras.first(where: { year >= $0.first }) else { return nil }
        let number = year - found.first + 1
        return found.name + (number == 1 ? "元" : String(number))
    }
}

/// Fiscal years as the city writes them: the Japanese era first, the Western year beside it.
enum JapaneseEra {
    /// `令和4年度（2022年度）`; the first year of an era is 元年 (令和元年度 is 2019).
    /// Years before 平成 (1989) are written in the Western calendar only.
    static func fiscalYear(_ year: Int) -> String {
        guard let era = eraYear(year) else { return "\(year)年度" }
        return "\(era)度（\(year)年度）"
    }

    /// `令和4年` for 2022, nil before 1989. 令和 began on 1 May 2019 and 平成 on 8 January
    /// 1989; a fiscal year (April to March) is named by the era in force at its start.
    static func eraYear(_ year: Int) -> String? {
        let (name, number): (String, Int)
        if year >= 2019 {
            (name, number) = ("令和", year - 2018)
        } else if year >= 1989 {
            (name, number) = ("平成", year - 1988)
        } else {
            return nil
        }
        return number == 1 ? "\(name)元年" : "\(name)\(number)年"
    }
}

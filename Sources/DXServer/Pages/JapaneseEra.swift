import DXCore

/// Fiscal years as the pages write them: the Japanese era first, the Western year beside it.
enum JapaneseEra {
    /// `令和4年度（2022年度）`; the first year of an era is 元年 (令和元年度 is 2019). Years
    /// before 平成 (1989) are written in the Western calendar only. The era itself comes from
    /// DXCore (`EvaluationPeriod.eraLabel`), the one place the eras are defined.
    static func fiscalYear(_ year: Int) -> String {
        let era = EvaluationPeriod.eraLabel(year)
        let western = "\(year)年度"
        return era == western ? western : "\(era)（\(western)）"
    }
}

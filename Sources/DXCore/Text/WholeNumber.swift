/// How every writer of the server (JSON, CSV, the pages, the charts) writes a Double that is a
/// whole number: as an integer, `12000`, never `12000.0` or `1.2e+04`. The bound is ±1e15
/// inclusive: a KPI value's whole range (`ProjectValidator.kpiValues`), so its bounds are
/// written as integers too, and every integer up to it is exact in a Double (below 2^53) and
/// in an Int64. Anything larger, fractional or not finite is the caller's own form.
public enum WholeNumber {
    /// The largest magnitude written as an integer.
    public static let bound: Double = 1e15

    /// `value` as an integer when it is whole and within ±`bound`, else nil (NaN and the
    /// infinities included). -0 is 0.
    @inlinable
    public static func exact(_ value: Double) -> Int64? {
        guard value == value.rounded(), abs(value) <= bound else { return nil }
        return Int64(value)
    }

    /// `12000` for 12000.0 (see `exact`), else nil.
    @inlinable
    public static func text(_ value: Double) -> String? {
        exact(value).map { String($0) }
    }
}

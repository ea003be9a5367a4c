import DXCore

/// The version the response cache and the engine's replay cache hold an answer for, when some
/// answers depend on the date as well as on the data: KPI `achievement` and `on_track`, and the
/// KPI counts of `GET /api/v1/progress`, are computed for today (issue 12), so yesterday's
/// cached answer must not be served after midnight even though nothing was written.
///
/// The day (days since 1970-01-01, 16 bits: until 2149) fills the top 16 bits and the data
/// version the low 48 (2.8e14 writes), so a new day or a write each give a new version.
public enum DayStampedVersion {
    static let dataBits: UInt64 = 48

    public static func make(data: UInt64, day: CalendarDate) -> UInt64 {
        let dayBits = UInt64(clamping: max(0, min(day.dayNumber, 0xFFFF)))
        return dayBits << dataBits | (data & ((1 << dataBits) - 1))
    }
}

import Foundation

/// A Japanese fiscal year (年度): April 1 to March 31 of the next calendar year, named by the
/// year it starts in (FY2023 = 2023-04-01 … 2024-03-31). Dates are the city's: Japan Standard
/// Time (UTC+9, no daylight saving).
public struct FiscalYear: Sendable, Equatable, Comparable {
    public let year: Int

    public init(_ year: Int) { self.year = year }

    /// The fiscal year a date falls in: January–March belong to the year before.
    public init(containing date: CalendarDate) { self.year = date.month >= 4 ? date.year : date.year - 1 }

    public var firstDay: CalendarDate { CalendarDate(unchecked: year, month: 4, day: 1) }
    public var lastDay: CalendarDate { CalendarDate(unchecked: year + 1, month: 3, day: 31) }

    /// 365 or 366 (when the February inside it has 29 days).
    public var dayCount: Int { lastDay.dayNumber - firstDay.dayNumber + 1 }

    /// The share of this fiscal year elapsed at the end of `date`, from 0 to 1: 1/365 on
    /// April 1, 1 on March 31; 0 for a date before the year, 1 for one after it.
    public func elapsedShare(at date: CalendarDate) -> Double {
        if date < firstDay { return 0 }
        if date > lastDay { return 1 }
        return Double(date.dayNumber - firstDay.dayNumber + 1) / Double(dayCount)
    }

    public static func < (lhs: FiscalYear, rhs: FiscalYear) -> Bool { lhs.year < rhs.year }
}

extension CalendarDate: Comparable {
    init(unchecked year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }

    /// Days since 1970-01-01 (proleptic Gregorian; Howard Hinnant's days_from_civil).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date of a day number (the inverse of `dayNumber`).
    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(unchecked: yoe + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    /// Today in Japan (UTC+9): the day the city's staff would write on a measurement.
    public static func todayInJapan(now: Date = Date()) -> CalendarDate {
        let seconds = Int(now.timeIntervalSince1970.rounded(.down)) + 9 * 3600
        return CalendarDate(dayNumber: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool { lhs.iso < rhs.iso }
}

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

extension CalendarDate {
    /// Today in Japan (UTC+9): the day the city's staff would write on a measurement.
    public static func todayInJapan(now: Date = Date()) -> CalendarDate {
        let seconds = Int(now.timeIntervalSince1970.rounded(.down)) + 9 * 3600
        return CalendarDate(dayNumber: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
    }
}

/// A proleptic Gregorian date, read from and written as exactly `YYYY-MM-DD` (RFC 3339
/// `full-date`, §5.6), with no time zone to get wrong. Foundation's formatters are lenient
/// (they roll 2021-02-30 into March); this is not. The one reader and writer of the format:
/// KPI dates, survey periods and the date part of every RFC 3339 date-time (`RFC3339Instant`).
public struct CalendarDate: Sendable, Equatable, Hashable {
    public let year: Int
    public let month: Int
    public let day: Int

    /// nil unless `iso` is four digits, `-`, two digits, `-`, two digits naming a real day
    /// (2023-02-29 and 2024-04-31 are nil).
    public init?(iso: String) {
        let u = Array(iso.utf8)
        guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-"),
              let year = Self.digits(u, 0..<4), let month = Self.digits(u, 5..<7), let day = Self.digits(u, 8..<10)
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// nil unless `day` exists in `month` of `year` (month 1–12).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), (1...Self.days(inMonth: month, of: year)).contains(day) else { return nil }
        self.init(unchecked: year, month: month, day: day)
    }

    /// For callers that already know the day exists (April 1, March 31).
    package init(unchecked year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    public static func days(inMonth month: Int, of year: Int) -> Int {
        [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    }

    /// Zero-padded, so string order is date order.
    public var iso: String {
        var out: [UInt8] = []
        out.reserveCapacity(10)
        append(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `YYYY-MM-DD` appended as bytes (years outside 0–9999 are written with their digits).
    public func append(to out: inout [UInt8]) {
        Self.appendDigits(year, 4, &out)
        out.append(UInt8(ascii: "-"))
        Self.appendDigits(month, 2, &out)
        out.append(UInt8(ascii: "-"))
        Self.appendDigits(day, 2, &out)
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date of a day number (the inverse of `dayNumber`, Hinnant's `civil_from_days`).
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

    /// The decimal value of the ASCII digits of `u[range]`, or nil if any is not a digit.
    static func digits(_ u: [UInt8], _ range: Range<Int>) -> Int? {
        var value = 0
        for b in u[range] {
            guard b >= 0x30 && b <= 0x39 else { return nil }
            value = value * 10 + Int(b - 0x30)
        }
        return value
    }

    /// `value` (negative counts as 0) in at least `width` digits, zero-padded; no allocation,
    /// since the access log stamps every line with it.
    static func appendDigits(_ value: Int, _ width: Int, _ out: inout [UInt8]) {
        let value = max(0, value)
        var divisor = 1
        var count = 1
        while count < width || value / divisor >= 10 {
            divisor *= 10
            count += 1
        }
        while divisor > 0 {
            out.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }
}

extension CalendarDate: Comparable {
    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

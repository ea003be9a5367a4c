/// An instant read from or written as an RFC 3339 `date-time` (§5.6). The one reader and
/// writer of the format in the project: query parameters (`updated_since`), imported
/// `recorded_at` cells, the store's timestamps (`Timestamp`), `Last-Modified` from them, and
/// the access log's first field.
///
/// Read: `2024-04-01T00:00:00+09:00`, `2024-03-31T15:00:00.5Z`. The offset is required (a
/// time without one names no instant); `T`/`Z` may be lower case (§5.6 NOTE). Fractions beyond
/// milliseconds are cut (never rounded up), since the store keeps milliseconds.
/// Written: UTC with milliseconds, `2024-03-31T15:00:00.000Z`, fixed width so that text order
/// is time order.
public struct RFC3339Instant: Sendable, Equatable {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var epochSeconds: Int
    /// 0–999.
    public var milliseconds: Int

    public init(epochSeconds: Int, milliseconds: Int = 0) {
        self.epochSeconds = epochSeconds
        self.milliseconds = max(0, min(milliseconds, 999))
    }

    /// Milliseconds since the epoch.
    public var epochMilliseconds: Int { epochSeconds * 1000 + milliseconds }

    /// The instant in UTC with milliseconds (`2024-03-31T15:00:00.000Z`): the store's format.
    public var timestamp: String {
        var out: [UInt8] = []
        out.reserveCapacity(24)
        Self.appendUTC(seconds: epochSeconds, milliseconds: milliseconds, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `2026-11-30T15:34:51.123Z` appended as bytes, without Foundation or an allocation
    /// beyond `out`'s growth: it starts every access-log line, on the hot path. For years
    /// 0–9999 the 24 bytes are written into a scratch block and appended at once: appending
    /// byte by byte paid a uniqueness and capacity check per byte (about 1,200 instructions a
    /// line, measured by the engine's profile).
    public static func appendUTC(seconds: Int, milliseconds: Int, to out: inout [UInt8]) {
        let (days, secondOfDay) = floorDivision(seconds, 86_400)
        let date = CalendarDate(dayNumber: days)
        guard (0...9999).contains(date.year) else {
            date.append(to: &out)
            appendClock(secondOfDay, milliseconds, to: &out)
            return
        }
        var scratch: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &scratch) { b in
            put(date.year, 4, b, 0)
            b[4] = UInt8(ascii: "-")
            put(date.month, 2, b, 5)
            b[7] = UInt8(ascii: "-")
            put(date.day, 2, b, 8)
            b[10] = UInt8(ascii: "T")
            put(secondOfDay / 3600, 2, b, 11)
            b[13] = UInt8(ascii: ":")
            put(secondOfDay / 60 % 60, 2, b, 14)
            b[16] = UInt8(ascii: ":")
            put(secondOfDay % 60, 2, b, 17)
            b[19] = UInt8(ascii: ".")
            put(max(0, min(milliseconds, 999)), 3, b, 20)
            b[23] = UInt8(ascii: "Z")
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: b[0..<24]))
        }
    }

    /// `THH:MM:SS.mmmZ` appended byte by byte (the rare path: a year beyond 9999 or before 0).
    static func appendClock(_ secondOfDay: Int, _ milliseconds: Int, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "T"))
        CalendarDate.appendDigits(secondOfDay / 3600, 2, &out)
        out.append(UInt8(ascii: ":"))
        CalendarDate.appendDigits(secondOfDay / 60 % 60, 2, &out)
        out.append(UInt8(ascii: ":"))
        CalendarDate.appendDigits(secondOfDay % 60, 2, &out)
        out.append(UInt8(ascii: "."))
        CalendarDate.appendDigits(max(0, min(milliseconds, 999)), 3, &out)
        out.append(UInt8(ascii: "Z"))
    }

    /// `value` (0 ≤ value < 10^width) as `width` decimal digits at `offset`.
    @inline(__always)
    private static func put(_ value: Int, _ width: Int, _ b: UnsafeMutableRawBufferPointer, _ offset: Int) {
        var rest = value
        var i = offset + width - 1
        while i >= offset {
            b[i] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
            i -= 1
        }
    }

    /// nil for anything that is not a valid RFC 3339 date-time with an offset (31 February
    /// is refused, not moved to March). A space in place of a `+` offset sign is read as `+`:
    /// in a form-encoded query `+` means space, and clients routinely forget to write `%2B`.
    public init?(_ text: String) {
        let u = Array(text.utf8)
        guard u.count >= 20, u.count <= 40 else { return nil }
        guard u[10] | 0x20 == UInt8(ascii: "t"), u[13] == UInt8(ascii: ":"), u[16] == UInt8(ascii: ":"),
              let date = CalendarDate(iso: String(decoding: u[0..<10], as: UTF8.self)),
              let hour = CalendarDate.digits(u, 11..<13), let minute = CalendarDate.digits(u, 14..<16),
              let second = CalendarDate.digits(u, 17..<19), hour < 24, minute < 60, second <= 60
        else { return nil }
        var index = 19
        var milliseconds = 0
        if u[index] == UInt8(ascii: ".") {
            index += 1
            let start = index
            while index < u.count, u[index] >= 0x30, u[index] <= 0x39 { index += 1 }
            guard index > start else { return nil }
            for (n, b) in u[start..<min(index, start + 3)].enumerated() {
                milliseconds += Int(b - 0x30) * [100, 10, 1][n]
            }
        }
        guard index < u.count else { return nil }
        let offsetSeconds: Int
        switch u[index] | 0x20 {
        case UInt8(ascii: "z"):
            guard index + 1 == u.count else { return nil }
            offsetSeconds = 0
        default:
            let sign = u[index]
            guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") || sign == UInt8(ascii: " "),
                  index + 6 == u.count, u[index + 3] == UInt8(ascii: ":"),
                  let offsetHours = CalendarDate.digits(u, index + 1..<index + 3),
                  let offsetMinutes = CalendarDate.digits(u, index + 4..<index + 6),
                  offsetHours < 24, offsetMinutes < 60
            else { return nil }
            offsetSeconds = (sign == UInt8(ascii: "-") ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60)
        }
        // A leap second (:60) is the instant after :59; the store has no leap seconds.
        let local = date.dayNumber * 86_400 + hour * 3600 + minute * 60 + min(second, 59)
        self.init(epochSeconds: local - offsetSeconds, milliseconds: milliseconds)
    }

    /// Quotient rounded down and a remainder in 0..<divisor, for instants before 1970 too.
    static func floorDivision(_ value: Int, _ divisor: Int) -> (Int, Int) {
        let remainder = value % divisor
        return remainder < 0 ? (value / divisor - 1, remainder + divisor) : (value / divisor, remainder)
    }
}

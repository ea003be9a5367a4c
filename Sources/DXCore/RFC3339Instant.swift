import Glibc

/// An instant read from an RFC 3339 `date-time` (§5.6): `2024-04-01T00:00:00+09:00`,
/// `2024-03-31T15:00:00.5Z`. The offset is required (a time without one names no instant);
/// `T`/`Z` may be lower case (§5.6 NOTE). Fractions beyond milliseconds are cut, since the
/// store keeps milliseconds.
public struct RFC3339Instant: Sendable, Equatable {
    public var epochSeconds: Int
    public var milliseconds: Int

    /// The instant in the store's format (`Timestamp`, UTC), which compares as text.
    public var timestamp: String { Timestamp.format(seconds: epochSeconds, milliseconds: milliseconds) }

    /// nil for anything that is not a valid RFC 3339 date-time with an offset. A space in
    /// place of a `+` offset sign is read as `+`: in a form-encoded query `+` means space, and
    /// clients routinely forget to write `%2B`.
    public init?(_ text: String) {
        let u = Array(text.utf8)
        guard u.count >= 20, u.count <= 40 else { return nil }
        func digits(_ range: Range<Int>) -> Int? {
            var value = 0
            for b in u[range] {
                guard b >= 0x30 && b <= 0x39 else { return nil }
                value = value * 10 + Int(b - 0x30)
            }
            return value
        }
        guard u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-"), u[10] | 0x20 == UInt8(ascii: "t"),
              u[13] == UInt8(ascii: ":"), u[16] == UInt8(ascii: ":"),
              let year = digits(0..<4), let month = digits(5..<7), let day = digits(8..<10),
              let hour = digits(11..<13), let minute = digits(14..<16), let second = digits(17..<19),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second <= 60
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
                  let offsetHours = digits(index + 1..<index + 3), let offsetMinutes = digits(index + 4..<index + 6),
                  offsetHours < 24, offsetMinutes < 60
            else { return nil }
            offsetSeconds = (sign == UInt8(ascii: "-") ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60)
        }
        var tm = tm()
        tm.tm_year = Int32(year - 1900)
        tm.tm_mon = Int32(month - 1)
        tm.tm_mday = Int32(day)
        tm.tm_hour = Int32(hour)
        tm.tm_min = Int32(minute)
        // A leap second (:60) is the instant after :59; the store has no leap seconds.
        tm.tm_sec = Int32(min(second, 59))
        let local = Int(timegm(&tm))
        // timegm normalises 31 February to 3 March; such a date is refused, not moved.
        guard tm.tm_mday == Int32(day), tm.tm_mon == Int32(month - 1) else { return nil }
        self.epochSeconds = local - offsetSeconds
        self.milliseconds = milliseconds
    }
}

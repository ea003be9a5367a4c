/// `2026-11-30T15:34:51.123Z` (RFC 3339 §5.6, UTC, milliseconds) appended as bytes, without
/// Foundation or an allocation: it starts every access-log line, on the hot path.
package enum RFC3339Stamp {
    /// `seconds` since the Unix epoch (non-negative), `milliseconds` 0–999.
    ///
    /// The 24 bytes are written into a scratch block and appended at once: appending byte by
    /// byte paid a uniqueness and capacity check per byte (about 1,200 instructions a line).
    package static func append(seconds: Int, milliseconds: Int, to out: inout [UInt8]) {
        let days = seconds >= 0 ? seconds / 86_400 : 0
        let secondOfDay = seconds >= 0 ? seconds % 86_400 : 0
        let (year, month, day) = civil(daysSinceEpoch: days)
        var scratch: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &scratch) { b in
            put(year % 10_000, 4, b, 0)
            b[4] = UInt8(ascii: "-")
            put(month, 2, b, 5)
            b[7] = UInt8(ascii: "-")
            put(day, 2, b, 8)
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

    /// Howard Hinnant's `civil_from_days` (proleptic Gregorian), for days since 1970-01-01.
    static func civil(daysSinceEpoch: Int) -> (year: Int, month: Int, day: Int) {
        let z = daysSinceEpoch + 719_468
        let era = z / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

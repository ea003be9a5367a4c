import Glibc

/// IMF-fixdate (RFC 9110 §5.6.7) without Foundation formatters: the engine stamps every
/// response, so the string is cached per second by its caller.
public enum HTTPDate {
    private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    public static func format(epochSeconds: Int) -> String {
        var t = time_t(epochSeconds)
        var tm = tm()
        gmtime_r(&t, &tm)
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(days[Int(tm.tm_wday)]), \(two(tm.tm_mday)) \(months[Int(tm.tm_mon)]) \(tm.tm_year + 1900) "
            + "\(two(tm.tm_hour)):\(two(tm.tm_min)):\(two(tm.tm_sec)) GMT"
    }

    /// Seconds since the epoch of an HTTP-date (RFC 9110 §5.6.7): IMF-fixdate
    /// (`Sun, 06 Nov 1994 08:49:37 GMT`) and, as recipients must accept, the obsolete
    /// rfc850-date (`Sunday, 06-Nov-94 08:49:37 GMT`) and asctime-date
    /// (`Sun Nov  6 08:49:37 1994`). nil for anything else, out-of-range fields included;
    /// callers ignore an invalid date, as §13.1.3 and §13.1.4 say.
    public static func parse(_ text: String) -> Int? {
        let value = text.trimmingHTTPWhitespace()
        let words = value.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        if words.count == 6, words[0].count == 4, words[0].hasSuffix(","), days.contains(String(words[0].dropLast())), words[5] == "GMT",
           words[1].count == 2, words[3].count == 4 {
            // IMF-fixdate: day-name "," SP day SP month SP year SP time SP "GMT"
            return make(year: words[3], month: words[2], day: words[1], time: words[4])
        }
        if words.count == 4, words[0].hasSuffix(","), words[3] == "GMT" {
            // rfc850-date: day-name-l "," SP day "-" month "-" 2DIGIT SP time SP "GMT"
            let parts = words[1].split(separator: "-", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 3, parts[0].count == 2, parts[2].count == 2, let yy = Int(parts[2]) else { return nil }
            // RFC 9110 §5.6.7: a two-digit year more than 50 years in the future is in the past century.
            let year = yy < 70 ? 2000 + yy : 1900 + yy
            return make(year: String(year), month: parts[1], day: parts[0], time: words[2])
        }
        if words.count == 5, days.contains(words[0]), words[4].count == 4 {
            // asctime-date: day-name SP month SP ( 2DIGIT / ( SP DIGIT ) ) SP time SP year
            return make(year: words[4], month: words[1], day: words[2], time: words[3])
        }
        return nil
    }

    private static func make(year: String, month: String, day: String, time: String) -> Int? {
        guard let y = digits(year), (1900...9999).contains(y),
              let m = months.firstIndex(of: month),
              let d = digits(day), (1...31).contains(d)
        else { return nil }
        let clock = time.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard clock.count == 3, clock.allSatisfy({ $0.count == 2 }),
              let hh = digits(clock[0]), let mm = digits(clock[1]), let ss = digits(clock[2]),
              (0...23).contains(hh), (0...59).contains(mm), (0...60).contains(ss)
        else { return nil }
        var tm = tm()
        tm.tm_year = Int32(y - 1900)
        tm.tm_mon = Int32(m)
        tm.tm_mday = Int32(d)
        tm.tm_hour = Int32(hh)
        tm.tm_min = Int32(mm)
        tm.tm_sec = Int32(min(ss, 59))
        let seconds = timegm(&tm)
        // timegm normalises 31 Feb into March: a date that does not round-trip is invalid.
        guard tm.tm_mday == Int32(d), tm.tm_mon == Int32(m) else { return nil }
        return Int(seconds)
    }

    private static func digits(_ text: String) -> Int? {
        guard !text.isEmpty, text.utf8.count <= 4, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int(text)
    }
}

/// The monotonic clock, in nanoseconds: deadlines must not jump with wall-clock changes.
public enum MonotonicClock {
    // Inlinable: the engine reads it several times per request from another module.
    @inlinable
    public static func now() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }
}

import Glibc

/// The store's timestamps: RFC 3339 in UTC with milliseconds (`2026-11-27T05:00:00.000Z`,
/// written by `RFC3339Instant`): they sort as text, which the store relies on for ordering
/// and comparisons.
public enum Timestamp {
    public static func now() -> String {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return format(seconds: Int(ts.tv_sec), milliseconds: Int(ts.tv_nsec / 1_000_000))
    }

    public static func format(seconds: Int, milliseconds: Int = 0) -> String {
        RFC3339Instant(epochSeconds: seconds, milliseconds: milliseconds).timestamp
    }
}

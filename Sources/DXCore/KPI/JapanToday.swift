import Foundation
import Synchronization

extension CalendarDate {
    /// `todayInJapan()` for the hot path: the replay cache asks for the day with every request
    /// (`DayStampedVersion`), and the date changes once a day. Read from the coarse wall clock
    /// (no timestamp counter read) and worked out again only once it passes the next midnight
    /// in Japan; the coarse clock lags the precise one by at most a tick (1–4 ms), never leads.
    public static func todayInJapanCached() -> CalendarDate { JapanToday.shared.today() }
}

/// The memo behind `CalendarDate.todayInJapanCached`: one word, so that every thread reads
/// it without a lock. Bits 23… hold the epoch second of the next midnight in Japan, bits 9–22
/// the year, 5–8 the month, 0–4 the day; 0 means nothing kept yet.
final class JapanToday: Sendable {
    static let shared = JapanToday()
    private let state = Atomic<UInt64>(0)

    func today() -> CalendarDate {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME_COARSE, &now)
        let seconds = Int(now.tv_sec)
        let kept = state.load(ordering: .relaxed)
        if kept != 0, seconds >= 0, UInt64(seconds) < kept >> 23 {
            return CalendarDate(unchecked: Int(kept >> 9 & 0x3FFF), month: Int(kept >> 5 & 0xF), day: Int(kept & 0x1F))
        }
        let date = CalendarDate.todayInJapan(now: Date(timeIntervalSince1970: Double(seconds)))
        // Japan is UTC+9 without daylight saving: its midnights are 15:00 UTC.
        let japanDay = (seconds + 9 * 3600) / 86_400
        let nextMidnight = (japanDay + 1) * 86_400 - 9 * 3600
        // Out of the packed ranges (before 1970, past year 16383): not kept, worked out each time.
        if seconds >= 0, (0...0x3FFF).contains(date.year), nextMidnight < 1 << 41 {
            state.store(UInt64(nextMidnight) << 23 | UInt64(date.year) << 9 | UInt64(date.month) << 5 | UInt64(date.day),
                        ordering: .relaxed)
        }
        return date
    }
}

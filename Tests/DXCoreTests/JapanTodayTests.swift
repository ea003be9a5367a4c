import Testing
@testable import DXCore

@Suite struct JapanTodayTests {
    /// The memo packs the date into bits of one word: a wrong shift or mask gives another date.
    @Test func cachedTodayInJapanIsTodayInJapanFromTheMemoToo() {
        let before = CalendarDate.todayInJapan()
        let first = CalendarDate.todayInJapanCached()
        let second = CalendarDate.todayInJapanCached()
        let after = CalendarDate.todayInJapan()
        // The coarse clock may lag the precise one by a tick across midnight, never lead it.
        #expect((before.dayNumber - 1...after.dayNumber).contains(first.dayNumber))
        #expect(second == first || second.dayNumber == first.dayNumber + 1)
        #expect(first == before || first == after || first.dayNumber == before.dayNumber - 1)
    }
}

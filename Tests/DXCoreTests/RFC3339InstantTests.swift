import DXCore
import Testing

@Suite struct RFC3339InstantTests {
    @Test(arguments: [
        ("2024-04-01T00:00:00+09:00", "2024-03-31T15:00:00.000Z"), ("2024-03-31T15:00:00Z", "2024-03-31T15:00:00.000Z"),
        ("2024-03-31t15:00:00z", "2024-03-31T15:00:00.000Z"), ("2024-03-31T15:00:00.25Z", "2024-03-31T15:00:00.250Z"),
        ("2024-03-31T15:00:00.123456-01:30", "2024-03-31T16:30:00.123Z"), ("2024-04-01T00:00:00 09:00", "2024-03-31T15:00:00.000Z"),
        ("2024-02-29T23:59:60Z", "2024-02-29T23:59:59.000Z"),
    ])
    func anRFC3339DateTimeIsTheInstantInTheStoresFormat(text: String, timestamp: String) {
        #expect(RFC3339Instant(text)?.timestamp == timestamp)
    }

    @Test(arguments: [
        "2024-04-01T00:00:00", "2024-04-01", "2023-02-29T00:00:00Z", "2024-04-31T00:00:00Z", "2024-13-01T00:00:00Z",
        "2024-04-01T00:60:00Z", "2024-04-01T00:00:00+9:00", "2024-04-01T00:00:00+24:00", "2024-04-01T00:00:00.Z",
        "２０２４-04-01T00:00:00Z", "2024-04-01T00:00:00ZZ", "",
    ])
    func anythingElseIsRefused(text: String) {
        #expect(RFC3339Instant(text) == nil)
    }
}

@Suite struct FiscalYearLabelTests {
    @Test(arguments: [(2023, "2023年度（令和5年度）"), (2019, "2019年度（令和元年度）"), (2018, "2018年度（平成30年度）"),
                      (1989, "1989年度（平成元年度）"), (1988, "1988年度")])
    func aFiscalYearIsLabelledWithTheEraInForceAtItsStart(year: Int, label: String) {
        #expect(FiscalYearLabel.label(year) == label)
    }
}

/// One reader and writer per date format (`DXTime`): what one writes, the other reads back
/// unchanged, for every instant the store and the access log can meet.
@Suite struct DateFormatRoundTripTests {
    @Test(arguments: [0, 1, 59, 86_399, 86_400, 951_782_400, 1_709_251_199, 1_711_897_200, 4_102_444_799, -1, -86_401, -2_208_988_800])
    func theStoresFormatReadsBackAsTheSameInstant(seconds: Int) throws {
        for milliseconds in [0, 7, 999] {
            let written = Timestamp.format(seconds: seconds, milliseconds: milliseconds)
            #expect(written.utf8.count == 24, "\(written)")
            let read = try #require(RFC3339Instant(written), "\(written)")
            #expect(read.epochSeconds == seconds && read.milliseconds == milliseconds, "\(written)")
            #expect(read.epochMilliseconds == seconds * 1000 + milliseconds)
        }
    }

    @Test func beforeTheEpochTheDateAndClockStillCountForward() {
        #expect(Timestamp.format(seconds: -1, milliseconds: 500) == "1969-12-31T23:59:59.500Z")
        #expect(Timestamp.format(seconds: -2_208_988_800) == "1900-01-01T00:00:00.000Z")
    }

    @Test(arguments: ["2023-02-29", "2023-02-30", "2024-04-31", "2024-13-01", "2024-00-10", "2024-01-00", "2024-4-01", "+024-04-01",
                      "２０２４-04-01", "2024-04-01T", "2024/04/01", ""])
    func aCalendarDateIsARealDayWrittenYYYYMMDD(text: String) {
        #expect(CalendarDate(iso: text) == nil)
    }

    @Test func everyDayOfFourCenturiesReadsBackFromItsDayNumberAndText() throws {
        var previous: CalendarDate?
        for dayNumber in stride(from: -25_567, through: 120_000, by: 1) {  // 1900-01-01 … 2298
            let date = CalendarDate(dayNumber: dayNumber)
            #expect(date.dayNumber == dayNumber)
            if dayNumber % 97 == 0 { #expect(CalendarDate(iso: date.iso) == date) }
            if let previous { #expect(previous < date) }
            previous = date
        }
        #expect(CalendarDate(iso: "2024-02-29")?.dayNumber == 19_782)
    }
}

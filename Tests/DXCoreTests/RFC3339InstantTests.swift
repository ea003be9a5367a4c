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

import Testing
@testable import DXCore

@Suite("Timestamps")
struct TimestampTests {
    @Test("RFC 3339 UTC with milliseconds")
    func format() {
        #expect(Timestamp.format(seconds: 0) == "1970-01-01T00:00:00.000Z")
        #expect(Timestamp.format(seconds: 1_795_000_000, milliseconds: 7) == "2026-11-18T11:06:40.007Z")
    }

    @Test("now is well-formed and sorts after a past instant")
    func now() {
        let now = Timestamp.now()
        #expect(now.count == 24 && now.hasSuffix("Z"))
        #expect(now > "2026-01-01T00:00:00.000Z")
    }
}

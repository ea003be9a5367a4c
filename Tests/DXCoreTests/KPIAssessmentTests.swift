import DXCore
import Testing

// The computed fields of a KPI (KPIAssessment's docstring is the rule set) and the Japanese
// fiscal year they are measured against.

private func day(_ iso: String) throws -> CalendarDate { try #require(CalendarDate(iso: iso)) }

@Suite("KPI assessment")
struct KPIAssessmentTests {
    @Test("a fiscal year runs April 1 to March 31; January–March belong to the year before")
    func fiscalYearIsAprilToMarch() throws {
        #expect(FiscalYear(containing: try day("2024-03-31")).year == 2023)
        #expect(FiscalYear(containing: try day("2024-04-01")).year == 2024)
        #expect(FiscalYear(2023).dayCount == 366, "FY2023 holds 2024-02-29")
        #expect(FiscalYear(2024).dayCount == 365)
        #expect(FiscalYear(2024).elapsedShare(at: try day("2024-04-01")) == 1.0 / 365)
        #expect(FiscalYear(2024).elapsedShare(at: try day("2025-03-31")) == 1)
        #expect(FiscalYear(2024).elapsedShare(at: try day("2023-12-01")) == 0)
        #expect(FiscalYear(2024).elapsedShare(at: try day("2026-01-01")) == 1)
    }

    @Test("day numbers round-trip and start at 1970-01-01")
    func dayNumbersRoundTrip() throws {
        #expect(try day("1970-01-01").dayNumber == 0)
        for iso in ["2000-02-29", "2023-04-30", "2100-12-31"] {
            #expect(CalendarDate(dayNumber: try day(iso).dayNumber).iso == iso)
        }
    }

    @Test("achievement runs from baseline to the current year's target, unclamped; on track when ahead of the year's elapsed share")
    func achievementAgainstCurrentYearTarget() throws {
        let targets = [KPITarget(fiscalYear: 2022, value: 80), KPITarget(fiscalYear: 2023, value: 100)]
        // 2023-10-01 is 183 days into FY2023's 366: elapsed 0.5.
        let a = KPIAssessment(direction: .increase, baseline: 40, targets: targets, latest: 70, today: try day("2023-09-30"))
        #expect(a.referenceFiscalYear == 2023)
        #expect(a.achievement == 0.5)
        #expect(a.onTrack == true, "0.5 ≥ 183/366")
        let behind = KPIAssessment(direction: .increase, baseline: 40, targets: targets, latest: 69, today: try day("2023-09-30"))
        #expect(behind.onTrack == false)
        let beyond = KPIAssessment(direction: .increase, baseline: 40, targets: targets, latest: 130, today: try day("2023-09-30"))
        #expect(beyond.achievement == 1.5, "not clamped")
        let worse = KPIAssessment(direction: .increase, baseline: 40, targets: targets, latest: 20, today: try day("2023-09-30"))
        #expect(worse.achievement == -20.0 / 60, "below the baseline: negative")
    }

    @Test("when the current fiscal year has no target, the last earlier year's counts, fully due; before any, the first later one")
    func referenceTargetFallsBackToLastYear() throws {
        let targets = [KPITarget(fiscalYear: 2022, value: 80), KPITarget(fiscalYear: 2025, value: 100)]
        let later = KPIAssessment(direction: .increase, baseline: 40, targets: targets, latest: 79, today: try day("2024-06-01"))
        #expect(later.referenceFiscalYear == 2022 && later.elapsedShare == 1)
        #expect(later.onTrack == false, "79 of a due 80 is behind")
        let early = KPIAssessment(direction: .increase, baseline: 40, targets: targets, latest: 41, today: try day("2021-06-01"))
        #expect(early.referenceFiscalYear == 2022 && early.elapsedShare == 0 && early.onTrack == true)
    }

    @Test("a decreasing KPI improves downwards with the same formula")
    func decreasingKPIAchievement() throws {
        let targets = [KPITarget(fiscalYear: 2023, value: 10)]
        let a = KPIAssessment(direction: .decrease, baseline: 30, targets: targets, latest: 15, today: try day("2024-03-31"))
        #expect(a.achievement == 0.75)
        #expect(a.onTrack == false, "the year is over: 0.75 < 1")
        let rising = KPIAssessment(direction: .decrease, baseline: 30, targets: targets, latest: 35, today: try day("2023-04-01"))
        #expect(rising.achievement == -0.25 && rising.onTrack == false)
    }

    @Test("no targets, no baseline or no measurement: achievement and on_track are null")
    func withoutTargetsNothingIsComputed() throws {
        let today = try day("2023-09-30")
        let none = KPIAssessment(direction: .increase, baseline: 40, targets: [], latest: 70, today: today)
        #expect(none.achievement == nil && none.onTrack == nil && none.referenceFiscalYear == nil)
        let targets = [KPITarget(fiscalYear: 2023, value: 100)]
        #expect(KPIAssessment(direction: .increase, baseline: nil, targets: targets, latest: 70, today: today).achievement == nil)
        #expect(KPIAssessment(direction: .increase, baseline: 40, targets: targets, latest: nil, today: today).onTrack == nil)
    }

    @Test("baseline equal to the target: 1 when at or beyond it in the KPI's direction, else 0")
    func baselineEqualToTarget() throws {
        let targets = [KPITarget(fiscalYear: 2023, value: 50)]
        let today = try day("2024-03-31")
        #expect(KPIAssessment(direction: .increase, baseline: 50, targets: targets, latest: 50, today: today).achievement == 1)
        #expect(KPIAssessment(direction: .increase, baseline: 50, targets: targets, latest: 49, today: today).achievement == 0)
        #expect(KPIAssessment(direction: .decrease, baseline: 50, targets: targets, latest: 49, today: today).achievement == 1)
        #expect(KPIAssessment(direction: .decrease, baseline: 50, targets: targets, latest: 51, today: today).onTrack == false)
    }
}

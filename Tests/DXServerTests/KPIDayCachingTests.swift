import DXCore
import DXServer
import Foundation
import Synchronization
import Testing

// Issue 12: `achievement` and `on_track` are computed for today, so a cached answer (the
// response cache, the engine's replay) and its ETag must move on when the day changes, even
// though nothing was written. The server's clock is injected (`AppContext.today`).

@Suite("KPI answers and the day")
struct KPIDayCachingTests {
    static func day(_ iso: String) -> CalendarDate {
        CalendarDate(iso: iso) ?? CalendarDate(dayNumber: 0)
    }

    @Test("a cached KPI, KPI list and progress answer is recomputed with a new ETag when the day changes without a write")
    func cachedKPIAnswersChangeWhenTheDayChanges() throws {
        let today = Mutex(Self.day("2023-05-01"))
        try withAPIService(today: { today.withLock { $0 } }) { server in
            let client = ProjectClient(server: server, token: try server.context.auth.tokens.create(name: "alice"))
            let project = try client.create()
            let kpi = try client.createKPI(project, #"{"name":"n","baseline":{"value":0,"date":"2023-04-01"},"targets":[{"fiscal_year":2023,"value":100}]}"#)
            #expect(try client.measure(project, kpi, "2023-05-01", 50).status == 201)
            let target = "/api/v1/projects/\(project)/kpis/\(kpi)"

            // Half way to the target one month into the fiscal year: on track.
            let first = try server.get(target)
            let firstTag = try #require(first.header("ETag"))
            #expect((try first.json() as? [String: Any])?["on_track"] as? Bool == true)
            #expect(try server.get(target).header("ETag") == firstTag, "the same day answers the same (cached) representation")
            #expect(try server.get(target, headers: [("If-None-Match", firstTag)]).status == 304)
            let list = try server.get("/api/v1/projects/\(project)/kpis")
            let progress = try client.object("/api/v1/progress")
            let onTrack = { (report: [String: Any]) -> Int? in
                let measure = (report["measures"] as? [[String: Any]])?.first { $0["code"] as? String == "1-7" }
                return (measure?["kpis"] as? [String: Any])?["on_track"] as? Int
            }
            #expect(onTrack(progress) == 1)

            // Ten months on, still half way: off track. No write happened in between.
            today.withLock { $0 = Self.day("2024-02-01") }
            let later = try server.get(target)
            #expect((try later.json() as? [String: Any])?["on_track"] as? Bool == false)
            let laterTag = try #require(later.header("ETag"))
            #expect(laterTag != firstTag)
            #expect(try server.get(target, headers: [("If-None-Match", firstTag)]).status == 200,
                    "yesterday's ETag no longer matches")
            let laterList = try server.get("/api/v1/projects/\(project)/kpis")
            #expect(laterList.text != list.text && laterList.text.contains(#""on_track":false"#))
            #expect(onTrack(try client.object("/api/v1/progress")) == 0)
        }
    }

    @Test("the cache version changes with the day and with the data, and never confuses the two")
    func dayStampedVersionSeparatesDayAndData() {
        let day = Self.day("2026-11-30")
        let next = Self.day("2026-12-01")
        #expect(DayStampedVersion.make(data: 7, day: day) != DayStampedVersion.make(data: 7, day: next))
        #expect(DayStampedVersion.make(data: 7, day: day) != DayStampedVersion.make(data: 8, day: day))
        #expect(DayStampedVersion.make(data: 8, day: day) != DayStampedVersion.make(data: 7, day: next))
        #expect(DayStampedVersion.make(data: 7, day: day) == DayStampedVersion.make(data: 7, day: day))
    }
}

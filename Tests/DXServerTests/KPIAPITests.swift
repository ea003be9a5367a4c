import DXCore
import DXServer
import Foundation
import Testing

// Issue 12, the KPI half, in-process: KPIs per project, measurements as a collection, the old
// `kpi` written through, history rows, the chart, the progress roll-up.

private func withKPIs<T>(_ body: (ProjectClient) throws -> T) throws -> T {
    try withAPIService { server in
        let token = try server.context.auth.tokens.create(name: "alice")
        return try body(ProjectClient(server: server, token: token))
    }
}

extension ProjectClient {
    /// Creates a KPI on `project` and returns its id.
    func createKPI(_ project: Int, _ body: String) throws -> Int {
        let response = try write("POST", "/api/v1/projects/\(project)/kpis", body)
        guard response.status == 201, let object = try response.json() as? [String: Any], let id = object["id"] as? Int else {
            throw RawClientError.malformed("create KPI: \(response.status) \(response.text)")
        }
        return id
    }

    func measure(_ project: Int, _ kpi: Int, _ date: String, _ value: Double) throws -> HTTPResponse {
        try write("POST", "/api/v1/projects/\(project)/kpis/\(kpi)/measurements", #"{"date":"\#(date)","value":\#(value)}"#)
    }
}

private let myNumberKPI = #"{"name":"マイナンバーカード交付率","unit":"%","direction":"increase","baseline":{"value":40,"date":"2021-04-01"},"targets":[{"fiscal_year":2022,"value":80},{"fiscal_year":2023,"value":100}],"note":"総務省公表値"}"#

private func problemFields(_ response: HTTPResponse) throws -> [String] {
    let problem = try #require(try response.json() as? [String: Any])
    let errors = try #require(problem["errors"] as? [[String: Any]], "\(response.status) \(response.text)")
    return errors.compactMap { $0["field"] as? String }
}

@Suite("KPI API")
struct KPIAPITests {
    @Test("a KPI is created with 201, Location and ETag, and read back with every field and its computed ones")
    func createAndReadKPI() throws {
        try withKPIs { client in
            let project = try client.create()
            let response = try client.write("POST", "/api/v1/projects/\(project)/kpis", myNumberKPI)
            #expect(response.status == 201)
            let location = try #require(response.header("Location"))
            #expect(location.hasPrefix("/api/v1/projects/\(project)/kpis/"))
            #expect(response.header("ETag")?.hasPrefix("\"k") == true)
            let kpi = try client.object(location)
            #expect(kpi["name"] as? String == "マイナンバーカード交付率" && kpi["unit"] as? String == "%")
            #expect(kpi["direction"] as? String == "increase")
            #expect((kpi["baseline"] as? [String: Any])?["date"] as? String == "2021-04-01")
            #expect((kpi["targets"] as? [[String: Any]])?.count == 2)
            #expect(kpi["latest"] is NSNull && kpi["achievement"] is NSNull && kpi["on_track"] is NSNull,
                    "without a measurement nothing can be computed")
            let list = try client.server.data("/api/v1/projects/\(project)/kpis")
            #expect(list.count == 1)
        }
    }

    @Test("measurements: 201 with recorded_by and recorded_at; latest is the newest by date; the KPI's ETag changes")
    func measurementsSetLatest() throws {
        try withKPIs { client in
            let project = try client.create()
            let kpi = try client.createKPI(project, myNumberKPI)
            let before = try client.server.get("/api/v1/projects/\(project)/kpis/\(kpi)").header("ETag")
            let created = try client.measure(project, kpi, "2023-01-31", 90.1)
            #expect(created.status == 201)
            let m = try #require(try created.json() as? [String: Any])
            #expect(m["recorded_by"] as? String == "alice" && (m["recorded_at"] as? String)?.hasSuffix("Z") == true)
            #expect(try client.measure(project, kpi, "2022-04-01", 78.0).status == 201)
            let object = try client.object("/api/v1/projects/\(project)/kpis/\(kpi)")
            let latest = try #require(object["latest"] as? [String: Any])
            #expect(latest["date"] as? String == "2023-01-31" && latest["value"] as? Double == 90.1, "newest by date, not by entry")
            #expect(try client.server.get("/api/v1/projects/\(project)/kpis/\(kpi)").header("ETag") != before)
            let list = try client.server.data("/api/v1/projects/\(project)/kpis/\(kpi)/measurements")
            #expect(list.map { $0["date"] as? String } == ["2022-04-01", "2023-01-31"], "oldest first")
        }
    }

    @Test("measurements page with a cursor and export as CSV through the shared collection path")
    func measurementsPageAndCSV() throws {
        try withKPIs { client in
            let project = try client.create()
            let kpi = try client.createKPI(project, myNumberKPI)
            for (i, date) in ["2022-04-01", "2022-06-30", "2023-01-31"].enumerated() {
                #expect(try client.measure(project, kpi, date, 78 + Double(i)).status == 201)
            }
            let first = try client.server.get("/api/v1/projects/\(project)/kpis/\(kpi)/measurements?limit=2")
            let meta = try #require((try first.json() as? [String: Any])?["meta"] as? [String: Any])
            #expect(meta["total"] as? Int == 3)
            let cursor = try #require(meta["next_cursor"] as? String)
            #expect(first.header("Link")?.contains("rel=\"next\"") == true)
            let rest = try client.server.data("/api/v1/projects/\(project)/kpis/\(kpi)/measurements?limit=2&cursor=\(cursor)")
            #expect(rest.map { $0["date"] as? String } == ["2023-01-31"])
            let csv = try client.server.get("/api/v1/projects/\(project)/kpis/\(kpi)/measurements.csv")
            #expect(csv.status == 200 && csv.header("Content-Type")?.hasPrefix("text/csv") == true)
            #expect(csv.text.hasPrefix("id,project_id,kpi_id,date,value,note,recorded_by,recorded_at"))
            #expect(csv.text.contains(",2022-06-30,79,"))
            let tag = try #require(first.header("ETag"))
            #expect(try client.server.get("/api/v1/projects/\(project)/kpis/\(kpi)/measurements?limit=2", headers: [("If-None-Match", tag)]).status == 304)
        }
    }

    /// A baseline whose value was of the wrong type left its impossible date unreported (and
    /// the other way round): the 422 must list every bad member, both halves included.
    @Test func aBaselineOrTargetWithSomeMembersOfTheWrongTypeListsEveryBadMemberInOne422() throws {
        try withKPIs { client in
            let project = try client.create()
            for (body, messages) in [
                (#"{"name":"n","baseline":{"value":"1","date":"2023-02-30"}}"#, ["baseline.value": "must be a number", "baseline.date": "must be a date written YYYY-MM-DD"]),
                (#"{"name":"n","baseline":{"value":1e16,"date":20230401}}"#, ["baseline.value": "must be a finite number from -1e15 to 1e15"]),
            ] {
                let response = try client.write("POST", "/api/v1/projects/\(project)/kpis", body)
                #expect(response.status == 422)
                let problem = try #require(try response.json() as? [String: Any])
                let errors = (problem["errors"] as? [[String: Any]] ?? []).map { ($0["field"] as? String ?? "", $0["message"] as? String ?? "") }
                for (field, message) in messages {
                    #expect(errors.contains { $0 == (field, message) }, "\(body): \(errors)")
                }
                #expect(Set(errors.map(\.0)) == ["baseline.value", "baseline.date"], "\(body): \(errors)")
            }
            let targets = try client.write("POST", "/api/v1/projects/\(project)/kpis",
                                           #"{"name":"n","targets":[{"fiscal_year":"x","value":1e16},{"fiscal_year":1999,"value":"y"},{"fiscal_year":1999,"value":1}]}"#)
            let problem = try #require(try targets.json() as? [String: Any])
            let fields = (problem["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
            #expect(Set(fields) == ["targets[0].fiscal_year", "targets[0].value", "targets[1].fiscal_year", "targets[1].value", "targets[2].fiscal_year"], "\(fields)")
        }
    }

    @Test("a bad KPI gets one 422 listing every bad field")
    func invalidKPIListsEveryField() throws {
        try withKPIs { client in
            let project = try client.create()
            let body = #"{"name":"","unit":"%","direction":"sideways","baseline":{"value":"x"},"targets":[{"fiscal_year":1999,"value":1},{"fiscal_year":2024,"value":1e400}],"latest":1,"colour":"red"}"#
            let response = try client.write("POST", "/api/v1/projects/\(project)/kpis", body)
            #expect(response.status == 422)
            let fields = Set(try problemFields(response))
            #expect(fields.isSuperset(of: ["name", "direction", "baseline.value", "baseline.date", "latest", "colour"]), "\(fields)")
            let second = try client.write("POST", "/api/v1/projects/\(project)/kpis",
                                          #"{"name":"n","targets":[{"fiscal_year":1999,"value":1},{"fiscal_year":2024,"value":1e400},{"fiscal_year":2024,"value":2}]}"#)
            #expect(second.status == 422)
            #expect(Set(try problemFields(second)) == ["targets[0].fiscal_year", "targets[1].value", "targets[2].fiscal_year"])
        }
    }

    @Test("a target on the wrong side of the baseline for the KPI's direction is 422")
    func targetAgainstDirectionIs422() throws {
        try withKPIs { client in
            let project = try client.create()
            let response = try client.write("POST", "/api/v1/projects/\(project)/kpis",
                                            #"{"name":"待ち時間","unit":"分","direction":"decrease","baseline":{"value":30,"date":"2022-04-01"},"targets":[{"fiscal_year":2023,"value":40}]}"#)
            #expect(response.status == 422)
            #expect(try problemFields(response) == ["targets[0].value"])
        }
    }

    @Test("a bad measurement gets one 422 listing every bad field; a date that does not exist is refused")
    func invalidMeasurementListsEveryField() throws {
        try withKPIs { client in
            let project = try client.create()
            let kpi = try client.createKPI(project, myNumberKPI)
            let response = try client.write("POST", "/api/v1/projects/\(project)/kpis/\(kpi)/measurements",
                                            #"{"date":"2023-02-30","value":"many","recorded_by":"eve"}"#)
            #expect(response.status == 422)
            #expect(Set(try problemFields(response)) == ["date", "value", "recorded_by"])
            let missing = try client.write("POST", "/api/v1/projects/\(project)/kpis/\(kpi)/measurements", #"{"note":"x"}"#)
            #expect(Set(try problemFields(missing)) == ["date", "value"])
        }
    }

    @Test("writes need a token; unknown project, KPI and measurement are 404; an archived project's KPIs are 410")
    func authorisationAndMissing() throws {
        try withKPIs { client in
            let project = try client.create()
            #expect(try client.write("POST", "/api/v1/projects/\(project)/kpis", myNumberKPI, token: .some(nil)).status == 401)
            let kpi = try client.createKPI(project, myNumberKPI)
            #expect(try client.write("PATCH", "/api/v1/projects/\(project)/kpis/\(kpi)", #"{"unit":"件"}"#, token: .some(nil)).status == 401)
            #expect(try client.server.get("/api/v1/projects/999/kpis").status == 404)
            #expect(try client.server.get("/api/v1/projects/\(project)/kpis/999").status == 404)
            #expect(try client.write("DELETE", "/api/v1/projects/\(project)/kpis/\(kpi)/measurements/999").status == 404)
            let other = try client.create()
            #expect(try client.server.get("/api/v1/projects/\(other)/kpis/\(kpi)").status == 404, "a KPI is reached only under its project")
            #expect(try client.write("DELETE", "/api/v1/projects/\(project)").status == 204)
            #expect(try client.server.get("/api/v1/projects/\(project)/kpis/\(kpi)").status == 410)
            #expect(try client.measure(project, kpi, "2023-04-01", 1).status == 410)
        }
    }

    @Test("PATCH with a stale If-Match is 412 and writes nothing; with the current one it applies")
    func ifMatchWithStaleTagOnPatchIs412() throws {
        try withKPIs { client in
            let project = try client.create()
            let kpi = try client.createKPI(project, myNumberKPI)
            let path = "/api/v1/projects/\(project)/kpis/\(kpi)"
            let tag = try #require(try client.server.get(path).header("ETag"))
            #expect(try client.write("PATCH", path, #"{"unit":"％"}"#, headers: [("If-Match", tag)]).status == 200)
            let stale = try client.write("PATCH", path, #"{"unit":"件"}"#, headers: [("If-Match", tag)])
            #expect(stale.status == 412)
            #expect(try client.object(path)["unit"] as? String == "％")
            #expect(try client.write("DELETE", path, headers: [("If-Match", tag)]).status == 412)
        }
    }

    @Test("a create with an Idempotency-Key is made once; a retry replays the answer")
    func idempotentKPICreateReplays() throws {
        try withKPIs { client in
            let project = try client.create()
            let first = try client.write("POST", "/api/v1/projects/\(project)/kpis", myNumberKPI, headers: [("Idempotency-Key", "k-1")])
            let again = try client.write("POST", "/api/v1/projects/\(project)/kpis", myNumberKPI, headers: [("Idempotency-Key", "k-1")])
            #expect(first.status == 201 && again.status == 201 && again.header("Idempotent-Replayed") == "true")
            #expect(again.header("Location") == first.header("Location") && again.body == first.body)
            #expect(try client.server.data("/api/v1/projects/\(project)/kpis").count == 1)
            let measurement = #"{"date":"2023-04-30","value":95}"#
            let path = "/api/v1/projects/\(project)/kpis/1/measurements"
            #expect(try client.write("POST", path, measurement, headers: [("Idempotency-Key", "k-2")]).status == 201)
            #expect(try client.write("POST", path, measurement, headers: [("Idempotency-Key", "k-2")]).header("Idempotent-Replayed") == "true")
            #expect(try client.server.data(path).count == 1)
            let reused = try client.write("POST", path, #"{"date":"2023-04-30","value":96}"#, headers: [("Idempotency-Key", "k-2")])
            #expect(reused.status == 422)
        }
    }

    @Test("every KPI and measurement write is a history row with actor, changes and note; a deleted measurement stays in it")
    func kpiWritesAreHistoryRows() throws {
        try withKPIs { client in
            let project = try client.create()
            let kpi = try client.createKPI(project, myNumberKPI)
            let m = try #require(try client.measure(project, kpi, "2022-06-30", 81.3).json() as? [String: Any])
            let mid = try #require(m["id"] as? Int)
            #expect(try client.write("PATCH", "/api/v1/projects/\(project)/kpis/\(kpi)", #"{"targets":[{"fiscal_year":2023,"value":100}]}"#).status == 200)
            #expect(try client.write("DELETE", "/api/v1/projects/\(project)/kpis/\(kpi)/measurements/\(mid)", #"{"note":"誤入力の訂正"}"#).status == 204)
            let history = try client.history(project)
            #expect(history.count == 5, "create, KPI, measurement, patch, deletion")
            let created = try #require(history[1]["changes"] as? [String: Any])
            #expect((created["kpis/\(kpi)/name"] as? [String: Any])?["new"] as? String == "マイナンバーカード交付率")
            let patched = try #require(history[3]["changes"] as? [String: Any])
            #expect((patched["kpis/\(kpi)/targets/2022"] as? [String: Any])?["new"] is NSNull)
            let deletion = history[4]
            #expect(deletion["actor"] as? String == "alice" && deletion["note"] as? String == "誤入力の訂正")
            let deleted = try #require(deletion["changes"] as? [String: Any])
            let value = try #require(deleted["kpis/\(kpi)/measurements/\(mid)/value"] as? [String: Any])
            #expect(value["old"] as? Double == 81.3 && value["new"] is NSNull)
            #expect(try client.server.data("/api/v1/projects/\(project)/kpis/\(kpi)/measurements").isEmpty)
        }
    }

    @Test("the old kpi field: a project created with kpi has it as its first KPI; GET shows the summary; PATCH writes through")
    func legacyKPIWritesThrough() throws {
        try withKPIs { client in
            let project = try client.create(#"{"measure_code":"1-7","title":"t","department":"d","start_fiscal_year":2022,"end_fiscal_year":2024,"kpi":{"name":"利用件数","unit":"件","target":1000,"actual":120}}"#)
            let kpis = try client.server.data("/api/v1/projects/\(project)/kpis")
            #expect(kpis.count == 1)
            let first = kpis[0]
            #expect(first["name"] as? String == "利用件数")
            #expect((first["targets"] as? [[String: Any]])?.first?["fiscal_year"] as? Int == 2024, "the target is the end year's")
            #expect((first["latest"] as? [String: Any])?["value"] as? Double == 120)
            let kpiID = try #require(first["id"] as? Int)

            #expect(try client.patch(project, #"{"kpi":{"target":1500,"actual":300}}"#).status == 200)
            let after = try client.object("/api/v1/projects/\(project)/kpis/\(kpiID)")
            #expect((after["targets"] as? [[String: Any]])?.first?["value"] as? Double == 1500)
            #expect((after["latest"] as? [String: Any])?["value"] as? Double == 300)
            #expect(try client.server.data("/api/v1/projects/\(project)/kpis/\(kpiID)/measurements").count == 2, "the old actual stays as history")

            // And the other way: a measurement through the new API shows in the old summary.
            #expect(try client.measure(project, kpiID, "2100-01-01", 999).status == 201)
            let summary = try #require(try client.object("/api/v1/projects/\(project)")["kpi"] as? [String: Any])
            #expect(summary["actual"] as? Double == 999 && summary["target"] as? Double == 1500 && summary["name"] as? String == "利用件数")

            #expect(try client.patch(project, #"{"kpi":null}"#).status == 200)
            #expect(try client.server.data("/api/v1/projects/\(project)/kpis").isEmpty, "kpi: null removes the first KPI")
        }
    }

    @Test("the project's ETag changes when a KPI write changes its kpi summary")
    func projectETagFollowsKPISummary() throws {
        try withKPIs { client in
            let project = try client.create()
            let before = try #require(try client.server.get("/api/v1/projects/\(project)").header("ETag"))
            let kpi = try client.createKPI(project, myNumberKPI)
            let after = try #require(try client.server.get("/api/v1/projects/\(project)").header("ETag"))
            #expect(before != after)
            #expect((try client.object("/api/v1/projects/\(project)")["kpi"] as? [String: Any])?["target"] as? Double == 100,
                    "no end-year (2024) target: the latest year's")
            _ = kpi
        }
    }

    @Test("the chart is SVG with a viewBox and no fixed width, title and desc in Japanese first, escaped text, and 304 on its ETag")
    func chartIsAccessibleSVG() throws {
        try withKPIs { client in
            let project = try client.create()
            let kpi = try client.createKPI(project, #"{"name":"<script>&交付率","unit":"%","baseline":{"value":40,"date":"2021-04-01"},"targets":[{"fiscal_year":2023,"value":100}]}"#)
            #expect(try client.measure(project, kpi, "2022-04-01", 78).status == 201)
            let chart = try client.server.get("/api/v1/projects/\(project)/kpis/\(kpi)/chart.svg")
            #expect(chart.status == 200 && chart.header("Content-Type")?.hasPrefix("image/svg+xml") == true)
            let svg = chart.text
            #expect(svg.contains("viewBox=\"0 0 480 300\"") && !svg.contains(" width=\"480\""))
            #expect(svg.contains("&lt;script&gt;&amp;交付率") && !svg.contains("<script>"))
            let desc = try #require(svg.range(of: "<desc id=\"desc\">").map { String(svg[$0.upperBound...]) })
            #expect(desc.hasPrefix("基準値は2021-04-01の40%。"))
            let tag = try #require(chart.header("ETag"))
            #expect(try client.server.get("/api/v1/projects/\(project)/kpis/\(kpi)/chart.svg", headers: [("If-None-Match", tag)]).status == 304)
        }
    }

    @Test("the progress roll-up counts KPIs on and off track per measure and per policy")
    func progressCountsKPIsOnTrack() throws {
        try withKPIs { client in
            let project = try client.create()  // measure 1-7
            // A past fiscal year's target: elapsed share 1, so on track only when reached.
            let reached = try client.createKPI(project, #"{"name":"a","baseline":{"value":0,"date":"2020-04-01"},"targets":[{"fiscal_year":2021,"value":10}]}"#)
            let missed = try client.createKPI(project, #"{"name":"b","baseline":{"value":0,"date":"2020-04-01"},"targets":[{"fiscal_year":2021,"value":10}]}"#)
            _ = try client.createKPI(project, #"{"name":"c"}"#)
            #expect(try client.measure(project, reached, "2022-03-31", 10).status == 201)
            #expect(try client.measure(project, missed, "2022-03-31", 5).status == 201)
            let progress = try client.object("/api/v1/progress")
            let measure = try #require((progress["measures"] as? [[String: Any]])?.first { $0["code"] as? String == "1-7" })
            let counts = try #require(measure["kpis"] as? [String: Any])
            #expect(counts["on_track"] as? Int == 1 && counts["off_track"] as? Int == 1 && counts["not_assessed"] as? Int == 1)
            let policy = try #require((progress["policies"] as? [[String: Any]])?.first { $0["id"] as? Int == 1 })
            #expect((policy["kpis"] as? [String: Any])?["on_track"] as? Int == 1)
        }
    }
}

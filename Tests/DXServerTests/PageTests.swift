import DXCore
@testable import DXServer
import Foundation
import Testing

// The pages for people (issue 13), in-process: HTML outside /api over the same stores, escaped
// by default, accessible structure, the API's ETag/304, gzip and cache, and the security fields.

/// The API with an admin client, for pages that need projects.
private func withPages<T>(_ body: (ProjectClient) throws -> T) throws -> T {
    try withAPIService { server in
        try body(ProjectClient(server: server, token: try server.adminToken("pages")))
    }
}

private let pagePaths = ["/", "/policies/1", "/measures/1-7", "/projects", "/surveys/15", "/about"]

/// Every `<hN` in document order, as N.
private func headingLevels(_ html: String) -> [Int] {
    var levels: [Int] = []
    let bytes = Array(html.utf8)
    var i = 0
    while i + 3 < bytes.count {
        if bytes[i] == UInt8(ascii: "<"), bytes[i + 1] == UInt8(ascii: "h"), (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[i + 2]),
           bytes[i + 3] == UInt8(ascii: ">") || bytes[i + 3] == UInt8(ascii: " ") {
            levels.append(Int(bytes[i + 2] - UInt8(ascii: "0")))
        }
        i += 1
    }
    return levels
}

private func occurrences(of needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
}

@Suite struct PageTests {
    @Test func everyPageIsJapaneseHTMLWithLandmarksAndOneH1() throws {
        try withPages { client in
            _ = try client.create()
            let id = try client.create()
            for path in pagePaths + ["/projects/\(id)"] {
                let response = try client.server.get(path)
                #expect(response.status == 200, "\(path): \(response.text.prefix(300))")
                #expect(response.header("Content-Type") == "text/html; charset=utf-8", "\(path)")
                let html = response.text
                #expect(html.hasPrefix("<!doctype html>\n<html lang=\"ja\">"), "\(path)")
                #expect(occurrences(of: "<h1", in: html) == 1, "\(path) has \(occurrences(of: "<h1", in: html)) h1")
                #expect(html.contains("<a class=\"skip-link\" href=\"#main\">"), "\(path)")
                #expect(html.contains("<main id=\"main\""), "\(path)")
                #expect(html.contains("<header") && html.contains("<footer") && html.contains("<nav"), "\(path)")
                #expect(!html.contains("<script"), "\(path) has a script")
                #expect(!html.contains("style=\""), "\(path) has an inline style, which the CSP refuses")
            }
        }
    }

    @Test func headingsNeverSkipALevel() throws {
        try withPages { client in
            let id = try client.create()
            for path in pagePaths + ["/projects/\(id)", "/nowhere"] {
                let levels = headingLevels(try client.server.get(path).text)
                #expect(levels.first == 1, "\(path) starts with h\(levels.first ?? 0)")
                for (previous, next) in zip(levels, levels.dropFirst()) {
                    #expect(next <= previous + 1, "\(path): h\(previous) followed by h\(next)")
                }
            }
        }
    }

    @Test func everyTableHasACaptionAndScopedHeaders() throws {
        try withPages { client in
            _ = try client.patch(try client.create(), #"{"kpi":{"name":"利用件数","unit":"件","target":1000,"actual":250}}"#)
            for path in ["/surveys/15", "/projects/1"] {
                let html = try client.server.get(path).text
                let tables = occurrences(of: "<table>", in: html)
                #expect(tables > 0, "\(path) has no table")
                #expect(occurrences(of: "<caption>", in: html) == tables, "\(path)")
                #expect(occurrences(of: "<th>", in: html) == 0, "\(path) has a th without scope")
                #expect(occurrences(of: "<th scope=", in: html) > 0)
            }
        }
    }

    @Test func projectTitlesWithMarkupAreInertOnEveryPage() throws {
        try withPages { client in
            let titles = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>"]
            var ids: [Int] = []
            for title in titles {
                let body = #"{"measure_code":"1-7","title":"#
                    + String(decoding: try JSONSerialization.data(withJSONObject: title, options: .fragmentsAllowed), as: UTF8.self)
                    + #","department":"<b>課</b>","description":"<iframe src=x>","start_fiscal_year":2022,"end_fiscal_year":2024,"kpi":{"name":"<svg onload=alert(1)>","unit":"件","target":10,"actual":5}}"#
                ids.append(try client.create(body))
            }
            _ = try client.patch(ids[0], #"{"status":"in_progress","note":"<script>alert(2)</script>"}"#)
            for path in ["/projects", "/projects?q=alert", "/measures/1-7", "/policies/1", "/"] + ids.map({ "/projects/\($0)" }) {
                let html = try client.server.get(path).text
                #expect(!html.contains("<script"), "\(path) lets a script through")
                // The KPI charts are <img src="/api/...">; the title's must stay text.
                #expect(!html.contains("<img src=x"), "\(path) lets an img through")
                #expect(!html.contains("<iframe") && !html.contains("<b>課") && !html.contains("<svg onload"), "\(path)")
            }
            let list = try client.server.get("/projects").text
            #expect(list.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(list.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
            let page = try client.server.get("/projects/\(ids[0])").text
            #expect(page.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; | 都城市DX推進計画</title>"))
            #expect(page.contains("メモ：&lt;script&gt;alert(2)&lt;/script&gt;"))
            #expect(page.contains("&lt;svg onload=alert(1)&gt;"))
        }
    }

    @Test func pagesCarryTheSecurityFields() throws {
        try withAPIService { api in
            for path in pagePaths + ["/nowhere"] {
                let response = try api.get(path)
                #expect(response.header("Content-Security-Policy")
                    == "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'", "\(path)")
                #expect(response.header("X-Content-Type-Options") == "nosniff", "\(path)")
                #expect(response.header("Referrer-Policy") == "strict-origin-when-cross-origin", "\(path)")
            }
        }
    }

    @Test func pagesHaveTheAPIsETag304AndGzip() throws {
        try withAPIService { api in
            for path in pagePaths {
                let first = try api.get(path)
                let etag = try #require(first.header("ETag"), "\(path)")
                #expect(first.header("Cache-Control") == "no-cache")
                #expect(try api.get(path, headers: [("If-None-Match", etag)]).status == 304, "\(path)")
                let zipped = try api.get(path, headers: [("Accept-Encoding", "gzip")])
                #expect(zipped.header("Content-Encoding") == "gzip", "\(path)")
                #expect(zipped.header("Vary") == "Accept-Encoding")
            }
        }
    }

    @Test func aWriteChangesThePageAndItsETag() throws {
        try withPages { client in
            let before = try client.server.get("/projects")
            _ = try client.create()
            let after = try client.server.get("/projects", headers: [("If-None-Match", try #require(before.header("ETag")))])
            #expect(after.status == 200)
            #expect(after.text.contains("AIチャットボット導入事業"))
        }
    }

    @Test func unknownPathOutsideAPIIsAnHTML404InTheSameDesign() throws {
        try withAPIService { api in
            let response = try api.get("/no/such/page")
            #expect(response.status == 404)
            #expect(response.header("Content-Type") == "text/html; charset=utf-8")
            #expect(response.text.contains("<h1>ページが見つかりません</h1>"))
            #expect(response.text.contains("/assets/site.css?v="))
            #expect(try api.request("HEAD", "/no/such/page").status == 404)
        }
    }

    @Test func unknownAPIPathStaysProblemJSON() throws {
        try withAPIService { api in
            for path in ["/api/v1/nothing", "/api", "/api/v2/projects"] {
                let response = try api.get(path)
                #expect(response.status == 404)
                #expect(response.header("Content-Type")?.hasPrefix("application/problem+json") == true, "\(path)")
            }
        }
    }

    @Test func unknownIDsArePage404sAndAnArchivedProjectIs410() throws {
        try withPages { client in
            for path in ["/policies/9", "/policies/x", "/measures/9-9", "/projects/999", "/projects/0", "/surveys/99"] {
                let response = try client.server.get(path)
                #expect(response.status == 404, "\(path)")
                #expect(response.header("Content-Type") == "text/html; charset=utf-8", "\(path)")
            }
            let id = try client.create()
            #expect(try client.write("DELETE", "/api/v1/projects/\(id)").status == 204)
            let gone = try client.server.get("/projects/\(id)")
            #expect(gone.status == 410)
            #expect(gone.text.contains("<h1>この事業は終了し、公開を取り下げました</h1>"))
        }
    }

    @Test func projectListFiltersWithFormFieldsAndIgnoresEmptyOnes() throws {
        try withPages { client in
            let a = try client.create()
            _ = try client.create(#"{"measure_code":"2-1","title":"窓口のキャッシュレス化","department":"市民課","start_fiscal_year":2023,"end_fiscal_year":2023}"#)
            _ = try client.patch(a, #"{"status":"in_progress","progress":40}"#)
            // What a browser sends for the form with only one box ticked.
            let response = try client.server.get("/projects?q=&status=in_progress&policy=&measure=&sort=id")
            #expect(response.status == 200)
            let html = response.text
            #expect(html.contains("条件に合う事業：1件"))
            #expect(html.contains("AIチャットボット導入事業"))
            #expect(!html.contains("窓口のキャッシュレス化</a>"))
            // The status box stays ticked and the other facet values keep their counts.
            #expect(html.contains(#"name="status" value="in_progress" checked>"#))
            #expect(html.contains("実施中 <span class=\"count\">（1件）</span>"))
            #expect(html.contains("<progress id=\"p-progress-\(a)\" max=\"100\" value=\"40\">40%</progress>"))
            let all = try client.server.get("/projects?q=").text
            #expect(all.contains("すべての事業：2件"))
        }
    }

    @Test func projectFiltersFoldIntoAClosedDetailsSoAPhoneSeesResultsFirst() throws {
        try withAPIService { api in
            let html = try api.get("/projects").text
            let details = try #require(html.range(of: "<details class=\"filter-box\">\n<summary>絞り込み・並び替え</summary>\n<form "))
            let closed = try #require(html.range(of: "</form>\n</details>"))
            let results = try #require(html.range(of: "<section class=\"results\""))
            #expect(details.upperBound < closed.lowerBound && closed.upperBound < results.lowerBound)
            // Closed even with conditions set (a phone still sees the results), and says so.
            let filtered = try api.get("/projects?status=planned").text
            #expect(filtered.contains("<details class=\"filter-box\">\n<summary>絞り込み・並び替え（条件を指定中）</summary>"))
        }
    }

    @Test func aBadFilterIsAnHTML400NotAProblemDocument() throws {
        try withAPIService { api in
            let response = try api.get("/projects?status=finished")
            #expect(response.status == 400)
            #expect(response.header("Content-Type") == "text/html; charset=utf-8")
            #expect(response.text.contains("<h1>条件を読み取れませんでした</h1>"))
            #expect(response.text.contains("The query parameter &#39;status&#39; must be"))
            #expect(try api.get("/projects?limit=0").status == 400)
        }
    }

    @Test func projectListPagesByTheAPIsCursor() throws {
        try withPages { client in
            for _ in 0..<23 { _ = try client.create() }
            let first = try client.server.get("/projects").text
            #expect(occurrences(of: "<li>\n<p class=\"project-title\">", in: first) == 20)
            let marker = "<a href=\""
            let nextLine = try #require(first.components(separatedBy: "\n").first { $0.contains("rel=\"next\"") })
            let start = try #require(nextLine.range(of: marker)).upperBound
            let href = String(nextLine[start...].prefix { $0 != "\"" }).replacingOccurrences(of: "&amp;", with: "&")
                .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
            #expect(href.hasPrefix("/projects?cursor="))
            let second = try client.server.get(href)
            #expect(second.status == 200)
            #expect(occurrences(of: "<li>\n<p class=\"project-title\">", in: second.text) == 3)
            #expect(!second.text.contains("rel=\"next\""))
            #expect(second.text.contains("最初のページへ"))
            #expect(second.text.contains("href=\"/projects/21\""))
            #expect(!second.text.contains("href=\"/projects/20\""))
        }
    }

    @Test func projectPageShowsEvaluationsAndBudgetPerFiscalYear() throws {
        try withPages { client in
            let id = try client.create()
            let evaluation = try client.write("POST", "/api/v1/projects/\(id)/evaluations",
                                              #"{"period":"2023","rating":"B","comment":"<b>順調</b>に推移"}"#)
            #expect(evaluation.status == 201, "\(evaluation.text)")
            let budget = try client.write("PUT", "/api/v1/projects/\(id)/budget/2023", #"{"planned_yen":1200000,"actual_yen":1000000,"note":"補正なし"}"#)
            #expect(budget.status == 201, "\(budget.text)")
            _ = try client.write("PUT", "/api/v1/projects/\(id)/budget/2024", #"{"planned_yen":800000,"actual_yen":null}"#)
            let html = try client.server.get("/projects/\(id)").text
            #expect(html.contains("<th scope=\"row\" class=\"year\">令和5年度</th><td><span class=\"rating rating-B\">B</span> 概ね順調</td>"))
            #expect(html.contains("&lt;b&gt;順調&lt;/b&gt;に推移"))
            #expect(html.contains("<th scope=\"row\" class=\"year\">令和5年度（2023年度）</th><td class=\"num\">1,200,000円</td><td class=\"num\">1,000,000円</td><td class=\"num\">83.3%</td><td>補正なし</td>"))
            #expect(html.contains("<td class=\"num\">800,000円</td><td class=\"num\">未確定</td><td class=\"num\">—</td>"))
            #expect(html.contains("<td class=\"num\">2,000,000円</td><td class=\"num\">1,000,000円</td>"))
        }
    }

    /// A project with two KPIs of the KPI store (one increasing, one decreasing), measurements,
    /// an evaluation and a budget. Targets end in FY2023, so whatever today is (after it) the
    /// 2023 target is the reference and due in full: the results do not move with the date.
    private func projectWithTwoKPIs(_ client: ProjectClient) throws -> (project: Int, kpis: [Int]) {
        let id = try client.create()
        let rate = try client.createKPI(id, #"{"name":"マイナンバーカード交付率","unit":"%","direction":"increase","baseline":{"value":40,"date":"2021-04-01"},"targets":[{"fiscal_year":2022,"value":80},{"fiscal_year":2023,"value":100}],"note":"総務省公表値"}"#)
        let wait = try client.createKPI(id, #"{"name":"窓口の待ち時間","unit":"分","direction":"decrease","baseline":{"value":60,"date":"2021-04-01"},"targets":[{"fiscal_year":2023,"value":30}]}"#)
        for (kpi, date, value) in [(rate, "2023-06-01", 55.0), (rate, "2024-03-01", 70), (wait, "2024-02-01", 20)] {
            let response = try client.measure(id, kpi, date, value)
            #expect(response.status == 201, "\(response.text)")
        }
        #expect(try client.write("POST", "/api/v1/projects/\(id)/evaluations", #"{"period":"2023H2","rating":"C","comment":"遅れあり"}"#).status == 201)
        #expect(try client.write("PUT", "/api/v1/projects/\(id)/budget/2023", #"{"planned_yen":3000000,"actual_yen":2500000}"#).status == 201)
        return (id, [rate, wait])
    }

    @Test func projectPageShowsEveryKPIOfTheStoreWithChartTableAndOnTrackInWords() throws {
        try withPages { client in
            let (id, kpis) = try projectWithTwoKPIs(client)
            let html = try client.server.get("/projects/\(id)").text
            #expect(html.contains("<h3 id=\"h-kpi-\(kpis[0])\">マイナンバーカード交付率</h3>"))
            #expect(html.contains("<h3 id=\"h-kpi-\(kpis[1])\">窓口の待ち時間</h3>"))
            // Achievement (70-40)/(100-40) as a progress bar, below the full year elapsed: late.
            #expect(html.contains("<progress id=\"kpi-\(kpis[0])-achievement\" max=\"100\" value=\"50\">50.0%</progress>"))
            #expect(html.contains("達成率50.0%が、年度の経過割合100.0%未満です。"))
            #expect(html.contains("<span class=\"track track-off\">遅れ</span>"))
            // Decreasing: (20-60)/(30-60) = 133.3 %, a full bar, on track.
            #expect(html.contains("<progress id=\"kpi-\(kpis[1])-achievement\" max=\"100\" value=\"100\">133.3%</progress>"))
            #expect(html.contains("<span class=\"track track-on\">順調</span>"))
            #expect(html.contains("減らす（値が小さいほど良い）"))
            #expect(html.contains("40%（2021年4月1日）"))
            #expect(html.contains("70%（<time datetime=\"2024-03-01\">2024年3月1日</time>）"))
            #expect(html.contains("<th scope=\"row\" class=\"year\">令和5年度（2023年度）<span class=\"meta\">（達成率の基準）</span></th><td class=\"num\">100%</td>"))
            #expect(html.contains("<caption>マイナンバーカード交付率の実績値（2件）</caption>"))
            #expect(html.contains("<tr><th scope=\"row\"><time datetime=\"2023-06-01\">2023年6月1日</time></th><td class=\"num\">55%</td>"))
            // The chart is the API's SVG; its alt states the figures, and the CSP's img-src 'self' allows it.
            for kpi in kpis {
                let path = "/api/v1/projects/\(id)/kpis/\(kpi)/chart.svg"
                #expect(html.contains("<img src=\"\(path)\" alt=\""))
                let chart = try client.server.get(path)
                #expect(chart.status == 200)
                #expect(chart.header("Content-Type") == "image/svg+xml; charset=utf-8")
            }
            #expect(html.contains("alt=\"マイナンバーカード交付率（%）の推移 / マイナンバーカード交付率 over time。基準値は2021-04-01の40%。"))
            // Evaluation by its period in 令和 with its rating label, budget in yen.
            #expect(html.contains("<th scope=\"row\" class=\"year\">令和5年度下半期</th><td><span class=\"rating rating-C\">C</span> やや遅れ</td>"))
            #expect(html.contains("<td class=\"num\">3,000,000円</td><td class=\"num\">2,500,000円</td><td class=\"num\">83.3%</td>"))
            // The timeline names KPI writes in words, not paths.
            #expect(html.contains("KPI\(kpis[1]) 目標値 令和5年度：30"))
            #expect(!html.contains("kpis/\(kpis[0])/name"))
            // A create's empty members (a measurement without a note) are left out of the timeline.
            #expect(html.contains("KPI\(kpis[1]) 名称：窓口の待ち時間"))
            #expect(!html.contains("メモ：</li>"))
        }
    }

    @Test func policyAndMeasurePagesSummariseEveryKPIFromTheStore() throws {
        try withPages { client in
            _ = try projectWithTwoKPIs(client)
            for path in ["/measures/1-7", "/policies/1", "/projects"] {
                let html = try client.server.get(path).text
                #expect(html.contains("KPI：マイナンバーカード交付率　実績 70%・目標 100%（令和5年度の目標）・達成率 50.0% <span class=\"track track-off\">遅れ</span>"), "\(path)")
                // The second KPI exists only in the store: the old single `kpi` never had it.
                #expect(html.contains("KPI：窓口の待ち時間　実績 20分・目標 30分（令和5年度の目標）・達成率 133.3% <span class=\"track track-on\">順調</span>"), "\(path)")
            }
            // The roll-ups count the store's KPIs as GET /api/v1/progress does.
            for path in ["/", "/policies/1", "/measures/1-7"] {
                #expect(try client.server.get(path).text.contains(
                    "成果指標（KPI）2件の状況</p>\n<ul class=\"badges\"><li><span class=\"track track-on\">順調</span> 1件</li><li><span class=\"track track-off\">遅れ</span> 1件</li><li><span class=\"track track-none\">判定できません</span> 0件</li></ul>"), "\(path)")
            }
        }
    }

    @Test func homeShowsThePlanWithItsPeriodInReiwaAndSeireki() throws {
        try withAPIService { api in
            let html = try api.get("/").text
            #expect(html.contains("<h1>都城市DX推進計画</h1>"))
            #expect(html.contains("令和4年度（2022年度）から令和7年度（2025年度）までの4年間"))
            #expect(occurrences(of: "<li><h3>", in: html) == 6, "six basic concepts")
            for policy in 1...3 { #expect(html.contains("href=\"/policies/\(policy)\"")) }
            #expect(occurrences(of: "href=\"/measures/", in: html) == 29)
        }
    }

    @Test func surveyPageHasAChartTableAndIntervalsForEveryQuestion() throws {
        try withAPIService { api in
            let questions = try api.data("/api/v1/surveys/15/questions")
            let html = try api.get("/surveys/15").text
            #expect(occurrences(of: "<svg xmlns=", in: html) == questions.count)
            #expect(occurrences(of: "<th scope=\"col\" class=\"num\">95%信頼区間</th>", in: html) == questions.count)
            for question in questions {
                let number = try #require(question["number"] as? Int)
                #expect(html.contains("aria-describedby=\"q\(number)-desc\""))
                #expect(occurrences(of: "id=\"q\(number)-desc\"", in: html) == 1, "ids are unique")
            }
            #expect(html.contains("1,201"))
            #expect(html.contains("<progress id=\"response-rate\" max=\"100\" value=\"40\">40.0%</progress>"))
        }
    }

    @Test func stylesheetIsServedVersionedAndCacheable() throws {
        try withAPIService { api in
            let html = try api.get("/about").text
            let start = try #require(html.range(of: "href=\"/assets/site.css?v=")).lowerBound
            let href = String(html[html.index(start, offsetBy: 6)...].prefix { $0 != "\"" })
            let css = try api.get(href)
            #expect(css.status == 200)
            #expect(css.header("Content-Type") == "text/css; charset=utf-8")
            #expect(css.header("Cache-Control") == "public, max-age=31536000, immutable")
            #expect(css.header("X-Content-Type-Options") == "nosniff")
            let etag = try #require(css.header("ETag"))
            #expect(try api.get(href, headers: [("If-None-Match", etag)]).status == 304)
            #expect(try api.get("/assets/site.css").header("Cache-Control") == "public, max-age=300")
            #expect(try api.get("/assets/favicon.svg").status == 200)
        }
    }

    @Test func fiscalYearsAreNamedInTheJapaneseEraFirst() {
        #expect(JapaneseEra.fiscalYear(2022) == "令和4年度（2022年度）")
        #expect(JapaneseEra.fiscalYear(2019) == "令和元年度（2019年度）")
        #expect(JapaneseEra.fiscalYear(2018) == "平成30年度（2018年度）")
        #expect(JapaneseEra.fiscalYear(1989) == "平成元年度（1989年度）")
        #expect(JapaneseEra.fiscalYear(1980) == "1980年度")
    }

    @Test func kpiPanelExplainsOnTrackAndWhatIsMissing() throws {
        let fields = KPIFields(name: "交付率", unit: "%", baseline: KPIBaseline(value: 40, date: "2021-04-01"),
                               targets: [KPITarget(fiscalYear: 2022, value: 80), KPITarget(fiscalYear: 2023, value: 100)])
        let today = try #require(CalendarDate(iso: "2024-06-01"))
        let measured = ProjectKPI(id: 1, projectID: 9, fields: fields, latest: .init(value: 70, date: "2024-05-01"), today: today,
                                  version: 1, createdAt: "", updatedAt: "")
        let panel = KPIPanel(measured, measurements: [])
        // 2023 is the latest target before FY2024, so it is due in full: (70-40)/(100-40) = 50 % < 100 %.
        #expect(panel.achievement == "50.0%")
        #expect(panel.achievementValue == 50)
        #expect(panel.trackLabel == "遅れ")
        #expect(panel.trackReason == "達成率50.0%が、年度の経過割合100.0%未満です。")
        #expect(panel.targets.map(\.isReference) == [false, true])
        #expect(panel.chartPath == "/api/v1/projects/9/kpis/1/chart.svg")
        var bare = fields
        bare.baseline = nil
        let unjudged = KPIPanel(ProjectKPI(id: 2, projectID: 9, fields: bare, latest: nil, today: today, version: 1, createdAt: "", updatedAt: ""),
                                measurements: [])
        #expect(unjudged.trackLabel == "判定できません")
        #expect(unjudged.trackReason == "基準値・実績値がないため、達成率を計算できません。")
        #expect(unjudged.achievementValue == 0)
    }

    @Test func kpiPanelListsOnlyTheNewestMeasurementsOfALongSeries() throws {
        let kpi = ProjectKPI(id: 1, projectID: 1, fields: KPIFields(name: "件数", unit: "件"), latest: nil, today: try #require(CalendarDate(iso: "2024-06-01")),
                             version: 1, createdAt: "", updatedAt: "")
        let series = (1...(KPIPanel.shownMeasurements + 5)).map {
            KPIMeasurement(id: $0, kpiID: 1, projectID: 1, date: "2024-01-01", value: Double($0), note: "", recordedBy: "a", recordedAt: "")
        }
        let panel = KPIPanel(kpi, measurements: series)
        #expect(panel.measurements.count == KPIPanel.shownMeasurements)
        #expect(panel.measurements.first?.value == "6件")
        #expect(panel.omitted == "新しい\(KPIPanel.shownMeasurements)件を表示しています（全\(KPIPanel.shownMeasurements + 5)件）。")
        #expect(panel.chartAlt.hasSuffix("実績値\(KPIPanel.shownMeasurements + 5)件の折れ線と年度ごとの目標値のグラフ。数値は目標値と実績値の表、実績値のデータ（JSON）にあります。"))
    }

    @Test func pagesFolderIsFoundBesideAnInstalledBinaryOrNamedByDXPages() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dxserve-pages-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let installed = root.appendingPathComponent("share/dxserve/pages/templates")
        try FileManager.default.createDirectory(at: installed, withIntermediateDirectories: true)
        let elsewhere = root.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let found = try PageSite.locateDirectory(explicit: nil, currentDirectory: elsewhere,
                                                 executableURL: root.appendingPathComponent("bin/dxserve"))
        #expect(found.path == root.appendingPathComponent("share/dxserve/pages").standardizedFileURL.path)
        #expect(throws: PageSiteError.self) {
            try PageSite.locateDirectory(explicit: elsewhere.path, currentDirectory: elsewhere, executableURL: nil)
        }
    }

    @Test func withoutTemplatesThePagesAnswer503AndTheAPIStillWorks() throws {
        try withMigratedContext { context in
            var router = Router()
            PageRoutes.register(on: &router, context: context, site: nil, directory: "/nonexistent/pages")
            PlanRoutes.register(on: &router, context: context)
            let service = HTTPService(router: router)
            let page = try InProcessAPI.answer(Array("GET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8), with: service)
            #expect(page.status == 503)
            #expect(String(decoding: page.body, as: UTF8.self).contains("DX_PAGES"))
            let api = try InProcessAPI.answer(Array("GET /api/v1/plan HTTP/1.1\r\nHost: x\r\n\r\n".utf8), with: service)
            #expect(api.status == 200)
        }
    }

    @Test func pagesAreOutsideTheOpenAPIDocument() throws {
        let routes = try withMigratedContext { context in APIRouter.make(context: context, metrics: Metrics()).routes }
        let pages = routes.filter { PageRoutes.patterns.contains($0.pattern) }
        #expect(Set(pages.map(\.pattern)) == PageRoutes.patterns)
        #expect(pages.allSatisfy { !$0.pattern.hasPrefix("/api") && $0.method == "GET" })
        #expect(!ServedOpenAPI.json.contains("\"/about\"") && !ServedOpenAPI.json.contains("\"/projects/{id}\""))
    }
}

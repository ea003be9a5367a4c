import DXCore
@testable import DXServer
import Foundation
import Testing

// Paging under writes (issue 8, item 8): a cursor is a position in the sort order, so a page
// neither repeats nor skips rows because another row was edited, archived or added meanwhile.
// All in-process: the requests go through the real parser and service, no socket.

/// An API with `count` projects whose titles and update times tie in groups, so the id
/// tie-break matters in every order; `updated_at` is spread over days in the past so a write
/// moves a row to the newest end.
private func withPagedProjects<T>(count: Int = 25, _ body: (PagingClient) throws -> T) throws -> T {
    try withAPIService { api in
        let store = ProjectStore(pool: api.context.pool)
        let rows = (0..<count).map { index in
            var patch = ProjectPatch()
            patch.measureCode = .set(["1-1", "1-7", "2-3"][index % 3])
            patch.title = .set("事業 \(["B", "A", "C", "A"][index % 4])")
            patch.department = .set("デジタル統括課")
            patch.startFiscalYear = .set(2022)
            patch.endFiscalYear = .set(2025)
            return ProjectStore.ImportRow(line: index + 2, patch: patch)
        }
        _ = try store.importProjects(rows, actor: "seed", dryRun: false)
        try api.context.pool.write { db in
            try db.run("""
                UPDATE projects SET created_at = '2024-01-01T00:00:00.000Z',
                    updated_at = '2025-01-0' || (1 + (id * 7) % 5) || 'T00:00:00.000Z'
                """)
        }
        return try body(PagingClient(api: api, token: try api.adminToken()))
    }
}

private struct PagingClient {
    let api: InProcessAPI
    let token: String

    struct Page {
        var ids: [Int]
        var total: Int
        var next: String?
        var nextCursor: String?
    }

    func page(_ target: String) throws -> Page {
        let response = try api.get(target)
        guard response.status == 200, let object = try response.json() as? [String: Any],
              let data = object["data"] as? [[String: Any]], let meta = object["meta"] as? [String: Any]
        else { throw PagingTestError.unexpected("\(target): \(response.status) \(response.text)") }
        return Page(ids: data.compactMap { $0["id"] as? Int }, total: meta["total"] as? Int ?? -1,
                    next: try response.header("Link").map(Self.target(ofLink:)), nextCursor: meta["next_cursor"] as? String)
    }

    /// Every id from `target` on, following `Link: rel="next"`.
    func walk(_ target: String) throws -> [Int] {
        var ids: [Int] = []
        var next: String? = target
        var pages = 0
        while let current = next, pages < 200 {
            let page = try page(current)
            ids += page.ids
            next = page.next
            pages += 1
        }
        return ids
    }

    /// The path and query of a `<…>; rel="next"` link, whatever base URL it was given.
    static func target(ofLink link: String) throws -> String {
        guard link.hasSuffix(">; rel=\"next\""), let open = link.firstIndex(of: "<"), let close = link.firstIndex(of: ">"),
              let path = link[open..<close].range(of: "/api/")
        else { throw PagingTestError.unexpected("link \(link)") }
        return String(link[path.lowerBound..<close])
    }

    func write(_ method: String, _ target: String, _ body: String) throws -> HTTPResponse {
        try api.request(method, target, headers: [("Authorization", "Bearer \(token)"), ("Content-Type", "application/json")],
                        body: Array(body.utf8))
    }

    func create(title: String) throws -> Int {
        let body = #"{"measure_code":"1-1","title":"\#(title)","department":"デジタル統括課","start_fiscal_year":2022,"end_fiscal_year":2025}"#
        let response = try write("POST", "/api/v1/projects", body)
        guard response.status == 201, let object = try response.json() as? [String: Any], let id = object["id"] as? Int
        else { throw PagingTestError.unexpected("create: \(response.status) \(response.text)") }
        return id
    }
}

private enum PagingTestError: Error {
    case unexpected(String)
}

@Suite("Paging under writes: projects")
struct ProjectPagingAPITests {
    static let sorts = ProjectSort.allCases.map(\.rawValue)

    @Test(arguments: sorts)
    func editingTheLastRowOfPageOneNeitherRepeatsNorSkipsRowsOnPageTwo(sort: String) throws {
        try withPagedProjects { client in
            let before = try client.walk("/api/v1/projects?sort=\(sort)&limit=500")
            let first = try client.page("/api/v1/projects?sort=\(sort)&limit=10")
            #expect(first.ids == Array(before[0..<10]))
            let last = try #require(first.ids.last)
            // A new title that sorts first and a new updated_at: the row moves in every order but id.
            let patched = try client.write("PATCH", "/api/v1/projects/\(last)", #"{"title":"0 moved","progress":50}"#)
            #expect(patched.status == 200)
            let second = try client.page(try #require(first.next))
            #expect(second.ids == Array(before[10..<20]), "page 2 continues after page 1's last position")
            #expect(Set(second.ids).isDisjoint(with: first.ids))
            let rest = try client.walk(try #require(first.next))
            #expect(Set(before[10...]).isSubset(of: Set(rest)), "no row after the cursor is skipped")
            #expect(Set(rest).count == rest.count, "no row repeats")
        }
    }

    @Test(arguments: sorts)
    func archivingTheLastRowOfPageOneLeavesTheNextLinkWorking(sort: String) throws {
        try withPagedProjects { client in
            let before = try client.walk("/api/v1/projects?sort=\(sort)&limit=500")
            let first = try client.page("/api/v1/projects?sort=\(sort)&limit=10")
            let last = try #require(first.ids.last)
            #expect(try client.write("DELETE", "/api/v1/projects/\(last)", "").status == 204)
            let second = try client.page(try #require(first.next))
            #expect(second.ids == Array(before[10..<20]))
            #expect(second.total == before.count - 1)
            #expect(try client.walk(try #require(first.next)) == Array(before[10...]))
        }
    }

    @Test(arguments: sorts)
    func rowsAddedBeforeTheCursorStayOffLaterPagesAndRowsAfterItAppear(sort: String) throws {
        try withPagedProjects { client in
            let first = try client.page("/api/v1/projects?sort=\(sort)&limit=10")
            // One title sorting before every existing one, one after: in `title` order one lands
            // on each side of the cursor; in the other orders a new row is newest/largest.
            let early = try client.create(title: "0 early")
            let late = try client.create(title: "龠 late")
            let after = try client.walk("/api/v1/projects?sort=\(sort)&limit=500")
            let cursorRow = try #require(first.ids.last)
            let index = try #require(after.firstIndex(of: cursorRow))
            let expected = Array(after[(index + 1)...])
            let rest = try client.walk(try #require(first.next))
            #expect(rest == expected, "the rest is exactly what now follows the cursor's position")
            switch sort {
            case "title": #expect(!rest.contains(early) && rest.contains(late))
            case "-updated_at": #expect(!rest.contains(early) && !rest.contains(late))
            default: #expect(rest.contains(early) && rest.contains(late))
            }
        }
    }

    @Test(arguments: sorts, [1, 3, 7])
    func visitingEveryPageShowsEachRowOnceDespiteTiedSortKeys(sort: String, limit: Int) throws {
        try withPagedProjects { client in
            let all = try client.walk("/api/v1/projects?sort=\(sort)&limit=500")
            #expect(all.count == 25)
            let paged = try client.walk("/api/v1/projects?sort=\(sort)&limit=\(limit)")
            #expect(paged == all)
            // Filters and the total apply the same way on every page.
            let filtered = try client.page("/api/v1/projects?sort=\(sort)&limit=\(limit)&measure=1-7")
            #expect(filtered.total == 8)
            #expect(try client.walk("/api/v1/projects?sort=\(sort)&limit=\(limit)&measure=1-7").count == 8)
        }
    }

    @Test func csvWithALimitCarriesANextLinkAndWithoutOneIsTheWholeTable() throws {
        try withPagedProjects { client in
            let paged = try client.api.get("/api/v1/projects.csv?sort=-updated_at&limit=10")
            #expect(paged.status == 200)
            #expect(paged.text.split(separator: "\r\n").count == 11)
            let link = try #require(paged.header("Link"))
            let next = try PagingClient.target(ofLink: link)
            #expect(next.hasPrefix("/api/v1/projects.csv?sort=-updated_at&limit=10&cursor="))
            let second = try client.api.get(next)
            #expect(second.text.split(separator: "\r\n").count == 11)
            let whole = try client.api.get("/api/v1/projects.csv?sort=-updated_at")
            #expect(whole.text.split(separator: "\r\n").count == 26)
            #expect(whole.header("Link") == nil)
            // A CSV page is the same rows as the JSON page with the same cursor.
            let cursor = try #require(next.split(separator: "cursor=").last)
            let json = try client.page("/api/v1/projects?sort=-updated_at&limit=10&cursor=\(cursor)")
            let csvIDs = second.text.split(separator: "\r\n").dropFirst().compactMap { Int($0.prefix { $0 != "," }) }
            #expect(csvIDs == json.ids)
        }
    }

    @Test(arguments: sorts)
    func aCursorFromAnotherSortIs400NamingCursor(sort: String) throws {
        try withPagedProjects { client in
            let other = Self.sorts.first { $0 != sort } ?? "id"
            let cursor = try #require(try client.page("/api/v1/projects?sort=\(other)&limit=5").nextCursor)
            let response = try client.api.get("/api/v1/projects?sort=\(sort)&limit=5&cursor=\(cursor)")
            #expect(response.status == 400)
            #expect(response.header("Content-Type") == "application/problem+json; charset=utf-8")
            let problem = try #require(try response.json() as? [String: Any])
            #expect(problem["parameter"] as? String == "cursor")
            #expect((problem["detail"] as? String)?.contains("'\(other)'") == true)
        }
    }

    @Test(arguments: ["bogus", "%FF", "eyJ2IjoxfQ", "e30", "AAAA", String(repeating: "A", count: 3000), "a%20b", "MQ"])
    func aGarbageCursorIs400NamingCursorOnEveryCollection(cursor: String) throws {
        try withPagedProjects(count: 2) { client in
            for path in ["/api/v1/projects", "/api/v1/projects/1/history", "/api/v1/projects.csv", "/api/v1/measures",
                         "/api/v1/concepts", "/api/v1/policies", "/api/v1/principles", "/api/v1/timeline", "/api/v1/surveys",
                         "/api/v1/surveys/15/respondents", "/api/v1/surveys/15/questions", "/api/v1/surveys/15/questions.csv",
                         "/api/v1/surveys/15/questions/1.csv"] {
                let response = try client.api.get("\(path)?cursor=\(cursor)")
                #expect(response.status == 400, "\(path) \(cursor)")
                let problem = try response.json() as? [String: Any]
                #expect(problem?["parameter"] as? String == "cursor", "\(path)")
            }
        }
    }

    @Test func anEmptyCursorIsTheFirstPage() throws {
        try withPagedProjects { client in
            let first = try client.page("/api/v1/projects?sort=title&limit=4")
            #expect(try client.page("/api/v1/projects?sort=title&limit=4&cursor=").ids == first.ids)
            #expect(try client.api.get("/api/v1/measures?cursor=").status == 200)
        }
    }
}

@Suite("Paging under writes: history and fixed collections")
struct HistoryAndFixedPagingAPITests {
    @Test func historyPagesNeitherRepeatNorSkipUnderConcurrentAppends() throws {
        try withPagedProjects(count: 1) { client in
            for progress in 1...6 {
                #expect(try client.write("PATCH", "/api/v1/projects/1", #"{"progress":\#(progress)}"#).status == 200)
            }
            var seen: [Int] = []
            var next: String? = "/api/v1/projects/1/history?limit=2"
            var appended = 0
            while let target = next {
                let page = try client.page(target)
                seen += page.ids
                next = page.next
                // Another writer appends between our pages.
                if appended < 3 {
                    appended += 1
                    #expect(try client.write("PATCH", "/api/v1/projects/1", #"{"progress":\#(50 + appended)}"#).status == 200)
                }
            }
            let all = try client.page("/api/v1/projects/1/history?limit=500").ids
            #expect(all.count == 1 + 6 + 3)
            #expect(seen == all, "every entry once, oldest first, appended ones included at the end")
        }
    }

    @Test func aFixedCollectionPagesByPositionNotByTheCursorsRow() throws {
        try withAPIService { api in
            // A cursor made on all measures (last row 1-5) continues a listing filtered to
            // policy 2, where row 1-5 is absent: it names a position, not a row.
            let first = try api.get("/api/v1/measures?limit=5")
            let object = try #require(try first.json() as? [String: Any])
            let meta = try #require(object["meta"] as? [String: Any])
            let cursor = try #require(meta["next_cursor"] as? String)
            let filtered = try api.get("/api/v1/measures?policy=2&cursor=\(cursor)")
            #expect(filtered.status == 200)
            let codes = ((try filtered.json() as? [String: Any])?["data"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
            #expect(codes.first == "2-1" && codes.allSatisfy { $0.hasPrefix("2-") })
        }
    }

    @Test(arguments: ["/api/v1/timeline", "/api/v1/surveys/15/respondents", "/api/v1/surveys/15/questions",
                      "/api/v1/surveys/15/questions.csv", "/api/v1/concepts", "/api/v1/principles"])
    func everyFixedCollectionVisitsEachRowOnceOneRowAPage(path: String) throws {
        try withAPIService { api in
            let whole = try api.get(path)
            var target: String? = "\(path)?limit=1"
            var bodies: [String] = []
            while let current = target, bodies.count < 300 {
                let response = try api.get(current)
                #expect(response.status == 200)
                bodies.append(response.text)
                target = try response.header("Link").map(PagingClient.target(ofLink:))
            }
            if path.hasSuffix(".csv") {
                let rows = whole.text.split(separator: "\r\n").dropFirst().map(String.init)
                #expect(bodies.flatMap { $0.split(separator: "\r\n").dropFirst().map(String.init) } == rows)
            } else {
                let all = try #require((try whole.json() as? [String: Any])?["data"] as? [Any])
                #expect(bodies.count == all.count)
            }
        }
    }
}

import DXCore
@testable import DXServer
import Foundation
import Testing

// Issue 8 item 7 through the API: `?q=` on every searchable collection (measures, projects)
// finds the same rows for every Unicode spelling of a word; titles come back as stored.

private func items(_ response: HTTPResponse) throws -> [[String: Any]] {
    let document = try #require(try response.json() as? [String: Any])
    return try #require(document["data"] as? [[String: Any]])
}

private func encoded(_ q: String) -> String { QueryParameters.encode(q) }

@Suite("Search API: Unicode spellings")
struct SearchUnicodeAPITests {
    static let spellings = ["デジタル", "デジタル".decomposedStringWithCanonicalMapping, "ﾃﾞｼﾞﾀﾙ"]

    @Test("measures ?q=: NFD and half-width find the 13 measures the canonical form finds")
    func measuresSearchFindsEverySpelling() throws {
        try withAPIService { api in
            let canonical = try items(try api.get("/api/v1/measures?q=\(encoded("デジタル"))")).compactMap { $0["code"] as? String }
            #expect(canonical.count == 13)
            for spelling in Self.spellings {
                let found = try items(try api.get("/api/v1/measures?q=\(encoded(spelling))"))
                #expect(found.compactMap { $0["code"] as? String } == canonical, "\(spelling.unicodeScalars.map { String($0.value, radix: 16) })")
            }
        }
    }

    @Test("projects ?q=: every spelling, full-width and either case find the same projects; titles are served as stored")
    func projectsSearchFindsEverySpellingAndServesStoredText() throws {
        try withAPIService { api in
            let headers = [("Authorization", "Bearer \(try api.adminToken())"), ("Content-Type", "application/json")]
            // Stored in three spellings on purpose: matching must not depend on how it was typed.
            let titles = ["ﾃﾞｼﾞﾀﾙ窓口", "デジタル".decomposedStringWithCanonicalMapping + "申請", "ＡＩ相談", "地域の農業"]
            for title in titles {
                let body = try JSONSerialization.data(withJSONObject: [
                    "measure_code": "1-1", "title": title, "department": "デジタル統括課", "start_fiscal_year": 2023, "end_fiscal_year": 2024,
                ] as [String: Any])
                #expect(try api.request("POST", "/api/v1/projects", headers: headers, body: Array(body)).status == 201)
            }
            for spelling in Self.spellings {
                let found = try items(try api.get("/api/v1/projects?q=\(encoded(spelling + " 窓口"))"))
                #expect(found.compactMap { $0["title"] as? String } == ["ﾃﾞｼﾞﾀﾙ窓口"], "served exactly as stored")
                let both = try items(try api.get("/api/v1/projects?q=\(encoded(spelling))&department=\(encoded("デジタル統括課"))"))
                // The department matches too, so every project is found by every spelling.
                #expect(both.count == 4)
            }
            let applications = try items(try api.get("/api/v1/projects?q=\(encoded("デジタル申請"))"))
            #expect(applications.compactMap { $0["title"] as? String } == ["デジタル".decomposedStringWithCanonicalMapping + "申請"])
            for latin in ["AI", "ai", "ＡＩ", "ａｉ"] {
                let found = try items(try api.get("/api/v1/projects?q=\(encoded(latin))"))
                #expect(found.compactMap { $0["title"] as? String } == ["ＡＩ相談"])
            }
        }
    }

    @Test("a search survives a PATCH: the index follows the stored text")
    func indexFollowsUpdates() throws {
        try withAPIService { api in
            let headers = [("Authorization", "Bearer \(try api.adminToken())"), ("Content-Type", "application/json")]
            let body = #"{"measure_code":"1-1","title":"古い名前","department":"d","start_fiscal_year":2023,"end_fiscal_year":2024}"#
            #expect(try api.request("POST", "/api/v1/projects", headers: headers, body: Array(body.utf8)).status == 201)
            #expect(try api.request("PATCH", "/api/v1/projects/1", headers: headers, body: Array(#"{"title":"ﾃﾞｼﾞﾀﾙ新名"}"#.utf8)).status == 200)
            #expect(try items(try api.get("/api/v1/projects?q=\(encoded("デジタル"))")).count == 1)
            #expect(try items(try api.get("/api/v1/projects?q=\(encoded("古い名前"))")).isEmpty)
        }
    }
}

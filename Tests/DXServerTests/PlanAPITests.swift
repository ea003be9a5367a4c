import Foundation
import DXServer
import Testing

/// The plan's read API on a migrated database, in-process (the bytes through the real parser,
/// service and encoder); `LiveAPISmokeTests` sends one of each area over a socket.
@Suite struct PlanAPITests {
    @Test func measuresListsAll29InOrderWithExactTitles() throws {
        try withAPIService { api in
            let response = try api.get("/api/v1/measures")
            #expect(response.status == 200)
            #expect(response.header("Content-Type") == "application/json; charset=utf-8")
            #expect(response.header("ETag") != nil)
            #expect(response.header("Access-Control-Allow-Origin") == "*")
            let object = try #require(try response.json() as? [String: Any])
            let data = try #require(object["data"] as? [[String: Any]])
            let meta = try #require(object["meta"] as? [String: Any])
            #expect(meta["total"] as? Int == 29 && meta["count"] as? Int == 29)
            #expect(data.count == 29)
            let codes = data.map { $0["code"] as? String ?? "" }
            #expect(codes.prefix(3) == ["1-1", "1-2", "1-3"] && codes.last == "3-8")
            #expect(data[0]["title"] as? String == "マイナンバーカードの普及促進")
            #expect(data[28]["title"] as? String == "その他、地域社会におけるデジタル化")
            #expect(data.allSatisfy { $0["project_count"] is Int && $0["policy_id"] is Int })
        }
    }

    @Test func measuresFilterByPolicyAndSearchInJapanese() throws {
        try withAPIService { api in
            #expect(try api.data("/api/v1/measures?policy=2").count == 10)
            #expect(try api.data("/api/v1/measures?q=%E8%BE%B2%E6%A5%AD").map { $0["code"] as? String } == ["3-7"])  // 農業
            let ai = try api.data("/api/v1/measures?q=AI").compactMap { $0["code"] as? String }
            #expect(ai == ["1-7", "2-2"])
            #expect(try api.data("/api/v1/measures?policy=1&q=%E3%83%87%E3%82%B8%E3%82%BF%E3%83%AB%E5%8C%96").allSatisfy { $0["policy_id"] as? Int == 1 })
        }
    }

    @Test func badFilterValuesAre400Problems() throws {
        try withAPIService { api in
            for target in ["/api/v1/measures?policy=x", "/api/v1/measures?limit=0", "/api/v1/measures?limit=501",
                           "/api/v1/measures?cursor=bogus", "/api/v1/timeline?scope=galaxy"] {
                let response = try api.get(target)
                #expect(response.status == 400, "\(target)")
                #expect(response.header("Content-Type") == "application/problem+json; charset=utf-8")
            }
        }
    }

    @Test func pagingWithCursorsVisitsEveryMeasureOnce() throws {
        try withAPIService { api in
            var target: String? = "/api/v1/measures?limit=10"
            var seen: [String] = []
            var pages = 0
            while let next = target {
                let response = try api.get(next)
                let object = try #require(try response.json() as? [String: Any])
                seen += (object["data"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
                let meta = try #require(object["meta"] as? [String: Any])
                if let link = response.header("Link") {
                    // An absolute URL, as RFC 8288 readers expect.
                    #expect(link.hasPrefix("<\(api.baseURL)/api/v1/measures?limit=10&cursor="))
                    #expect(link.hasSuffix(">; rel=\"next\""))
                    #expect(meta["next_cursor"] is String)
                    target = String(link.dropFirst("<\(api.baseURL)".count).prefix { $0 != ">" })
                } else {
                    #expect(meta["next_cursor"] == nil)
                    target = nil
                }
                pages += 1
            }
            #expect(pages == 3)
            #expect(seen.count == 29 && Set(seen).count == 29)
        }
    }

    @Test(arguments: ["concepts", "policies", "measures", "principles", "timeline"])
    func csvRoundTripsToTheJSON(collection: String) throws {
        try withAPIService { api in
            let json = try api.data("/api/v1/\(collection)")
            let csv = try api.get("/api/v1/\(collection).csv")
            #expect(csv.status == 200)
            #expect(csv.header("Content-Type") == "text/csv; charset=utf-8; header=present")
            let rows = CSVTestReader.parse(csv.text)
            let header = try #require(rows.first)
            #expect(rows.count == json.count + 1)
            for (row, object) in zip(rows.dropFirst(), json) {
                #expect(row.count == header.count)
                for (column, value) in zip(header, row) {
                    let expected = object[column].map { "\($0)" }
                    #expect(expected == value, "\(collection).\(column)")
                }
            }
        }
    }

    @Test func csvByAcceptHeaderAndWithBOM() throws {
        try withAPIService { api in
            let byAccept = try api.get("/api/v1/principles", headers: [("Accept", "text/csv")])
            #expect(byAccept.header("Content-Type")?.hasPrefix("text/csv") == true)
            #expect(byAccept.text.hasPrefix("id,name,interpretation\r\n"))
            #expect(byAccept.text.contains("\"Equity, Inclusion & Societal impact\""))
            let bom = try api.get("/api/v1/principles.csv?bom=1")
            #expect(Array(bom.body.prefix(3)) == [0xEF, 0xBB, 0xBF])
            #expect(try api.get("/api/v1/principles.csv").body.first == UInt8(ascii: "i"))
        }
    }

    @Test func singleResourcesAreBareObjects() throws {
        try withAPIService { api in
            let plan = try #require(try api.get("/api/v1/plan").json() as? [String: Any])
            #expect(plan["title"] as? String == "都城市DX推進計画")
            #expect(plan["subtitle"] as? String == "～誰一人取り残されない、人に優しいデジタル化を目指して～")
            let period = try #require(plan["period"] as? [String: Any])
            #expect(period["start_fiscal_year"] as? Int == 2022 && period["end_fiscal_year"] as? Int == 2025)

            let policy = try #require(try api.get("/api/v1/policies/3").json() as? [String: Any])
            #expect(policy["title"] as? String == "地域社会におけるデジタル化の推進")
            #expect((policy["measures"] as? [Any])?.count == 8)
            #expect(policy["measure_count"] as? Int == 8)

            let measure = try #require(try api.get("/api/v1/measures/2-9").json() as? [String: Any])
            #expect(measure["title"] as? String == "デジタル原則に基づく条例等の規則の点検見直し")

            let governance = try #require(try api.get("/api/v1/governance").json() as? [String: Any])
            #expect((governance["bodies"] as? [Any])?.count == 4)

            let concepts = try api.data("/api/v1/concepts")
            #expect(concepts.count == 6 && concepts[0]["question"] as? String == "～デジタル化は市民目線になっているか～")
            let principles = try api.data("/api/v1/principles")
            #expect(principles.map { $0["name"] as? String ?? "" }.contains("Interoperability & Openness"))
            #expect(try api.data("/api/v1/timeline?scope=city").count == 3)
        }
    }

    @Test(arguments: ["/api/v1/measures/9-9", "/api/v1/measures/%E8%BE%B2", "/api/v1/policies/4", "/api/v1/policies/x"])
    func unknownCodesAre404Problems(target: String) throws {
        try withAPIService { api in
            let response = try api.get(target)
            #expect(response.status == 404)
            #expect(response.header("Content-Type") == "application/problem+json; charset=utf-8")
            let problem = try #require(try response.json() as? [String: Any])
            #expect(problem["status"] as? Int == 404 && problem["detail"] is String)
        }
    }

    @Test func conditionalAndCompressedReads() throws {
        try withAPIService { api in
            let first = try api.get("/api/v1/measures")
            let etag = try #require(first.header("ETag"))
            #expect(try api.get("/api/v1/measures", headers: [("If-None-Match", etag)]).status == 304)
            let zipped = try api.get("/api/v1/measures", headers: [("Accept-Encoding", "gzip")])
            #expect(zipped.header("Content-Encoding") == "gzip")
            #expect(try Gzip.decompress(zipped.body) == first.body)
        }
    }

    @Test func indexLinksToTheCollectionsThatExist() throws {
        try withAPIService { api in
            let index = try #require(try api.get("/api/v1").json() as? [String: Any])
            let links = try #require(index["links"] as? [String: String])
            for name in ["plan", "concepts", "policies", "measures", "principles", "timeline", "governance"] {
                let target = try #require(links[name])
                #expect(try api.get(target).status == 200, "\(name)")
            }
        }
    }

    @Test func readinessReportsAMigratedDatabase() throws {
        try withAPIService { api in
            let response = try api.get("/readyz")
            #expect(response.status == 200)
        }
    }
}

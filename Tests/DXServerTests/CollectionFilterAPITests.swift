import DXCore
@testable import DXServer
import Foundation
import Testing

// Issue 10: multi-value filters, `?updated_since=`, `?facets=` and `?header=ja` on the
// collections, in-process (real parser and service, no socket).

/// Projects with known statuses, departments, measures, years and update times:
/// id 1 1-1 planned      デジタル統括課   2022–2023  updated 2024-03-31T14:00Z
/// id 2 1-7 in_progress  総務課           2023–2024  updated 2024-03-31T15:00Z
/// id 3 2-2 in_progress  企画課,広報係    2024–2025  updated 2024-04-02T00:00Z
/// id 4 3-1 completed    デジタル統括課   2025–2025  updated 2024-05-01T00:00Z
func withFilterProjects<T>(_ body: (InProcessAPI) throws -> T) throws -> T {
    try withAPIService { api throws in
        let store = ProjectStore(pool: api.context.pool)
        let specs: [(String, String, String, Int, Int)] = [
            ("1-1", "planned", "デジタル統括課", 2022, 2023), ("1-7", "in_progress", "総務課", 2023, 2024),
            ("2-2", "in_progress", "企画課,広報係", 2024, 2025), ("3-1", "completed", "デジタル統括課", 2025, 2025),
        ]
        let rows = specs.enumerated().map { index, spec in
            var patch = ProjectPatch()
            patch.measureCode = .set(spec.0)
            patch.title = .set("事業\(index + 1)")
            patch.department = .set(spec.2)
            patch.status = .set(spec.1)
            patch.startFiscalYear = .set(spec.3)
            patch.endFiscalYear = .set(spec.4)
            return ProjectStore.ImportRow(line: index + 2, patch: patch)
        }
        _ = try store.importProjects(rows, actor: "seed", dryRun: false)
        try api.context.pool.write { db in
            try db.run("UPDATE projects SET created_at = '2024-01-01T00:00:00.000Z'")
            for (id, at) in [(1, "2024-03-31T14:00:00.000Z"), (2, "2024-03-31T15:00:00.000Z"), (3, "2024-04-02T00:00:00.000Z"), (4, "2024-05-01T00:00:00.000Z")] {
                try db.run("UPDATE projects SET updated_at = ? WHERE id = ?", .text(at), .integer(Int64(id)))
            }
        }
        return try body(api)
    }
}

private func ids(_ api: InProcessAPI, _ query: String) throws -> [Int] {
    let response = try api.get("/api/v1/projects?\(query)")
    guard response.status == 200, let data = (try response.json() as? [String: Any])?["data"] as? [[String: Any]] else {
        throw InProcessAPIError.incompleteRequest("\(query): \(response.status) \(response.text)")
    }
    return data.compactMap { $0["id"] as? Int }
}

private func problemParameter(_ response: HTTPResponse) throws -> String? {
    #expect(response.header("Content-Type") == "application/problem+json; charset=utf-8")
    return (try response.json() as? [String: Any])?["parameter"] as? String
}

@Suite struct MultiValueFilterAPITests {
    @Test func aMultiValueFilterMatchesAnyOfItsValues() throws {
        try withFilterProjects { api throws in
            #expect(try ids(api, "status=planned,completed") == [1, 4])
            #expect(try ids(api, "measure=1-1,2-2") == [1, 3])
            #expect(try ids(api, "policy=1,3") == [1, 2, 4])
            // Filters still combine with AND across parameters.
            #expect(try ids(api, "status=in_progress,completed&policy=1,3") == [2, 4])
        }
    }

    @Test func repeatedParametersAreTheSameAsCommaSeparatedValues() throws {
        try withFilterProjects { api throws in
            #expect(try ids(api, "status=planned&status=completed") == [1, 4])
            #expect(try ids(api, "measure=1-1&measure=2-2,3-1") == [1, 3, 4])
        }
    }

    @Test func departmentIsSplitOnlyByRepetitionSinceANameMayHoldAComma() throws {
        try withFilterProjects { api throws in
            // 企画課,広報係 is one department; a comma does not split it.
            #expect(try ids(api, "department=%E4%BC%81%E7%94%BB%E8%AA%B2%2C%E5%BA%83%E5%A0%B1%E4%BF%82") == [3])
            #expect(try ids(api, "department=%E4%BC%81%E7%94%BB%E8%AA%B2,%E5%BA%83%E5%A0%B1%E4%BF%82") == [3])
            // 総務課 or デジタル統括課, repeated.
            #expect(try ids(api, "department=%E7%B7%8F%E5%8B%99%E8%AA%B2&department=%E3%83%87%E3%82%B8%E3%82%BF%E3%83%AB%E7%B5%B1%E6%8B%AC%E8%AA%B2") == [1, 2, 4])
        }
    }

    @Test func severalFiscalYearsMatchProjectsRunningInAnyOfThem() throws {
        try withFilterProjects { api throws in
            #expect(try ids(api, "fiscal_year=2022") == [1])
            #expect(try ids(api, "fiscal_year=2022,2025") == [1, 3, 4])
            let total = (try api.get("/api/v1/projects?fiscal_year=2022,2025").json() as? [String: Any]).flatMap { $0["meta"] as? [String: Any] }?["total"]
            #expect(total as? Int == 3)
        }
    }

    @Test func updatedSinceComparesInstantsWhateverTheirOffset() throws {
        try withFilterProjects { api throws in
            // 2024-04-01T00:00+09:00 is 2024-03-31T15:00Z: project 2 was updated at exactly that instant.
            #expect(try ids(api, "updated_since=2024-04-01T00:00:00%2B09:00") == [2, 3, 4])
            #expect(try ids(api, "updated_since=2024-03-31T15:00:00Z") == [2, 3, 4])
            #expect(try ids(api, "updated_since=2024-03-31T15:00:00.001Z") == [3, 4])
            // An unencoded '+' arrives as a space (form encoding) and is read as '+'.
            #expect(try ids(api, "updated_since=2024-04-01T00:00:00+09:00") == [2, 3, 4])
            #expect(try ids(api, "updated_since=2024-04-30T18:00:00-05:00&status=completed") == [4])
        }
    }

    @Test(arguments: [
        "2024-04-01T00:00:00", "2024-04-01", "2024-02-30T00:00:00Z", "2024-04-01T24:00:00Z", "2024-04-01T00:00:00+25:00",
        "yesterday", "2024-04-01T00:00:00.Z", "2024-04-01T00:00:00Z0",
    ])
    func anUpdatedSinceThatIsNotAnRFC3339InstantIs400NamingIt(value: String) throws {
        try withFilterProjects { api throws in
            let response = try api.get("/api/v1/projects?updated_since=\(value)")
            #expect(response.status == 400)
            #expect(try problemParameter(response) == "updated_since")
        }
    }

    @Test(arguments: [
        ("status=planned,,completed", "status"), ("status=planned,done", "status"), ("measure=1-1,9-9", "measure"),
        ("policy=1,4", "policy"), ("policy=1,x", "policy"), ("fiscal_year=2023,1999", "fiscal_year"), ("status=", "status"),
        ("department=", "department"),
    ])
    func aBadValueInAMultiValueFilterIs400NamingTheParameter(query: String, parameter: String) throws {
        try withFilterProjects { api throws in
            let response = try api.get("/api/v1/projects?\(query)")
            #expect(response.status == 400)
            #expect(try problemParameter(response) == parameter)
        }
    }

    @Test func moreThanFiftyValuesIs400() throws {
        try withFilterProjects { api throws in
            let years = (2000...2051).map(String.init).joined(separator: ",")
            let response = try api.get("/api/v1/projects?fiscal_year=\(years)")
            #expect(response.status == 400)
            #expect(try problemParameter(response) == "fiscal_year")
        }
    }
}

@Suite struct FacetAPITests {
    private func facets(_ api: InProcessAPI, _ target: String) throws -> [String: [[String: Any]]] {
        let response = try api.get(target)
        #expect(response.status == 200)
        let meta = try #require((try response.json() as? [String: Any])?["meta"] as? [String: Any])
        return try #require(meta["facets"] as? [String: [[String: Any]]])
    }

    private func counts(_ values: [[String: Any]]?) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: (values ?? []).map { ("\($0["value"] ?? "")", $0["count"] as? Int ?? -1) })
    }

    @Test func eachFacetCountsUnderTheOtherFiltersButNotItsOwn() throws {
        try withFilterProjects { api throws in
            let result = try facets(api, "/api/v1/projects?status=in_progress&policy=1&facets=status,policy,measure,department,fiscal_year")
            // status ignores status=in_progress but keeps policy=1: projects 1 and 2.
            #expect(counts(result["status"]) == ["planned": 1, "in_progress": 1])
            // policy ignores policy=1 but keeps status=in_progress: projects 2 (policy 1) and 3 (policy 2).
            #expect(counts(result["policy"]) == ["1": 1, "2": 1])
            // The others keep both filters: project 2 only.
            #expect(counts(result["measure"]) == ["1-7": 1])
            #expect(counts(result["department"]) == ["総務課": 1])
            #expect(counts(result["fiscal_year"]) == ["2023": 1, "2024": 1])
            // The page itself is under every filter.
            #expect(try ids(api, "status=in_progress&policy=1&facets=status") == [2])
        }
    }

    @Test func facetValuesCarryTheirFilterValueAndAJapaneseLabel() throws {
        try withFilterProjects { api throws in
            let result = try facets(api, "/api/v1/projects?facets=status,fiscal_year,measure,policy")
            let status = try #require(result["status"])
            // Lifecycle order, zero counts left out.
            #expect(status.map { $0["value"] as? String } == ["planned", "in_progress", "completed"])
            #expect(status.map { $0["label"] as? String } == ["未着手", "実施中", "完了"])
            let years = try #require(result["fiscal_year"])
            #expect(years.map { $0["value"] as? Int } == [2022, 2023, 2024, 2025])
            #expect(years.first?["label"] as? String == "2022年度（令和4年度）")
            #expect(counts(years) == ["2022": 1, "2023": 2, "2024": 2, "2025": 2])
            let measure = try #require(result["measure"]?.first)
            #expect(measure["value"] as? String == "1-1")
            #expect((measure["label"] as? String)?.isEmpty == false)
            #expect(measure["label"] as? String != "1-1")
            let policy = try #require(result["policy"])
            #expect(policy.map { $0["value"] as? Int } == [1, 2, 3])
        }
    }

    @Test func withoutFacetsMetaHasNoFacetsMember() throws {
        try withFilterProjects { api throws in
            let meta = (try api.get("/api/v1/projects").json() as? [String: Any])?["meta"] as? [String: Any]
            #expect(meta?["facets"] == nil)
        }
    }

    @Test(arguments: ["facets=colour", "facets=status,,policy", "facets=status,actor"])
    func anUnknownFacetIs400NamingFacets(query: String) throws {
        try withFilterProjects { api throws in
            let response = try api.get("/api/v1/projects?\(query)")
            #expect(response.status == 400)
            #expect(try problemParameter(response) == "facets")
        }
    }

    @Test func historyFacetsCountActionsAndActorsAndFilterByThem() throws {
        try withFilterProjects { api throws in
            let token = try api.adminToken("editor")
            let patch = try api.request("PATCH", "/api/v1/projects/1", headers: [("Authorization", "Bearer \(token)"), ("Content-Type", "application/json")],
                                        body: Array(#"{"progress":10}"#.utf8))
            #expect(patch.status == 200)
            let result = try facets(api, "/api/v1/projects/1/history?facets=action,actor&action=update")
            // action ignores action=update; actor keeps it.
            #expect(counts(result["action"]) == ["create": 1, "update": 1])
            #expect(result["action"]?.map { $0["label"] as? String } == ["登録", "更新"])
            #expect(counts(result["actor"]) == ["editor": 1])
            let data = (try api.get("/api/v1/projects/1/history?action=update").json() as? [String: Any])?["data"] as? [[String: Any]]
            #expect(data?.map { $0["actor"] as? String } == ["editor"])
            let bad = try api.get("/api/v1/projects/1/history?facets=status")
            #expect(bad.status == 400)
            #expect(try problemParameter(bad) == "facets")
        }
    }
}

@Suite struct JapaneseCSVHeaderTests {
    /// Every CSV collection, with the number of its columns.
    static let collections = [
        "/api/v1/concepts.csv", "/api/v1/policies.csv", "/api/v1/measures.csv", "/api/v1/principles.csv", "/api/v1/timeline.csv",
        "/api/v1/projects.csv", "/api/v1/projects/1/history.csv", "/api/v1/surveys.csv", "/api/v1/surveys/15/respondents.csv",
        "/api/v1/surveys/15/questions.csv",
    ]

    @Test(arguments: collections)
    func headerJaLabelsEveryColumnInJapaneseAndLeavesTheRowsAlone(path: String) throws {
        try withFilterProjects { api throws in
            let english = try api.get(path + "?limit=3")
            let japanese = try api.get(path + "?limit=3&header=ja")
            #expect(english.status == 200 && japanese.status == 200)
            let en = CSVTestReader.parse(english.text)
            let ja = CSVTestReader.parse(japanese.text)
            let enHeader = try #require(en.first)
            let jaHeader = try #require(ja.first)
            #expect(jaHeader.count == enHeader.count)
            // Every label has Japanese text; none is the English key left over.
            for (key, label) in zip(enHeader, jaHeader) {
                #expect(label != key, "\(path): column \(key) has no Japanese label")
                #expect(label.unicodeScalars.contains { $0.value >= 0x3000 }, "\(path): \(label)")
            }
            #expect(Array(ja.dropFirst()) == Array(en.dropFirst()))
            // The default stays the stable English keys.
            #expect(try api.get(path + "?limit=3&header=en").text == english.text)
        }
    }

    @Test func projectLabelsAreTheOnesSpreadsheetUsersKnow() throws {
        try withFilterProjects { api throws in
            let header = CSVTestReader.parse(try api.get("/api/v1/projects.csv?header=ja").text).first ?? []
            for label in ["名称", "担当部署", "状況", "進捗率", "施策コード", "基本方針"] { #expect(header.contains(label)) }
            let measures = CSVTestReader.parse(try api.get("/api/v1/measures.csv?header=ja").text).first ?? []
            #expect(measures.first == "コード")
        }
    }

    @Test(arguments: ["/api/v1/projects.csv?header=jp", "/api/v1/measures?header=EN", "/api/v1/surveys.csv?header="])
    func aHeaderOtherThanEnOrJaIs400NamingHeader(target: String) throws {
        try withFilterProjects { api throws in
            let response = try api.get(target)
            #expect(response.status == 400)
            #expect(try problemParameter(response) == "header")
        }
    }
}

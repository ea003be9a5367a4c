import DXCore
import DXServer
import Dispatch
import Foundation
import Testing

// The projects API, in-process (see `APIHarness`): bearer tokens, validation, the transition table,
// If-Match, idempotent creates, archive, history, and writes seen by the very next read.

/// The API on a fresh database and an admin client holding a fresh token.
private func withProjects<T>(_ body: (ProjectClient) throws -> T) throws -> T {
    try withAPIService { server in
        let token = try server.context.auth.tokens.create(name: "alice")
        return try body(ProjectClient(server: server, token: token))
    }
}

struct ProjectClient {
    let server: any APIHarness
    let token: String

    static let validBody = #"{"measure_code":"1-7","title":"AIチャットボット導入事業","department":"デジタル統括課","start_fiscal_year":2022,"end_fiscal_year":2024}"#

    /// A write with the token and a JSON body; `token: nil` sends no Authorization.
    func write(_ method: String, _ target: String, _ body: String = "", token: String?? = .none,
               headers: [(String, String)] = []) throws -> HTTPResponse {
        var all = headers
        let chosen: String? = token ?? self.token
        if let chosen { all.append(("Authorization", "Bearer \(chosen)")) }
        if !body.isEmpty && !all.contains(where: { $0.0 == "Content-Type" }) { all.append(("Content-Type", "application/json")) }
        return try server.request(method, target, headers: all, body: Array(body.utf8))
    }

    /// Creates a project and returns its id.
    func create(_ body: String = validBody) throws -> Int {
        let response = try write("POST", "/api/v1/projects", body)
        guard response.status == 201, let object = try response.json() as? [String: Any], let id = object["id"] as? Int else {
            throw RawClientError.malformed("create: \(response.status) \(response.text)")
        }
        return id
    }

    func patch(_ id: Int, _ body: String, ifMatch: String? = nil) throws -> HTTPResponse {
        try write("PATCH", "/api/v1/projects/\(id)", body, headers: ifMatch.map { [("If-Match", $0)] } ?? [])
    }

    func object(_ target: String) throws -> [String: Any] {
        let response = try server.get(target)
        guard let object = try response.json() as? [String: Any] else { throw RawClientError.malformed(response.text) }
        return object
    }

    func history(_ id: Int) throws -> [[String: Any]] { try server.data("/api/v1/projects/\(id)/history?limit=500") }
}

private func fields(_ response: HTTPResponse) throws -> [String] {
    let problem = try #require(try response.json() as? [String: Any])
    let errors = try #require(problem["errors"] as? [[String: Any]], "\(response.status) \(response.text)")
    return errors.compactMap { $0["field"] as? String }
}

@Suite("Projects API: admin access")
struct ProjectAuthTests {
    @Test("a write without a token, with an unknown one, or not Bearer, is a 401 with a Bearer challenge")
    func missingOrWrong() throws {
        try withProjects { client throws in
            for token in [nil, "dxt_unknown"] as [String?] {
                let response = try client.write("POST", "/api/v1/projects", ProjectClient.validBody, token: .some(token))
                #expect(response.status == 401)
                #expect(response.header("WWW-Authenticate")?.hasPrefix("Bearer") == true)
                #expect(response.header("Content-Type")?.hasPrefix("application/problem+json") == true)
            }
            let basic = try client.server.request("POST", "/api/v1/projects", headers: [("Authorization", "Basic YTpi"), ("Content-Type", "application/json")],
                                                  body: Array(ProjectClient.validBody.utf8))
            #expect(basic.status == 401)
            #expect(try client.server.data("/api/v1/projects").isEmpty, "nothing was written")
        }
    }

    @Test("a revoked token is refused from the next request on; one created while running works at once")
    func revokedAndNew() throws {
        try withProjects { client throws in
            let tokens = client.server.context.auth.tokens
            let bob = try tokens.create(name: "bob")
            #expect(try client.write("POST", "/api/v1/projects", ProjectClient.validBody, token: .some(bob)).status == 201)
            try tokens.revoke(name: "bob")
            let refused = try client.write("POST", "/api/v1/projects", ProjectClient.validBody, token: .some(bob))
            #expect(refused.status == 401)
            #expect(refused.header("WWW-Authenticate")?.contains("invalid_token") == true)
            let id = try client.create()
            #expect(try client.write("DELETE", "/api/v1/projects/\(id)", token: .some(bob)).status == 401)
            #expect(try client.patch(id, #"{"progress":5}"#).status == 200, "alice's token still works")
        }
    }
}

@Suite("Projects API: validation")
struct ProjectValidationAPITests {
    @Test("syntactically invalid JSON, or a body that is not an object, is a 400", arguments: ["{", "[1,2]", "\"x\"", "{\"title\": }"])
    func badJSON(body: String) throws {
        try withProjects { client throws in
            #expect(try client.write("POST", "/api/v1/projects", body).status == 400)
        }
    }

    @Test("a body not declared as JSON is a 415")
    func notJSON() throws {
        try withProjects { client throws in
            let response = try client.write("POST", "/api/v1/projects", ProjectClient.validBody, headers: [("Content-Type", "text/plain")])
            #expect(response.status == 415)
            let patch = try client.write("PATCH", "/api/v1/projects/1", "{}", headers: [("Content-Type", "application/x-www-form-urlencoded")])
            #expect(patch.status == 415)
            #expect(try client.write("POST", "/api/v1/projects", ProjectClient.validBody, headers: [("Content-Type", "application/merge-patch+json")]).status == 201)
        }
    }

    @Test("each bad field is a 422 naming it", arguments: [
        (#"{"title":"x","department":"d","start_fiscal_year":2022,"end_fiscal_year":2024}"#, ["measure_code"]),
        (#"{"measure_code":"9-9","title":"x","department":"d","start_fiscal_year":2022,"end_fiscal_year":2024}"#, ["measure_code"]),
        (#"{"measure_code":"1-1","title":"","department":"d","start_fiscal_year":2022,"end_fiscal_year":2024}"#, ["title"]),
        (#"{"measure_code":"1-1","title":"x","start_fiscal_year":2022,"end_fiscal_year":2024}"#, ["department"]),
        (#"{"measure_code":"1-1","title":"x","department":"d","progress":101,"start_fiscal_year":2022,"end_fiscal_year":2024}"#, ["progress"]),
        (#"{"measure_code":"1-1","title":"x","department":"d","progress":-1,"start_fiscal_year":2022,"end_fiscal_year":2024}"#, ["progress"]),
        (#"{"measure_code":"1-1","title":"x","department":"d","progress":"50","start_fiscal_year":2022,"end_fiscal_year":2024}"#, ["progress"]),
        (#"{"measure_code":"1-1","title":"x","department":"d","progress":12.5,"start_fiscal_year":2022,"end_fiscal_year":2024}"#, ["progress"]),
        (#"{"measure_code":"1-1","title":"x","department":"d","start_fiscal_year":1999,"end_fiscal_year":2024}"#, ["start_fiscal_year"]),
        (#"{"measure_code":"1-1","title":"x","department":"d","start_fiscal_year":2022,"end_fiscal_year":2101}"#, ["end_fiscal_year"]),
        (#"{"measure_code":"1-1","title":"x","department":"d","start_fiscal_year":2025,"end_fiscal_year":2024}"#, ["end_fiscal_year"]),
        (#"{"measure_code":"1-1","title":"x","department":"d","start_fiscal_year":2022,"end_fiscal_year":2024,"status":"done"}"#, ["status"]),
        (#"{"measure_code":"1-1","title":"x","department":"d","start_fiscal_year":2022,"end_fiscal_year":2024,"status":"completed"}"#, ["status"]),
        (#"{"measure_code":"1-1","title":"x","department":"d","start_fiscal_year":2022,"end_fiscal_year":2024,"kpi":{"unit":"件"}}"#, ["kpi.name", "kpi.target"]),
        (#"{"measure_code":"1-1","title":"x","department":"d","start_fiscal_year":2022,"end_fiscal_year":2024,"kpi":{"name":"n","target":"many"}}"#, ["kpi.target"]),
        (#"{"measure_code":"1-1","title":"x","department":"d","start_fiscal_year":2022,"end_fiscal_year":2024,"kpi":{"name":"n","target":1,"colour":1}}"#, ["kpi.colour"]),
        (#"{"measure_code":"1-1","title":"x","department":"d","start_fiscal_year":2022,"end_fiscal_year":2024,"kpi":[1]}"#, ["kpi"]),
        (#"{"measure_code":"1-1","title":"x","department":"d","start_fiscal_year":2022,"end_fiscal_year":2024,"titel":"typo"}"#, ["titel"]),
        (#"{"measure_code":"1-1","title":"x","department":"d","start_fiscal_year":2022,"end_fiscal_year":2024,"id":5}"#, ["id"]),
        (#"{"measure_code":1,"title":true,"department":"d","start_fiscal_year":"2022","end_fiscal_year":2024}"#, ["measure_code", "title", "start_fiscal_year"]),
    ])
    func badField(body: String, expected: [String]) throws {
        try withProjects { client throws in
            let response = try client.write("POST", "/api/v1/projects", body)
            #expect(response.status == 422, "\(response.text)")
            #expect(try fields(response).sorted() == expected.sorted(), "each bad field once")
            #expect(try client.server.data("/api/v1/projects").isEmpty, "nothing was written")
        }
    }

    @Test("every bad field is listed in one answer")
    func allAtOnce() throws {
        try withProjects { client throws in
            let response = try client.write("POST", "/api/v1/projects", #"{"measure_code":"9-9","title":"","progress":200,"start_fiscal_year":2030,"end_fiscal_year":2020,"extra":1}"#)
            #expect(response.status == 422)
            #expect(Set(try fields(response)) == ["measure_code", "title", "department", "progress", "end_fiscal_year", "extra"])
        }
    }

    @Test("a patch cannot null a required field; null clears an optional one")
    func patchNulls() throws {
        try withProjects { client throws in
            let id = try client.create(#"{"measure_code":"1-7","title":"t","description":"説明","department":"d","start_fiscal_year":2022,"end_fiscal_year":2024,"kpi":{"name":"n","unit":"件","target":10}}"#)
            let refused = try client.patch(id, #"{"title":null,"department":null}"#)
            #expect(refused.status == 422)
            #expect(Set(try fields(refused)) == ["title", "department"])
            let cleared = try client.patch(id, #"{"description":null,"kpi":null}"#)
            #expect(cleared.status == 200)
            let project = try #require(try cleared.json() as? [String: Any])
            #expect(project["description"] as? String == "" && project["kpi"] is NSNull)
        }
    }

    @Test("bad filter values are a 400 naming the parameter", arguments: [
        ("measure=9-9", "measure"), ("policy=4", "policy"), ("policy=x", "policy"), ("status=done", "status"),
        ("fiscal_year=1900", "fiscal_year"), ("sort=name", "sort"), ("department=", "department"),
    ])
    func badFilter(query: String, parameter: String) throws {
        try withProjects { client throws in
            let response = try client.server.get("/api/v1/projects?\(query)")
            #expect(response.status == 400)
            #expect(try (response.json() as? [String: Any])?["parameter"] as? String == parameter)
        }
    }
}

@Suite("Projects API: status transitions")
struct ProjectTransitionAPITests {
    /// Moves a fresh project along allowed transitions to `status`.
    static func project(in status: ProjectStatus, _ client: ProjectClient) throws -> Int {
        let id = try client.create()
        let path: [ProjectStatus] = switch status {
        case .planned: []
        case .inProgress: [.inProgress]
        case .completed: [.inProgress, .completed]
        case .onHold: [.onHold]
        case .cancelled: [.cancelled]
        }
        for step in path { #expect(try client.patch(id, #"{"status":"\#(step.rawValue)"}"#).status == 200) }
        return id
    }

    @Test("every transition of the table is allowed and every other one is a 409 naming the allowed targets")
    func wholeTable() throws {
        try withProjects { client throws in
            for from in ProjectStatus.allCases {
                for to in ProjectStatus.allCases where to != from {
                    let id = try Self.project(in: from, client)
                    let response = try client.patch(id, #"{"status":"\#(to.rawValue)","note":"\#(from.rawValue)→\#(to.rawValue)"}"#)
                    let body = try #require(try response.json() as? [String: Any])
                    if from.canMove(to: to) {
                        #expect(response.status == 200, "\(from) → \(to)")
                        #expect(body["status"] as? String == to.rawValue && body["status_label"] as? String == to.label)
                    } else {
                        #expect(response.status == 409, "\(from) → \(to)")
                        #expect(body["allowed"] as? [String] == from.allowedTargets.map(\.rawValue))
                        #expect(body["current"] as? String == from.rawValue)
                        #expect(try client.object("/api/v1/projects/\(id)")["status"] as? String == from.rawValue)
                    }
                }
            }
        }
    }
}

@Suite("Projects API: writes")
struct ProjectWriteAPITests {
    @Test("a create answers 201 with Location and ETag, and is the first history row")
    func create() throws {
        try withProjects { client throws in
            let response = try client.write("POST", "/api/v1/projects", ProjectClient.validBody)
            #expect(response.status == 201)
            #expect(response.header("Location") == "/api/v1/projects/1")
            #expect(response.header("ETag") == "\"p1-v1\"")
            let project = try #require(try response.json() as? [String: Any])
            #expect(project["status"] as? String == "planned" && project["status_label"] as? String == "未着手")
            #expect(project["progress"] as? Int == 0 && project["description"] as? String == "" && project["kpi"] is NSNull)
            let history = try client.history(1)
            #expect(history.count == 1 && history[0]["action"] as? String == "create" && history[0]["actor"] as? String == "alice")
        }
    }

    @Test("If-Match with the current ETag succeeds; a stale one is a 412 and changes nothing")
    func ifMatch() throws {
        try withProjects { client throws in
            let id = try client.create()
            let etag = try #require(try client.server.get("/api/v1/projects/\(id)").header("ETag"))
            let ok = try client.patch(id, #"{"progress":10}"#, ifMatch: etag)
            #expect(ok.status == 200)
            #expect(ok.header("ETag") == "\"p\(id)-v2\"")
            let stale = try client.patch(id, #"{"progress":20}"#, ifMatch: etag)
            #expect(stale.status == 412)
            #expect(try client.object("/api/v1/projects/\(id)")["progress"] as? Int == 10)
            #expect(try client.patch(id, #"{"progress":30}"#, ifMatch: "*").status == 200)
        }
    }

    @Test("of several writers racing with the same If-Match exactly one wins")
    func ifMatchRace() throws {
        try withProjects { client throws in
            let id = try client.create()
            let statuses = Locked<[Int]>([])
            DispatchQueue.concurrentPerform(iterations: 8) { n in
                let status = (try? client.patch(id, #"{"progress":\#(n + 1)}"#, ifMatch: "\"p\(id)-v1\""))?.status ?? -1
                statuses.withLock { $0.append(status) }
            }
            let all = statuses.withLock { $0 }
            #expect(all.filter { $0 == 200 }.count == 1, "\(all)")
            #expect(all.filter { $0 == 412 }.count == 7, "\(all)")
            #expect(try client.history(id).count == 2)
        }
    }

    @Test("many concurrent writers without If-Match lose no history row")
    func manyWriters() throws {
        try withProjects { client throws in
            let id = try client.create()
            let failures = Locked<[Int]>([])
            DispatchQueue.concurrentPerform(iterations: 20) { worker in
                for step in 0..<5 {
                    // Values 1...100 are all distinct and none is the starting 0, so every patch
                    // changes the project, whatever order the writers land in.
                    let status = (try? client.patch(id, #"{"progress":\#(worker * 5 + step + 1)}"#))?.status ?? -1
                    if status != 200 { failures.withLock { $0.append(status) } }
                }
            }
            #expect(failures.withLock { $0 }.isEmpty)
            let history = try client.history(id)
            #expect(history.count == 1 + 100, "the create and every patch left a row")
            #expect(try client.object("/api/v1/projects/\(id)")["version"] as? Int == 101)
        }
    }

    @Test("a retried create with the same Idempotency-Key returns the original; another body with it is a 422")
    func idempotentCreate() throws {
        try withProjects { client throws in
            let key = [("Idempotency-Key", "create-ai-2022")]
            let first = try client.write("POST", "/api/v1/projects", ProjectClient.validBody, headers: key)
            let again = try client.write("POST", "/api/v1/projects", ProjectClient.validBody, headers: key)
            #expect(first.status == 201 && again.status == 201)
            #expect(again.body == first.body && again.header("Location") == first.header("Location"))
            #expect(again.header("Idempotent-Replayed") == "true" && first.header("Idempotent-Replayed") == nil)
            #expect(try client.server.data("/api/v1/projects").count == 1)
            let other = try client.write("POST", "/api/v1/projects", ProjectClient.validBody.replacingOccurrences(of: "2024", with: "2025"), headers: key)
            #expect(other.status == 422)
            let tooLong = try client.write("POST", "/api/v1/projects", ProjectClient.validBody, headers: [("Idempotency-Key", String(repeating: "k", count: 256))])
            #expect(tooLong.status == 400)
            #expect(try client.server.data("/api/v1/projects").count == 1)
        }
    }

    @Test("concurrent retries with one Idempotency-Key create one project")
    func idempotentRace() throws {
        try withProjects { client throws in
            let locations = Locked<[String]>([])
            DispatchQueue.concurrentPerform(iterations: 6) { _ in
                let response = try? client.write("POST", "/api/v1/projects", ProjectClient.validBody, headers: [("Idempotency-Key", "race")])
                locations.withLock { $0.append(response.map { "\($0.status) \($0.header("Location") ?? "-")" } ?? "failed") }
            }
            #expect(Set(locations.withLock { $0 }) == ["201 /api/v1/projects/1"])
            #expect(try client.server.data("/api/v1/projects").count == 1)
        }
    }

    @Test("archiving: 204, gone from lists and counts, GET is 410 with archived_at, history stays")
    func archive() throws {
        try withProjects { client throws in
            let id = try client.create()
            let keep = try client.create()
            #expect(try client.object("/api/v1/measures/1-7")["project_count"] as? Int == 2)
            let deleted = try client.write("DELETE", "/api/v1/projects/\(id)", #"{"note":"二重登録"}"#)
            #expect(deleted.status == 204)
            let gone = try client.server.get("/api/v1/projects/\(id)")
            #expect(gone.status == 410)
            #expect((try gone.json() as? [String: Any])?["archived_at"] is String)
            #expect(try client.server.data("/api/v1/projects").map { $0["id"] as? Int } == [keep])
            #expect(try client.object("/api/v1/measures/1-7")["project_count"] as? Int == 1)
            let history = try client.history(id)
            #expect(history.map { $0["action"] as? String } == ["create", "archive"])
            #expect(history.last?["note"] as? String == "二重登録")
            #expect(try client.write("DELETE", "/api/v1/projects/\(id)").status == 410)
            #expect(try client.write("DELETE", "/api/v1/projects/\(keep)", #"{"status":"cancelled"}"#).status == 422, "only a note")
            #expect(try client.patch(id, #"{"progress":1}"#).status == 410)
            #expect(try client.write("DELETE", "/api/v1/projects/999").status == 404)
        }
    }

    @Test("DELETE honours If-Match too; unknown or malformed ids are 404")
    func deletePreconditionAndUnknownIDs() throws {
        try withProjects { client throws in
            let id = try client.create()
            #expect(try client.patch(id, #"{"progress":5}"#).status == 200)
            #expect(try client.write("DELETE", "/api/v1/projects/\(id)", headers: [("If-Match", "\"p\(id)-v1\"")]).status == 412)
            #expect(try client.server.get("/api/v1/projects/\(id)").status == 200, "still live")
            #expect(try client.write("DELETE", "/api/v1/projects/\(id)", headers: [("If-Match", "\"p\(id)-v2\"")]).status == 204)
            #expect(try client.patch(999, #"{"progress":5}"#).status == 404)
            #expect(try client.server.get("/api/v1/projects/abc").status == 404)
            #expect(try client.server.get("/api/v1/projects/0").status == 404)
        }
    }

    @Test("history records who, when, each changed field's old and new value, and the note")
    func historyContents() throws {
        try withProjects { client throws in
            let id = try client.create()
            #expect(try client.patch(id, #"{"status":"in_progress","progress":20,"note":"予算確定"}"#).status == 200)
            #expect(try client.patch(id, #"{"progress":20}"#).status == 200, "a patch changing nothing")
            let history = try client.history(id)
            #expect(history.count == 2, "the no-op patch left no row")
            let update = history[1]
            #expect(update["action"] as? String == "update" && update["actor"] as? String == "alice" && update["note"] as? String == "予算確定")
            #expect((update["at"] as? String)?.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"#, options: .regularExpression) != nil)
            let changes = try #require(update["changes"] as? [String: [String: Any]])
            #expect(Set(changes.keys) == ["status", "progress"])
            #expect(changes["status"]?["old"] as? String == "planned" && changes["status"]?["new"] as? String == "in_progress")
            #expect(changes["progress"]?["old"] as? Int == 0 && changes["progress"]?["new"] as? Int == 20)
            #expect(try client.server.get("/api/v1/projects/999/history").status == 404)
        }
    }

    @Test("a write is visible to the very next read, through the response cache, with a new ETag")
    func writeThenRead() throws {
        try withProjects { client throws in
            let id = try client.create()
            let before = try client.server.get("/api/v1/projects/\(id)")
            _ = try client.server.get("/api/v1/projects/\(id)")  // now cached
            _ = try client.server.get("/api/v1/projects")
            #expect(try client.patch(id, #"{"progress":55}"#).status == 200)
            let after = try client.server.get("/api/v1/projects/\(id)", headers: [("If-None-Match", try #require(before.header("ETag")))])
            #expect(after.status == 200)
            #expect(after.header("ETag") != before.header("ETag"))
            #expect((try after.json() as? [String: Any])?["progress"] as? Int == 55)
            #expect(try client.server.data("/api/v1/projects").first?["progress"] as? Int == 55)
            #expect(try client.object("/api/v1/progress")["policies"].map { ($0 as? [[String: Any]])?.first?["mean_progress"] as? Double } == 55)
        }
    }
}

@Suite("Projects API: reading")
struct ProjectReadAPITests {
    @Test("filters, search, sort and CSV")
    func listing() throws {
        try withProjects { client throws in
            let a = try client.create(#"{"measure_code":"1-7","title":"AIチャットボット導入","department":"デジタル統括課","start_fiscal_year":2022,"end_fiscal_year":2023}"#)
            let b = try client.create(#"{"measure_code":"2-2","title":"RPA活用","department":"総務課","start_fiscal_year":2024,"end_fiscal_year":2025,"kpi":{"name":"削減時間","unit":"時間","target":1200,"actual":300.5}}"#)
            #expect(try client.patch(b, #"{"status":"in_progress"}"#).status == 200)
            func ids(_ query: String) throws -> [Int] { try client.server.data("/api/v1/projects?\(query)").compactMap { $0["id"] as? Int } }
            #expect(try ids("measure=1-7") == [a])
            #expect(try ids("policy=2") == [b])
            #expect(try ids("status=in_progress") == [b])
            #expect(try ids("department=%E7%B7%8F%E5%8B%99%E8%AA%B2") == [b])
            #expect(try ids("fiscal_year=2023") == [a])
            #expect(try ids("q=%E3%83%81%E3%83%A3%E3%83%83%E3%83%88") == [a])  // チャット
            #expect(try ids("q=AI") == [a])
            #expect(try ids("sort=-updated_at") == [b, a])
            #expect(try ids("limit=1").count == 1)
            let csv = try client.server.get("/api/v1/projects.csv")
            #expect(csv.status == 200 && csv.header("Content-Type")?.hasPrefix("text/csv") == true)
            #expect(csv.text.contains("kpi_name,kpi_unit,kpi_target,kpi_actual"))
            #expect(csv.text.contains("削減時間,時間,1200,300.5"))
        }
    }

    @Test("progress and status counts on measures and policies")
    func progress() throws {
        try withProjects { client throws in
            let a = try client.create()
            _ = try client.create()
            #expect(try client.patch(a, #"{"status":"in_progress","progress":40}"#).status == 200)
            let report = try client.object("/api/v1/progress")
            let measures = try #require(report["measures"] as? [[String: Any]])
            let m = try #require(measures.first { $0["code"] as? String == "1-7" })
            #expect(m["project_count"] as? Int == 2 && m["mean_progress"] as? Double == 20)
            #expect((m["status_counts"] as? [String: Int]) == ["planned": 1, "in_progress": 1, "completed": 0, "on_hold": 0, "cancelled": 0])
            #expect(measures.first { $0["code"] as? String == "1-1" }?["mean_progress"] is NSNull)
            let detail = try client.object("/api/v1/measures/1-7")
            #expect((detail["projects"] as? [[String: Any]])?.compactMap { $0["id"] as? Int }.sorted() == [1, 2])
            #expect((detail["status_counts"] as? [String: Int])?["planned"] == 1)
            let policy = try client.object("/api/v1/policies/1")
            #expect((policy["status_counts"] as? [String: Int])?["in_progress"] == 1)
            #expect(policy["project_count"] as? Int == 2)
        }
    }
}

import DXCore
import DXServer
import Foundation
import Testing

/// Brief input3, items 2 and 3: a required text field that shows nothing (white space, format
/// characters such as U+200B, U+2060, U+FEFF, U+00AD) is refused like an empty one, and a
/// bidirectional embedding, override or isolate (U+202A–U+202E, U+2066–U+2069, "Trojan
/// Source") is refused in every stored text field: 422 problem+json naming the field (and
/// the character), on every write route, as the CSV imports do (`ImportCellSpellingTests`).
@Suite struct InvisibleAndBidiTextTests {
    static func withClient<T>(_ body: (ProjectClient) throws -> T) throws -> T {
        try withAPIService { server in
            try body(ProjectClient(server: server, token: try server.context.auth.tokens.create(name: "alice")))
        }
    }

    /// The fields of a 422 problem+json, and its whole text for messages.
    static func errors(_ response: HTTPResponse) throws -> [(field: String, message: String)] {
        #expect(response.status == 422, "\(response.status) \(response.text)")
        #expect(response.headers["Content-Type"]?.hasPrefix("application/problem+json") == true)
        let problem = try #require(try response.json() as? [String: Any])
        let errors = try #require(problem["errors"] as? [[String: Any]], "\(response.text)")
        return errors.map { ($0["field"] as? String ?? "", $0["message"] as? String ?? "") }
    }

    static let invisible = [#"\u200B"#, #"\u2060"#, #"\uFEFF"#, #"\u00AD"#, #" \u3000\u200B "#, #"\u3164"#, #"\u200E"#]

    @Test(arguments: invisible)
    func aRequiredTextOfOnlyInvisibleCharactersIsRefusedAsEmpty(text: String) throws {
        try Self.withClient { client in
            let create = try client.write("POST", "/api/v1/projects",
                                          #"{"measure_code":"1-7","title":"\#(text)","department":"\#(text)","start_fiscal_year":2022,"end_fiscal_year":2024}"#)
            let createErrors = try Self.errors(create)
            #expect(Set(createErrors.map(\.field)) == ["title", "department"])
            #expect(createErrors.allSatisfy { $0.message == "must not be empty" })

            let id = try client.create()
            #expect(try Self.errors(client.patch(id, #"{"title":"\#(text)"}"#)).map(\.field) == ["title"])
            #expect(try Self.errors(client.patch(id, #"{"kpi":{"name":"\#(text)","target":1}}"#)).map(\.field) == ["kpi.name"])
            let kpi = try client.write("POST", "/api/v1/projects/\(id)/kpis", #"{"name":"\#(text)"}"#)
            #expect(try Self.errors(kpi).map(\.field) == ["name"])
        }
    }

    @Test func visibleTextAroundInvisibleCharactersIsKept() throws {
        try Self.withClient { client in
            // U+00AD inside a word and U+200E (a mark, allowed) beside visible text are text.
            let id = try client.create(#"{"measure_code":"1-7","title":"AI\u00ADチャット\u200E","department":"課","start_fiscal_year":2022,"end_fiscal_year":2024}"#)
            #expect(try client.object("/api/v1/projects/\(id)")["title"] as? String == "AI\u{AD}チャット\u{200E}")
        }
    }

    static let bidi: [UInt32] = [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069]

    @Test(arguments: bidi)
    func aBidiControlInAnyStoredTextFieldIs422NamingFieldAndCharacter(scalar: UInt32) throws {
        let hex = String(scalar, radix: 16, uppercase: true)
        let text = #"a\u\#(hex)b"#
        let name = "U+\(hex)"
        try Self.withClient { client in
            func expectRefused(_ response: HTTPResponse, _ field: String) throws {
                let errors = try Self.errors(response)
                #expect(errors.contains { $0.field == field && $0.message.contains(name) && $0.message.contains("bidirectional") }, "\(errors)")
            }
            let id = try client.create()
            try expectRefused(client.write("POST", "/api/v1/projects",
                                           #"{"measure_code":"1-7","title":"\#(text)","department":"課","start_fiscal_year":2022,"end_fiscal_year":2024}"#), "title")
            try expectRefused(client.patch(id, #"{"description":"\#(text)"}"#), "description")
            try expectRefused(client.patch(id, #"{"department":"\#(text)"}"#), "department")
            try expectRefused(client.patch(id, #"{"title":"t","note":"\#(text)"}"#), "note")
            try expectRefused(client.patch(id, #"{"kpi":{"name":"n","unit":"\#(text)","target":1}}"#), "kpi.unit")
            try expectRefused(client.write("POST", "/api/v1/projects/\(id)/kpis", #"{"name":"\#(text)"}"#), "name")
            try expectRefused(client.write("POST", "/api/v1/projects/\(id)/kpis", #"{"name":"n","note":"\#(text)"}"#), "note")
            let kpi = try client.createKPI(id, #"{"name":"n"}"#)
            try expectRefused(client.write("PATCH", "/api/v1/projects/\(id)/kpis/\(kpi)", #"{"unit":"\#(text)"}"#), "unit")
            try expectRefused(client.write("POST", "/api/v1/projects/\(id)/kpis/\(kpi)/measurements", #"{"date":"2023-06-01","value":1,"note":"\#(text)"}"#), "note")
            try expectRefused(client.write("POST", "/api/v1/projects/\(id)/evaluations", #"{"period":"2023H1","rating":"B","comment":"\#(text)"}"#), "comment")
            try expectRefused(client.write("PUT", "/api/v1/projects/\(id)/budget/2023", #"{"planned_yen":1,"note":"\#(text)"}"#), "note")
            // Nothing was stored: the project still reads as created, with no KPI values or budget.
            #expect(try client.object("/api/v1/projects/\(id)")["description"] as? String == "")
            #expect(try client.server.data("/api/v1/projects/\(id)/budget").isEmpty)
        }
    }

    @Test(arguments: ["\u{200B}\u{FEFF}", "タイトル\u{202E}"])
    func aSurveyTitleThatShowsNothingOrCarriesABidiControlIs422(title: String) throws {
        try withAPIService { api in
            var input = SurveyBodyFixture.small()
            input["title"] = title
            let headers = [("Authorization", "Bearer \(try api.adminToken())"), ("Content-Type", "application/json")]
            let response = try api.request("POST", "/api/v1/surveys", headers: headers, body: Array(try JSONSerialization.data(withJSONObject: input)))
            let errors = try Self.errors(response)
            #expect(errors.map(\.field) == ["title"], "\(errors)")
            #expect(errors.first?.message == (title.hasPrefix("\u{200B}") ? "must not be empty" : "must not contain bidirectional control characters (U+202E found)"))
        }
    }

    /// The measurement import checked a cell's control and bidi characters and then the
    /// validator checked the same cell again: `line 3: note: …U+202E…` was printed twice.
    @Test func aBadMeasurementCellIsReportedOnceNotTwice() throws {
        let records = try CSVReader.read(Array("kpi_id,date,value,note\n1,2023-06-01\u{1B},1,x\u{202E}y\n".utf8))
        let row = try #require(MeasurementCSV.rows(from: records).rows.first)
        guard case .failure(let failure) = KPIValidator.measurement(row.input) else {
            Issue.record("the row was accepted")
            return
        }
        #expect(failure.issues.map(\.field) == ["date", "note"], "\(failure.issues)")
        #expect(failure.issues.last?.message == "must not contain bidirectional control characters (U+202E found)")
    }

    @Test func theBidiMarksMayStay() throws {
        try Self.withClient { client in
            let id = try client.create()
            #expect(try client.patch(id, #"{"description":"a\u200Eb\u200Fc"}"#).status == 200)
        }
    }

    @Test func theRulesAreOneFunctionEach() {
        #expect(BlankText.isBlank("") && BlankText.isBlank(" \u{3000}\t\n") && BlankText.isBlank("\u{200B}\u{2060}\u{FEFF}\u{AD}\u{180E}\u{FE0F}"))
        #expect(!BlankText.isBlank("a\u{200B}") && !BlankText.isBlank("・") && !BlankText.isBlank("\u{301}"))
        #expect(ControlCharacters.problem(in: "x\u{2067}y", lines: .multi) == "must not contain bidirectional control characters (U+2067 found)")
        #expect(ControlCharacters.problem(in: "x\u{200E}\u{200F}y") == nil)
        #expect(ControlCharacters.problem(in: "x\u{2029}y") != nil && ControlCharacters.problem(in: "x\u{2029}y", lines: .multi) == nil)
    }
}

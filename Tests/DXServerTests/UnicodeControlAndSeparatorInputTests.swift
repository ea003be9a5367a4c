import DXCore
@testable import DXServer
import Foundation
import Testing

/// C1 control characters (U+0080–U+009F) are control characters like C0 and DEL: refused where
/// they are read (400 naming the query or path parameter, 422 naming the body field). Unicode
/// spaces and the line and paragraph separators U+2028/U+2029 are not: in `?q=` they separate
/// search terms like an ASCII space; in a single-line text field U+2028/U+2029 are line breaks
/// and refused like LF, in a multi-line one kept as written.
@Suite struct UnicodeControlAndSeparatorInputTests {
    static func problem(_ response: HTTPResponse) throws -> [String: Any] {
        try #require(try response.json() as? [String: Any])
    }

    static func fields(_ response: HTTPResponse) throws -> Set<String> {
        let errors = try #require(try problem(response)["errors"] as? [[String: Any]])
        return Set(errors.compactMap { $0["field"] as? String })
    }

    static func codes(_ api: InProcessAPI, _ q: String) throws -> [String] {
        try api.data("/api/v1/measures?limit=100&q=\(q)").compactMap { $0["code"] as? String }
    }

    @Test(arguments: ["/api/v1/measures?q=a%C2%85b", "/api/v1/projects?q=%C2%80", "/api/v1/projects?q=%C2%9F%E8%BE%B2",
                      "/api/v1/projects?department=x%C2%9B", "/api/v1/projects/1/history?actor=%C2%90"])
    func aC1ControlInAQueryParameterIs400NamingIt(target: String) throws {
        try withAPIService { api in
            let response = try api.get(target)
            #expect(response.status == 400)
            let problem = try Self.problem(response)
            let name = String(target.split(separator: "?")[1].split(separator: "=")[0])
            #expect(problem["parameter"] as? String == name, "\(problem)")
            #expect((problem["detail"] as? String)?.contains("control character U+00") == true)
        }
    }

    @Test(arguments: ["/api/v1/projects/1%C2%85", "/api/v1/measures/1-1%C2%80", "/api/v1/surveys/15%C2%9F/questions"])
    func aC1ControlInAPathParameterIs400(target: String) throws {
        try withAPIService { api in
            let response = try api.get(target)
            #expect(response.status == 400)
        }
    }

    @Test func unicodeSpacesAndSeparatorsInASearchSeparateTerms() throws {
        try withAPIService { api in
            let expected = try Self.codes(api, "%E8%87%AA%E6%B2%BB%E4%BD%93+%E3%82%AA%E3%83%B3%E3%83%A9%E3%82%A4%E3%83%B3")  // 自治体 オンライン
            #expect(expected == ["1-2", "1-4"])
            // U+2028, U+2029, U+00A0, U+2003, U+3000, U+200B and U+FEFF between the two terms.
            for separator in ["%E2%80%A8", "%E2%80%A9", "%C2%A0", "%E2%80%83", "%E3%80%80", "%E2%80%8B", "%EF%BB%BF"] {
                let q = "%E8%87%AA%E6%B2%BB%E4%BD%93\(separator)%E3%82%AA%E3%83%B3%E3%83%A9%E3%82%A4%E3%83%B3\(separator)"
                #expect(try Self.codes(api, q) == expected, "\(separator)")
            }
            // Nothing but separators is no search at all, as an empty q.
            #expect(try Self.codes(api, "%E2%80%A8%E3%80%80").count == 29)
        }
    }

    @Test func aC1ControlInAnyTextFieldIs422NamingEachField() throws {
        try withAPIService { api in
            let headers = [("Authorization", "Bearer \(try api.adminToken())"), ("Content-Type", "application/json")]
            let body = #"{"measure_code":"1-1","title":"a\u0085b","department":"\u0080","start_fiscal_year":2023,"end_fiscal_year":2024,"description":"x\u009fy","note":"\u0090"}"#
            let response = try api.request("POST", "/api/v1/projects", headers: headers, body: Array(body.utf8))
            #expect(response.status == 422)
            #expect(try Self.fields(response) == ["title", "department", "description", "note"])
        }
    }

    @Test func lineSeparatorsAreRefusedInOneLineFieldsAndKeptInMultiLineOnes() throws {
        try withAPIService { api in
            let headers = [("Authorization", "Bearer \(try api.adminToken())"), ("Content-Type", "application/json")]
            let refused = #"{"measure_code":"1-1","title":"a\u2028b","department":"d\u2029","start_fiscal_year":2023,"end_fiscal_year":2024}"#
            let response = try api.request("POST", "/api/v1/projects", headers: headers, body: Array(refused.utf8))
            #expect(response.status == 422)
            #expect(try Self.fields(response) == ["title", "department"])

            let kept = #"{"measure_code":"1-1","title":"a\u00a0b\u3000c","department":"d","start_fiscal_year":2023,"end_fiscal_year":2024,"description":"p1\u2029p2\u2028l2"}"#
            let created = try api.request("POST", "/api/v1/projects", headers: headers, body: Array(kept.utf8))
            #expect(created.status == 201)
            let project = try #require(try created.json() as? [String: Any])
            #expect(project["description"] as? String == "p1\u{2029}p2\u{2028}l2", "stored as sent")
            #expect(project["title"] as? String == "a\u{00A0}b\u{3000}c", "other spaces are ordinary text")
        }
    }

    @Test func theDocumentedPatternsAgreeWithTheValidators() throws {
        let rule = try #require(QueryParameterRules.Pattern(QueryParameterRules.noControlCharacters))
        #expect(!rule.matches("a\u{85}b"))
        #expect(!rule.matches("\u{9F}"))
        #expect(rule.matches("a\u{2028}b\u{A0}c"))
        #expect(ControlCharacters.firstForbidden(in: "a\u{2028}b") == "\u{2028}")
        #expect(ControlCharacters.firstForbidden(in: "a\u{2028}b", lines: .multi) == nil)
        #expect(ControlCharacters.firstForbidden(in: "a\u{85}b", lines: .multi) == "\u{85}")
        #expect(ControlCharacters.firstControl(in: "a\u{2028}\u{A0}b") == nil)
    }
}

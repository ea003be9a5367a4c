import DXCore
@testable import DXServer
import Foundation
import Testing

// Issue 8 items 5 and 18: every JSON body route reads its body with one strict reader —
// UTF-8 only (RFC 8259 §8.1; a UTF-8 BOM is ignored), and no member name twice in an object
// at any depth (I-JSON, RFC 7493 §2.3) — each refusal a 400 saying which.

private let validProject = #"{"measure_code":"1-1","title":"t","department":"d","start_fiscal_year":2023,"end_fiscal_year":2024}"#

/// The JSON body routes, each with a body that would otherwise be accepted (the project
/// routes after a project 1 exists).
private let routes: [(method: String, path: String, body: String)] = [
    ("POST", "/api/v1/projects", validProject),
    ("PATCH", "/api/v1/projects/1", #"{"progress":10}"#),
    ("DELETE", "/api/v1/projects/1", #"{"note":"done"}"#),
    ("POST", "/api/v1/surveys", String(decoding: (try? JSONSerialization.data(withJSONObject: SurveyBodyFixture.small())) ?? Data(), as: UTF8.self)),
]

private func withProject<T>(_ body: (InProcessAPI, [(String, String)]) throws -> T) throws -> T {
    try withAPIService { api in
        let headers = [("Authorization", "Bearer \(try api.adminToken())"), ("Content-Type", "application/json")]
        let created = try api.request("POST", "/api/v1/projects", headers: headers, body: Array(validProject.utf8))
        #expect(created.status == 201)
        return try body(api, headers)
    }
}

private func problem(_ response: HTTPResponse) throws -> [String: Any] {
    try #require(try response.json() as? [String: Any])
}

@Suite("JSON bodies: UTF-8 and unique member names")
struct JSONBodyStrictnessTests {
    @Test("a duplicate member is a 400 naming it, and nothing is written (the issue's example)")
    func duplicateMemberIs400() throws {
        try withProject { api, headers in
            let response = try api.request("PATCH", "/api/v1/projects/1", headers: headers, body: Array(#"{"progress":10,"progress":1000}"#.utf8))
            #expect(response.status == 400)
            #expect(try problem(response)["member"] as? String == "progress")
            let project = try #require(try api.get("/api/v1/projects/1").json() as? [String: Any])
            #expect(project["progress"] as? Int == 0)
        }
    }

    @Test("a nested duplicate (in kpi) is a 400 naming its path")
    func nestedDuplicateMemberIs400() throws {
        try withProject { api, headers in
            let body = #"{"kpi":{"name":"n","target":1,"target":2}}"#
            let response = try api.request("PATCH", "/api/v1/projects/1", headers: headers, body: Array(body.utf8))
            #expect(response.status == 400)
            #expect(try problem(response)["member"] as? String == "kpi.target")
        }
    }

    @Test("duplicates are refused on every JSON body route", arguments: 0..<4)
    func duplicateMemberIsRefusedOnEveryRoute(route: Int) throws {
        let (method, path, body) = routes[route]
        try withProject { api, headers in
            // The same member once more at the end of the top-level object.
            let first = body.firstIndex(of: ":").map { body[body.index(after: body.startIndex)..<$0] } ?? ""
            let duplicated = String(body.dropLast()) + ",\(first):null}"
            let response = try api.request(method, path, headers: headers, body: Array(duplicated.utf8))
            #expect(response.status == 400, "\(method) \(path): \(response.text)")
        }
    }

    @Test("a duplicate deep in a survey body is named by its path")
    func duplicateInSurveyArrayIsNamed() throws {
        try withProject { api, headers in
            let body = String(decoding: try JSONSerialization.data(withJSONObject: SurveyBodyFixture.small()), as: UTF8.self)
                .replacingOccurrences(of: #""label":"無回答""#, with: #""label":"無回答","label":"x""#)
            let response = try api.request("POST", "/api/v1/surveys", headers: headers, body: Array(body.utf8))
            #expect(response.status == 400)
            #expect(try problem(response)["member"] as? String == "questions[0].no_answer.label")
        }
    }

    @Test("a body in UTF-16 or UTF-32, with or without BOM, is a 400 on every JSON route",
          arguments: 0..<4, [String.Encoding.utf16LittleEndian, .utf16BigEndian, .utf16, .utf32LittleEndian, .utf32BigEndian, .utf32])
    func nonUTF8BodyIs400(route: Int, encoding: String.Encoding) throws {
        let (method, path, body) = routes[route]
        try withProject { api, headers in
            let bytes = Array(try #require(body.data(using: encoding)))
            let response = try api.request(method, path, headers: headers, body: bytes)
            #expect(response.status == 400, "\(method) \(path)")
            #expect((try problem(response)["detail"] as? String)?.contains("UTF-8") == true)
        }
    }

    @Test("bytes that are not UTF-8 are a 400", arguments: [[0xC3, 0x28] as [UInt8], [0xFF], [0xED, 0xA0, 0x80], [0xE3, 0x81]])
    func invalidUTF8BodyIs400(bad: [UInt8]) throws {
        try withProject { api, headers in
            let body = Array(#"{"title":""#.utf8) + bad + Array(#""}"#.utf8)
            let response = try api.request("PATCH", "/api/v1/projects/1", headers: headers, body: body)
            #expect(response.status == 400)
            #expect((try problem(response)["detail"] as? String)?.contains("UTF-8") == true)
        }
    }

    @Test("a leading UTF-8 BOM is ignored (RFC 8259 §8.1 allows it)", arguments: 0..<4)
    func utf8BOMIsIgnored(route: Int) throws {
        let (method, path, body) = routes[route]
        try withProject { api, headers in
            let response = try api.request(method, path, headers: headers, body: [0xEF, 0xBB, 0xBF] + Array(body.utf8))
            #expect([200, 201, 204].contains(response.status), "\(method) \(path): \(response.text)")
        }
    }

    @Test("what is not JSON is a 400, never a 500",
          arguments: ["", "{", "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":01}", "{\"a\":1,}", "{\"a\":\"\u{1}\"}", "{\"a\":\"\\ud800\"}",
                      "{\"a\":1}x", "/*c*/{}", "{'a':1}", String(repeating: "[", count: 100_000)])
    func malformedBodyIs400(text: String) throws {
        try withProject { api, headers in
            let response = try api.request("PATCH", "/api/v1/projects/1", headers: headers, body: Array(text.utf8))
            #expect(response.status == 400)
        }
    }
}

@Suite("JSONReader")
struct JSONReaderTests {
    @Test func readsEveryKindOfValue() throws {
        let value = try JSONReader.read(Array(#" {"a":[1,-2.5e1,true,false,null,"x\u00e9\ud83d\ude00\n"],"b":{}} "#.utf8))
        #expect(value == .object(["a": .array([.number(1), .number(-25), .bool(true), .bool(false), .null, .string("xé😀\n")]), "b": .object([:])]))
    }

    @Test func hugeNumberReadsAsInfinityForTheFieldToRefuse() throws {
        #expect(try JSONReader.read(Array("1e400".utf8)) == .number(.infinity))
        #expect(try JSONReader.read(Array("-1e400".utf8)) == .number(-.infinity))
    }

    @Test func duplicateNamesAreFoundAtAnyDepth() {
        #expect(throws: JSONReader.Failure.duplicateMember(path: "a")) { try JSONReader.read(Array(#"{"a":1,"a":1}"#.utf8)) }
        #expect(throws: JSONReader.Failure.duplicateMember(path: "x[1].b")) {
            try JSONReader.read(Array(#"{"x":[{"b":1},{"b":1,"b":2}]}"#.utf8))
        }
        // Equal after escapes is the same name.
        #expect(throws: JSONReader.Failure.duplicateMember(path: "a")) { try JSONReader.read(Array(#"{"a":1,"\u0061":2}"#.utf8)) }
    }

    @Test func otherUnicodeEncodingsAreNamed() {
        #expect(throws: JSONReader.Failure.notUTF8(encoding: "UTF-16LE")) { try JSONReader.read([0x7B, 0x00, 0x7D, 0x00]) }
        #expect(throws: JSONReader.Failure.notUTF8(encoding: "UTF-16BE")) { try JSONReader.read([0xFE, 0xFF, 0x00, 0x7B, 0x00, 0x7D]) }
        #expect(throws: JSONReader.Failure.notUTF8(encoding: "UTF-32LE")) { try JSONReader.read([0x7B, 0, 0, 0, 0x7D, 0, 0, 0]) }
        #expect(throws: JSONReader.Failure.notUTF8(encoding: "UTF-32BE")) { try JSONReader.read([0, 0, 0, 0x7B, 0, 0, 0, 0x7D]) }
    }

    @Test func invalidUTF8IsLocated() {
        #expect(throws: JSONReader.Failure.invalidUTF8(offset: 6)) { try JSONReader.read(Array(#"{"a":""#.utf8) + [0xFF] + Array(#""}"#.utf8)) }
    }
}

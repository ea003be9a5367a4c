import DXCore
import DXServer
import Foundation
import Testing

/// Brief input3, item 3: the OpenAPI document's text patterns say what the server refuses, so
/// schemathesis' valid data is accepted and its invalid data refused. Every distinct pattern
/// of a stored text field in the served document is checked against the server's own rules
/// (`ControlCharacters`, `BlankText`) for every scalar of the Basic Multilingual Plane.
/// (The patterns are ECMA-262 without the `u` flag, so they cannot name a scalar beyond U+FFFF:
/// a required text of only supplementary-plane invisibles, such as the tag characters
/// U+E0000–U+E0FFF, is refused by the server though the pattern does not say so.)
@Suite struct DocumentedTextPatternTests {
    static func patterns(in value: Any, into found: inout Set<String>) {
        if let object = value as? [String: Any] {
            if let pattern = object["pattern"] as? String, pattern.contains("\\u0000") { found.insert(pattern) }
            for member in object.values { patterns(in: member, into: &found) }
        } else if let array = value as? [Any] {
            for item in array { patterns(in: item, into: &found) }
        }
    }

    @Test func everyTextPatternAgreesWithTheServerOnEveryBMPScalar() throws {
        let document = try withAPIService { api in try JSONSerialization.jsonObject(with: Data(try api.get("/openapi.json").body)) }
        var found: Set<String> = []
        Self.patterns(in: document, into: &found)
        // Query parameters keep the plain control-character pattern: they are never stored.
        let stored = found.filter { $0 != QueryParameterRules.noControlCharacters }
        #expect(stored.count == 4, "single- and multi-line, optional and required: \(stored)")
        for pattern in stored {
            let regex = try NSRegularExpression(pattern: pattern)
            func matches(_ text: String) -> Bool {
                regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
            }
            let lines: ControlCharacters.Lines = pattern.contains("\\u000B") ? .multi : .single
            let required = pattern.contains("]*[")
            var disagreements: [String] = []
            for value in UInt32(0)...0xFFFF {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let alone = String(Character(scalar)), inText = "a" + alone + "b"
                let allowed = ControlCharacters.firstForbidden(in: inText, lines: lines) == nil
                if matches(inText) != allowed { disagreements.append("a\(ControlCharacters.name(of: scalar))b") }
                if required, matches(alone) != (allowed && !BlankText.isBlank(alone)) { disagreements.append(ControlCharacters.name(of: scalar)) }
                if disagreements.count > 10 { break }
            }
            #expect(disagreements.isEmpty, "\(pattern): \(disagreements)")
        }
    }
}

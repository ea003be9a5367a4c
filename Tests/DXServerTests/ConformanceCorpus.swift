import Foundation

/// One request case of the llhttp corpus (`Fixtures/llhttp-requests.json`); the fields are
/// described in /work/shared/conformance/README.md.
struct ConformanceCase: Decodable, Sendable, CustomStringConvertible {
    enum Expectation: String, Decodable, Sendable {
        case ok
        case error
    }

    let id: String
    let title: String
    let source: String
    let requestB64: String
    let sendB64: String
    let expect: Expectation
    let errorCode: String?
    let errorReason: String?
    let errorOffset: Int?
    let errorStage: String?
    let requestCloses: Bool?
    let notes: String
    let adaptations: [String]
    let methods: [String]
    /// ok: how many requests must be answered. error: how many valid requests precede the defect.
    let responses: Int
    let tags: [String]

    /// The exact upstream bytes.
    var requestBytes: [UInt8] { Data(base64Encoded: requestB64).map { [UInt8]($0) } ?? [] }
    /// The bytes to parse or send: Host inserted and truncated messages completed.
    var sendBytes: [UInt8] { Data(base64Encoded: sendB64).map { [UInt8]($0) } ?? [] }

    var description: String { "\(id) (\(title))" }

    /// The README caveat that makes this case informational, if any. `upgrade`,
    /// `absolute-form` and `rfc-permits-leniency` are judged, not informational (see `judge`).
    var informationalTag: String? {
        tags.first { ConformanceCorpus.informationalTags.contains($0) }
    }

    /// Judges one run in terms that fit both a parser and a live server.
    ///
    /// - Parameters:
    ///   - answered: requests handled normally (parser: `.message` events; server: non-refusal responses).
    ///   - refused: the input was refused after those (parser: an error; server: a refusal status, close or silence).
    ///   - detail: how it was refused (error case, status), shown in INFO and FAIL lines.
    ///   - deliberateDifferences: case ids where we knowingly differ from llhttp, with the reason.
    ///
    /// Rules (README "How to use it", adapted):
    /// - expect=ok: not refused, and exactly `responses` requests answered.
    /// - expect=error: refused after exactly `responses` requests; refusing later or never fails.
    /// - `upgrade`: we ignore Upgrade and parse what follows as a new request, so only the first
    ///   request is judged: it must be answered.
    /// - `absolute-form`: servers MUST accept it (RFC 9112 §3.2.2), so it is judged, unless it
    ///   also carries `userinfo`, which may be refused (RFC 9110 §4.2.4).
    /// - `rfc-permits-leniency`: judged strictly; we reject these like llhttp's strict mode.
    /// - other caveat tags: INFO, with the outcome recorded.
    /// - a deliberate difference is INFO while it still differs, and FAIL once it agrees with
    ///   llhttp, so the list of differences cannot go stale.
    func judge(
        answered: Int, refused: Bool, detail: String? = nil, deliberateDifferences: [String: String] = [:]
    ) -> ConformanceVerdict {
        let outcome = "\(answered) answered, " + (refused ? "then refused" + (detail.map { " with \($0)" } ?? "") : "not refused")
        let agrees = switch expect {
        case .ok: !refused && answered == responses
        case .error: refused && answered == responses
        }
        let wanted = "expected \(expect.rawValue) after \(responses)"

        if let reason = deliberateDifferences[id] {
            return agrees
                ? .fail("listed as a deliberate difference but agrees with llhttp now (\(outcome))")
                : .info("deliberate difference: \(reason) (\(outcome); llhttp: \(wanted))")
        }
        if let tag = informationalTag {
            return .info("\(tag): \(outcome) (llhttp: \(wanted))")
        }
        if tags.contains("upgrade") {
            return answered >= 1 ? .pass : .fail("upgrade: first request not answered (\(outcome))")
        }
        return agrees ? .pass : .fail("\(outcome); \(wanted)")
    }
}

enum ConformanceVerdict: Equatable, Sendable {
    case pass
    case fail(String)
    case info(String)
}

enum ConformanceCorpus {
    /// README caveat tags whose cases are informational for an HTTP server.
    static let informationalTags: Set<String> = [
        "unknown-method", "non-http-protocol", "connect", "h2-preface", "userinfo",
        "asterisk-form", "http09", "target-chars", "unsupported-coding",
    ]

    static var fixtureURL: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/llhttp-requests.json")
    }

    static func load() throws -> [ConformanceCase] {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode([ConformanceCase].self, from: Data(contentsOf: fixtureURL))
    }
}

/// Tallies verdicts into the one-line summary and the INFO / FAIL listings.
struct ConformanceSummary {
    let label: String
    private(set) var passed = 0
    private(set) var failures: [String] = []
    private(set) var infos: [String] = []

    init(label: String) { self.label = label }

    mutating func record(_ verdict: ConformanceVerdict, for testCase: ConformanceCase) {
        switch verdict {
        case .pass: passed += 1
        case .fail(let why): failures.append("FAIL \(testCase): \(why)")
        case .info(let why): infos.append("INFO \(testCase): \(why)")
        }
    }

    var line: String {
        "llhttp conformance (\(label)): \(passed) passed, \(failures.count) failed, \(infos.count) info"
    }

    var report: String { ([line] + failures + infos).joined(separator: "\n") }
}

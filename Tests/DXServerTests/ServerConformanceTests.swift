import DXServer
import Dispatch
import Foundation
import Testing

/// The llhttp request corpus sent to a live server, each case alone on a fresh connection,
/// judged by the rules of the corpus README (see `ConformanceCase.judge`).
///
/// A response counts as a refusal when its status is one the README accepts as one (400, 408,
/// 411, 413, 414, 431, 501, 505) or any 5xx; a close or silence after the answered requests is
/// a refusal too. Interim 1xx responses are skipped. The deliberate differences are the
/// parser's (`HTTPParserConformanceTests.deliberateDifferences`): the server adds none.
@Suite struct ServerConformanceTests {
    static let refusalStatuses: Set<Int> = [400, 408, 411, 413, 414, 431, 501, 505]

    struct Outcome: CustomStringConvertible {
        var answered = 0
        var refused = false
        var detail: String?
        var closedAfterConnectionClose = false
        var description: String { "answered \(answered), refused \(refused)\(detail.map { " (\($0))" } ?? "")" }
    }

    static func run(_ testCase: ConformanceCase, port: Int) -> Outcome {
        var outcome = Outcome()
        guard let client = try? RawClient(port: port) else {
            outcome.detail = "could not connect"
            return outcome
        }
        try? client.write(testCase.sendBytes)
        var methodIndex = 0
        // For ok cases stop after the expected answers; for error cases read one more
        // response to see whether the server refused, closed, stayed silent, or answered.
        while true {
            if testCase.expect == .ok && outcome.answered == testCase.responses { break }
            let isHead = methodIndex < testCase.methods.count && testCase.methods[methodIndex] == "HEAD"
            let response: RawResponse?
            do {
                response = try client.readResponse(timeout: 2, headRequest: isHead)
            } catch {
                outcome.refused = true
                outcome.detail = "unreadable response: \(error)"
                break
            }
            guard let response else {
                outcome.refused = true
                outcome.detail = client.peerClosed ? "closed" : "silent"
                break
            }
            if response.status >= 100 && response.status < 200 { continue }
            if refusalStatuses.contains(response.status) || response.status >= 500 {
                outcome.refused = true
                outcome.detail = "\(response.status)"
                break
            }
            outcome.answered += 1
            methodIndex += 1
            if response.closesConnection {
                outcome.closedAfterConnectionClose = true
                if testCase.expect == .error { continue }
                break
            }
        }
        return outcome
    }

    @Test func llhttpRequestCorpusAgainstALiveServer() throws {
        let cases = try ConformanceCorpus.load()
        let outcomes = Locked<[String: Outcome]>([:])
        try withTestServer(configure: { $0.headerTimeout = 1; $0.bodyTimeout = 1 }, routes: Self.routes) { server in
            let port = server.port
            DispatchQueue.concurrentPerform(iterations: cases.count) { i in
                let outcome = Self.run(cases[i], port: port)
                outcomes.withLock { $0[cases[i].id] = outcome }
            }
        }
        var summary = ConformanceSummary(label: "live server")
        for testCase in cases {
            let outcome = try #require(outcomes.withLock { $0[testCase.id] })
            var verdict = testCase.judge(answered: outcome.answered, refused: outcome.refused, detail: outcome.detail,
                                         deliberateDifferences: HTTPParserConformanceTests.deliberateDifferences)
            if case .fail = verdict, testCase.expect == .ok, outcome.closedAfterConnectionClose, outcome.answered < testCase.responses {
                verdict = .info("closed with Connection: close before the remaining pipelined requests (\(outcome))")
            }
            summary.record(verdict, for: testCase)
            if case let .fail(why) = verdict { Issue.record("\(testCase): \(why)") }
        }
        print(summary.report)
        #expect(summary.failures.isEmpty, "\(summary.line)")
    }

    /// Every method the corpus uses is routed on "/", so that a correctly framed request is
    /// answered whatever its method: a method no route has would be 501 (RFC 9110 §15.6.2),
    /// which the corpus judges a refusal, and a 404 elsewhere is judged "answered" anyway.
    static func routes(_ router: inout Router) {
        let corpusMethods = ((try? ConformanceCorpus.load()) ?? []).flatMap(\.methods)
        var methods = ["GET", "POST", "PUT", "DELETE", "PATCH"]
        for method in corpusMethods where !methods.contains(method) && !["HEAD", "OPTIONS", "CONNECT"].contains(method) {
            methods.append(method)
        }
        for method in methods {
            router.add(method, "/", options: RouteOptions()) { _ in HTTPResponse(status: 200, contentType: "text/plain", body: Array("ok".utf8)) }
        }
    }
}

final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value
    init(_ value: Value) { self.value = value }
    func withLock<R>(_ body: (inout Value) -> R) -> R {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}

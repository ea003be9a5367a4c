@testable import DXServer
@testable import DXEngine
import DXHTTP
import Foundation
import Glibc
import Logging
import Synchronization
import Testing

/// Log records say what they know, the same in both formats (issue 11 review): a refused head
/// keeps its request line, counts and durations are numbers, and text and JSON lines carry
/// the same fields.
@Suite struct LogFieldTests {
    // MARK: What a refused head still tells (the parser's partial head)

    static let limits = HTTPParser.Limits(maxRequestLine: 64, maxHeaderSection: 256, maxHeaderFields: 4, maxBody: 100)

    /// Every refusal found after the request line keeps it, fed whole and one byte at a time.
    @Test(arguments: [
        ("POST /upload?x=1 HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 101\r\n\r\n", HTTPParseError.bodyTooLarge),
        ("PUT /p HTTP/1.1\r\nHost: a\r\nX-Long: " + String(repeating: "v", count: 300) + "\r\n\r\n", .headerSectionTooLarge),
        ("GET /p HTTP/1.1\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\nE: 5\r\n\r\n", .tooManyHeaderFields),
        ("DELETE /p HTTP/1.1\r\nHost: a\r\nBad(Name: 1\r\n\r\n", .invalidHeaderName),
        ("GET /p HTTP/1.1\r\nUser-Agent: probe\r\n\r\n", .missingHost),
        ("POST /p HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", .unsupportedTransferCoding),
    ])
    func aHeadRefusedAfterItsRequestLineKeepsMethodAndPath(raw: String, error: HTTPParseError) throws {
        let method = String(raw.prefix { $0 != " " })
        for pieces in [[raw], raw.map { String($0) }] {
            var parser = HTTPParser(limits: Self.limits)
            var thrown: HTTPParseError?
            feeding: for piece in pieces {
                parser.append(Array(piece.utf8))
                do { while try parser.next() != nil {} } catch { thrown = error; break feeding }
            }
            #expect(thrown == error)
            let head = try #require(parser.partialHead)
            #expect(head.method == method)
            #expect(head.path == (method == "POST" && error == .bodyTooLarge ? "/upload" : "/p"))
            #expect(head.framing == .none)
        }
    }

    @Test func theHeadersReadBeforeTheFaultAreKept() throws {
        var parser = HTTPParser(limits: Self.limits)
        parser.append(Array("GET /p HTTP/1.1\r\nUser-Agent: probe\r\nHost: a\r\nX: \u{1}\r\n\r\n".utf8))
        #expect(throws: HTTPParseError.invalidHeaderValue) { while try parser.next() != nil {} }
        #expect(parser.partialHead?.headers["User-Agent"] == "probe")
    }

    /// 400 for the request line itself, 414, the HTTP/2 preface: nothing of a head is known.
    @Test(arguments: ["GARBAGE\r\n\r\n", "GET /" + String(repeating: "a", count: 80) + " HTTP/1.1\r\n\r\n", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"])
    func aRefusedRequestLineLeavesNoPartialHead(raw: String) {
        var parser = HTTPParser(limits: Self.limits)
        parser.append(Array(raw.utf8))
        #expect(throws: HTTPParseError.self) { while try parser.next() != nil {} }
        #expect(parser.partialHead == nil)
    }

    /// While the head arrives (what a 408 on the header timeout logs), and not once it is out.
    @Test func anIncompleteHeadIsKnownUntilItIsReturned() throws {
        var parser = HTTPParser(limits: Self.limits)
        parser.append(Array("GET /slowly HTTP/1.1\r\nHost: a\r\n".utf8))
        #expect(try parser.next() == nil)
        #expect(parser.partialHead?.path == "/slowly")
        parser.append(Array("\r\n".utf8))
        #expect(try parser.next() != nil)
        #expect(parser.partialHead == nil)
    }

    // MARK: Numbers are numbers

    @Test func countsDurationsPortsAndSizesAreJSONNumbersAndStringsStayStrings() throws {
        let object = try LogLine.json(Self.jsonLine(metadata: [
            "open_connections": .stringConvertible(3),
            "errno": .stringConvertible(Int32(9)),
            "file_bytes": .stringConvertible(Int64(1) << 40),
            "file_inode": .stringConvertible(UInt64.max),
            "verify_seconds": .stringConvertible(0.012),
            "ratio": .stringConvertible(Float(0.5)),
            "ok": .stringConvertible(true),
            "digits": .string("3"),
            "not_finite": .stringConvertible(Double.infinity),
            "url": .stringConvertible(URL(string: "http://127.0.0.1:8080")!),
        ]))
        #expect(object["open_connections"] as? Int == 3 && !(object["open_connections"] is String))
        #expect(object["errno"] as? Int == 9)
        #expect(object["file_bytes"] as? Int == 1 << 40)
        #expect((object["file_inode"] as? NSNumber)?.uint64Value == UInt64.max)
        #expect(object["verify_seconds"] as? Double == 0.012)
        #expect(object["ratio"] as? Double == 0.5)
        #expect(object["ok"] as? Bool == true)
        #expect(object["digits"] as? String == "3")
        // JSON has no infinity: it stays readable as a string rather than breaking the line.
        #expect(object["not_finite"] as? String == "inf")
        #expect(object["url"] as? String == "http://127.0.0.1:8080")
    }

    @Test func theStartRecordCarriesThePortAsANumber() throws {
        let report = StartupReport(address: "http://127.0.0.1:8080", port: 8080, database: "dx.sqlite", migrationsApplied: [], mode: "primary")
        let object = try LogLine.json(Self.jsonLine(message: "listening", metadata: report.metadata))
        #expect(object["port"] as? Int == 8080)
        #expect(object["address"] as? String == "http://127.0.0.1:8080")
        #expect((object["migrations_applied"] as? [Any])?.isEmpty == true)
    }

    @Test func accessLogDropCountsAreLoggedAsNumbers() throws {
        let lines = Mutex<[[UInt8]]>([])
        let logger = Logger(label: "dxserve") { label in JSONLogHandler(label: label) { bytes in lines.withLock { $0.append(bytes) } } }
        // A log whose descriptor is closed: its write fails, and the watch says so.
        let log = AccessLog(fd: -1)
        let watch = AccessLogWatch(accessLog: log, logger: logger)
        log.record(method: "GET", path: "/", status: 200, bytes: 1, durationNanoseconds: 1, requestID: "r")
        log.flush()
        watch.check()
        let object = try LogLine.json(String(decoding: try #require(lines.withLock { $0.first }), as: UTF8.self))
        #expect(object["failed"] as? Int == 1 && object["failed_total"] as? Int == 1)
    }

    // MARK: Text and JSON carry the same fields

    @Test func serverRecordsCarryTheSameFieldsInTextAndJSON() throws {
        struct Failure: Error, CustomStringConvertible { var description: String { "disk full" } }
        let metadata: Logger.Metadata = [
            "open_connections": .stringConvertible(3),
            "verify_seconds": .stringConvertible(0.012),
            "address": .string("http://127.0.0.1:8080/a?b=c"),
            "reason": .string("a copy with \"quotes\", spaces\nand a newline"),
            "migrations_applied": .array([.string("001_init.sql"), .string("002 kpi.sql")]),
            "message": .string("a key that would hide the message"),
            "empty": .string(""),
            "dash": .string("-"),
        ]
        for level in [Logger.Level.info, .error] {
            let text = try LogLine.text(Self.textLine(level: level, message: "replica kept the previous copy", metadata: metadata, error: Failure()))
            let json = try LogLine.json(Self.jsonLine(level: level, message: "replica kept the previous copy", metadata: metadata, error: Failure()))
            #expect(LogLine.sameContent(text, json), "text \(text)\njson \(json)")
            #expect(text["level"] as? String == level.rawValue && text["label"] as? String == "dxserve")
            #expect(text["metadata.message"] as? String == "a key that would hide the message")
            #expect(text["error"] as? String == "disk full" && json["error"] as? String == "disk full")
            #expect(text["dash"] as? String == "-")
            #expect((text["time"] as? String).map { $0.count == 24 && $0.hasSuffix("Z") } == true)
        }
    }

    @Test func aTextRecordIsOneLineWhateverItsMessageHolds() throws {
        let line = Self.textLine(message: "cause: \"quoted\"\n\r\u{0}\u{1B}[31m", metadata: ["k": .string("v\nw")])
        #expect(!line.contains("\n") && !line.contains("\r"))
        #expect(try LogLine.text(line)["message"] as? String == "cause: \"quoted\"\n\r\u{0}\u{1B}[31m")
    }

    @Test func accessLogLinesCarryTheSameFieldsInTextAndJSON() throws {
        let client = IPAddress(parsing: "2001:db8:abcd:12::9")
        let calls: [(AccessLog) -> Void] = [
            { $0.record(method: "GET", path: "/a%20b/%E9%83%BD", status: 200, bytes: 5, durationNanoseconds: 1_234_567, requestID: "r1",
                        client: client, userAgent: "Mozilla/5.0 (X11; Linux) \"x\"") },
            { $0.record(method: "-", path: "-", status: 400, bytes: 0, durationNanoseconds: 0, requestID: nil) },
        ]
        for call in calls {
            let text = try #require(try AccessLogJSONTests.lines(format: .text) { call($0) }.first)
            let json = try #require(try AccessLogJSONTests.lines(format: .json) { call($0) }.first)
            let textFields = try LogLine.text(text)
            let jsonFields = try LogLine.json(json)
            #expect(LogLine.sameContent(textFields, jsonFields), "text \(text)\njson \(json)")
        }
    }

    static func jsonLine(level: Logger.Level = .info, message: String = "m", metadata: Logger.Metadata, error: (any Error)? = nil) -> String {
        let lines = Mutex<[[UInt8]]>([])
        let logger = Logger(label: "dxserve") { label in JSONLogHandler(label: label) { bytes in lines.withLock { $0.append(bytes) } } }
        logger.log(level: level, "\(message)", error: error, metadata: metadata)
        return String(decoding: lines.withLock { $0.first ?? [] }, as: UTF8.self)
    }

    /// The text line without its newline.
    static func textLine(level: Logger.Level = .info, message: String = "m", metadata: Logger.Metadata, error: (any Error)? = nil) -> String {
        let lines = Mutex<[[UInt8]]>([])
        let logger = Logger(label: "dxserve") { label in TextLogHandler(label: label) { bytes in lines.withLock { $0.append(bytes) } } }
        logger.log(level: level, "\(message)", error: error, metadata: metadata)
        return String(decoding: lines.withLock { $0.first ?? [] }.dropLast(), as: UTF8.self)
    }
}

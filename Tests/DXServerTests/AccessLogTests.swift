@testable import DXServer
@testable import DXEngine
import DXCore
import DXHTTP
import Foundation
import Glibc
import Testing

/// Each loop logs into its own buffer, so loops never wait on each other; nothing may be lost,
/// mixed mid-line or reordered within one loop.
@Suite struct AccessLogTests {
    @Test func linesFromSeveralLoopsAreWholeAndInOrderPerLoop() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("access-\(UUID().uuidString).log").path
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        #expect(fd >= 0)
        defer { close(fd); unlink(path) }
        let log = AccessLog(fd: fd)
        DispatchQueue.concurrentPerform(iterations: 3) { loop in
            for n in 0..<2000 {
                log.record(method: "GET", path: "/loop\(loop)", status: 200, bytes: n, durationNanoseconds: 1_234_567,
                           requestID: "r\(loop)-\(n)", loop: loop)
            }
        }
        log.flush()
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 6000)
        for loop in 0..<3 {
            let mine = lines.filter { $0.contains("path=/loop\(loop) ") }
            #expect(mine.count == 2000)
            #expect(mine.first.map { $0.split(separator: " ", maxSplits: 2)[2] } == "method=GET path=/loop\(loop) status=200 bytes=0 user_agent=- duration_ms=1.234 request_id=r\(loop)-0")
            let order = mine.compactMap { line in line.split(separator: " ").first { $0.hasPrefix("bytes=") }.flatMap { Int($0.dropFirst(6)) } }
            #expect(order == Array(0..<2000))
        }
    }

    @Test func everyLineStartsWithAnRFC3339UTCTimestampWithMilliseconds() throws {
        var out: [UInt8] = []
        RFC3339Instant.appendUTC(seconds: 0, milliseconds: 7, to: &out)
        #expect(String(decoding: out, as: UTF8.self) == "1970-01-01T00:00:00.007Z")
        out.removeAll()
        // 2024-02-29 (a leap day) 23:59:59.999 UTC.
        RFC3339Instant.appendUTC(seconds: 1_709_251_199, milliseconds: 999, to: &out)
        #expect(String(decoding: out, as: UTF8.self) == "2024-02-29T23:59:59.999Z")
        let line = try Self.oneLine(client: IPAddress(parsing: "192.0.2.77"), full: false)
        let stamp = String(line.prefix { $0 != " " })
        #expect(stamp.count == 24 && stamp.hasSuffix("Z") && stamp.dropFirst(19).hasPrefix("."))
        #expect(stamp.hasPrefix(String(ISO8601DateFormatter().string(from: Date()).prefix(10))))
    }

    @Test func clientAddressesAreTruncatedUnlessFullAddressesAreAsked() throws {
        #expect(try Self.oneLine(client: IPAddress(parsing: "192.0.2.77"), full: false).contains(" client=192.0.2.0 method="))
        #expect(try Self.oneLine(client: IPAddress(parsing: "2001:db8:abcd:12::9"), full: false).contains(" client=2001:db8:abcd:: method="))
        #expect(try Self.oneLine(client: IPAddress(parsing: "192.0.2.77"), full: true).contains(" client=192.0.2.77 method="))
        #expect(try Self.oneLine(client: IPAddress(parsing: "2001:db8:abcd:12::9"), full: true).contains(" client=2001:db8:abcd:12::9 method="))
        #expect(try Self.oneLine(client: nil, full: false).contains(" client=- method="))
    }

    static func oneLine(client: IPAddress?, full: Bool) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("access-\(UUID().uuidString).log").path
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        #expect(fd >= 0)
        defer { close(fd); unlink(path) }
        let log = AccessLog(fd: fd, fullAddresses: full)
        log.record(method: "GET", path: "/", status: 200, bytes: 1, durationNanoseconds: 1, requestID: "r", client: client)
        log.flush()
        return try String(contentsOfFile: path, encoding: .utf8)
    }
}

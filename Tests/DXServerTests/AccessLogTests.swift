@testable import DXServer
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
            #expect(mine.first == "method=GET path=/loop\(loop) status=200 bytes=0 duration_ms=1.234 request_id=r\(loop)-0")
            let order = mine.compactMap { line in line.split(separator: " ").first { $0.hasPrefix("bytes=") }.flatMap { Int($0.dropFirst(6)) } }
            #expect(order == Array(0..<2000))
        }
    }
}

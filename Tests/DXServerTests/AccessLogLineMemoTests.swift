@testable import DXEngine
import DXHTTP
import Foundation
import Glibc
import Testing

/// A loop's log buffer keeps the last line's time stamp (to the second) and rendered client for
/// the next line: every line must still carry its own time and its own client.
@Suite struct AccessLogLineMemoTests {
    @Test func linesOfOneLoopCarryTheirOwnTimeAndClientAcrossSecondsAndClients() throws {
        let a = try IPAddress(parsing: "192.0.2.77")
        let b = try IPAddress(parsing: "2001:db8:abcd:12::9")
        // 2024-02-29T23:59:59.998Z, in nanoseconds since the epoch.
        let leapNight: UInt64 = 1_709_251_199_998_000_000
        let lines = try Self.lines(format: .text) { log in
            Self.line(log, "p=1 d=", 2_000_000, a, loop: 3, at: leapNight)
            Self.line(log, "p=2 d=", 12_345_000, a, loop: 3, at: leapNight + 1_000_000)
            Self.line(log, "p=3 d=", 0, b, loop: 3, at: leapNight + 2_000_000)
            Self.line(log, "p=4 d=", 999_999, nil, loop: 3, at: leapNight + 2_500_000)
            Self.line(log, "p=5 d=", 1_000, a, loop: 3, at: leapNight + 86_400_001_000_000)
        }
        #expect(lines == [
            "2024-02-29T23:59:59.998Z client=192.0.2.0 p=1 d=2.000 request_id=-",
            "2024-02-29T23:59:59.999Z client=192.0.2.0 p=2 d=12.345 request_id=-",
            "2024-03-01T00:00:00.000Z client=2001:db8:abcd:: p=3 d=0.000 request_id=-",
            "2024-03-01T00:00:00.000Z client=- p=4 d=0.999 request_id=-",
            "2024-03-01T23:59:59.999Z client=192.0.2.0 p=5 d=0.001 request_id=-",
        ])
    }

    @Test func jsonLinesOfOneLoopCarryTheirOwnTimeAndClient() throws {
        let a = try IPAddress(parsing: "192.0.2.77")
        let leapNight: UInt64 = 1_709_251_199_998_000_000
        let lines = try Self.lines(format: .json) { log in
            Self.line(log, "\"p\":1,\"d\":", 0, a, loop: 0, at: leapNight)
            Self.line(log, "\"p\":2,\"d\":", 0, nil, loop: 0, at: leapNight + 3_000_000)
        }
        #expect(lines == [
            "{\"time\":\"2024-02-29T23:59:59.998Z\",\"client\":\"192.0.2.0\",\"p\":1,\"d\":0.000,\"request_id\":null}",
            "{\"time\":\"2024-03-01T00:00:00.001Z\",\"client\":null,\"p\":2,\"d\":0.000,\"request_id\":null}",
        ])
    }

    /// One line with no request id, its time given (nanoseconds since the epoch).
    static func line(_ log: AccessLog, _ prefix: String, _ duration: UInt64, _ client: IPAddress?, loop: Int, at wallClock: UInt64) {
        log.record(prefix: Array(prefix.utf8), durationNanoseconds: duration, requestID: UnsafeRawBufferPointer(start: nil, count: 0),
                   client: client, loop: loop, wallClock: wallClock)
    }

    static func lines(format: AccessLogFormat, _ write: (AccessLog) -> Void) throws -> [String] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("access-\(UUID().uuidString).log").path
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        #expect(fd >= 0)
        defer { close(fd); unlink(path) }
        let log = AccessLog(fd: fd, format: format)
        write(log)
        log.flush()
        return try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    }
}

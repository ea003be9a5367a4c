@testable import DXServer
import Foundation
import Logging
import Synchronization
import Testing

/// The server's own messages through swift-log: start-up metadata, and the JSON handler's lines.
@Suite struct ServerLogTests {
    /// Keeps every record, for assertions on level, message and metadata.
    final class Capture: Sendable {
        let records = Mutex<[(level: Logger.Level, message: String, metadata: Logger.Metadata)]>([])
        var logger: Logger {
            Logger(label: "test") { _ in Handler(capture: self) }
        }
        struct Handler: LogHandler {
            let capture: Capture
            var metadata: Logger.Metadata = [:]
            var metadataProvider: Logger.MetadataProvider?
            var logLevel: Logger.Level = .trace
            subscript(metadataKey key: String) -> Logger.Metadata.Value? {
                get { metadata[key] }
                set { metadata[key] = newValue }
            }
            func log(event: LogEvent) {
                capture.records.withLock { $0.append((event.level, event.message.description, metadata.merging(event.metadata ?? [:]) { $1 })) }
            }
        }
    }

    @Test func startUpIsLoggedWithVersionAddressDatabaseMigrationsAndMode() throws {
        let capture = Capture()
        StartupReport(address: "http://127.0.0.1:8080", database: "data/dx.sqlite", migrationsApplied: ["001_init.sql", "002_kpi.sql"],
                      mode: "read-only", primaryURL: "https://dx.example.jp").log(to: capture.logger)
        let record = try #require(capture.records.withLock { $0.first })
        #expect(record.level == .info && record.message == "listening")
        #expect(record.metadata["version"] == .string(BuildInfo.version))
        #expect(record.metadata["address"] == .string("http://127.0.0.1:8080"))
        #expect(record.metadata["database"] == .string("data/dx.sqlite"))
        #expect(record.metadata["migrations_applied"] == .array([.string("001_init.sql"), .string("002_kpi.sql")]))
        #expect(record.metadata["mode"] == .string("read-only"))
        #expect(record.metadata["primary_url"] == .string("https://dx.example.jp"))
    }

    @Test func jsonHandlerLinesParseAndKeepMetadataAndHostileText() throws {
        let lines = Mutex<[[UInt8]]>([])
        var logger = Logger(label: "dx\"serve") { label in JSONLogHandler(label: label) { bytes in lines.withLock { $0.append(bytes) } } }
        logger[metadataKey: "loop"] = "3"
        logger.error("cause: \"quoted\"\n\u{0}\u{1B}", metadata: [
            "message": "a metadata key that would hide the message",
            "nested": .dictionary(["list": .array(["a\\b", .stringConvertible(42)])]),
        ])
        logger.debug("below the level: not written")
        let written = lines.withLock { $0 }
        #expect(written.count == 1)
        let line = try #require(written.first)
        #expect(line.last == 0x0A && line.dropLast().allSatisfy { $0 != 0x0A })
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
        #expect(object["level"] as? String == "error")
        #expect(object["label"] as? String == "dx\"serve")
        #expect(object["message"] as? String == "cause: \"quoted\"\n\u{0}\u{1B}")
        #expect(object["metadata.message"] as? String == "a metadata key that would hide the message")
        #expect(object["loop"] as? String == "3")
        // `.stringConvertible(42)` is a number, at any depth; the string beside it stays a string.
        let list = try #require((object["nested"] as? [String: Any])?["list"] as? [Any])
        #expect(list.first as? String == "a\\b" && list.last as? Int == 42 && !(list.last is String))
        #expect((object["time"] as? String)?.hasSuffix("Z") == true)
    }

    @Test func accessLogWriteFailuresAreLoggedOnceEach() throws {
        // A log whose descriptor is closed: every write fails, and the watch says so once.
        let capture = Capture()
        let log = AccessLog(fd: -1)
        let watch = AccessLogWatch(accessLog: log, logger: capture.logger)
        watch.check()
        #expect(capture.records.withLock { $0.isEmpty })
        log.record(method: "GET", path: "/", status: 200, bytes: 1, durationNanoseconds: 1, requestID: "r")
        log.flush()
        watch.check()
        watch.check()
        let records = capture.records.withLock { $0 }
        #expect(records.count == 1)
        #expect(records.first?.level == .error && records.first?.metadata["failed_total"]?.description == "1")
    }
}

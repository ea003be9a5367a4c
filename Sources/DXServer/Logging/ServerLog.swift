import Glibc
import Logging

/// The server's own messages (start-up, drain, internal errors), through swift-log to stderr.
/// The access log is not among them: it stays the buffered per-loop writer (`AccessLog`).
public enum ServerLog {
    /// A handler for `format`, at `level`: `JSONLogHandler` for json, `TextLogHandler`
    /// (`2026-11-30T18:00:00.123Z level=info label=dxserve message=listening key=value`) for
    /// text; both write the same fields (`LogRecord`).
    public static func handler(label: String, format: AccessLogFormat, level: Logger.Level) -> any LogHandler {
        var handler: any LogHandler = format == .json
            ? JSONLogHandler(label: label, write: writeToStandardError)
            : TextLogHandler(label: label, write: writeToStandardError)
        handler.logLevel = level
        return handler
    }

    /// Writes one line to stderr in one write(2) (retried on a short write), so lines of
    /// different threads never mix.
    @Sendable public static func writeToStandardError(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(STDERR_FILENO, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return }  // stderr gone: nowhere left to report it
                offset += n
            }
        }
    }

    /// Installs the process-wide handler; call once, before anything logs (swift-log allows one bootstrap).
    public static func bootstrap(format: AccessLogFormat, level: Logger.Level) {
        LoggingSystem.bootstrap { label in handler(label: label, format: format, level: level) }
    }
}

/// What the server says when it is ready: version, address and port, database, migrations applied,
/// and whether it serves as the writable primary or a read-only replica.
public struct StartupReport: Sendable {
    public var version: String
    public var address: String
    /// The bound port (the one chosen when `--port 0`), a number in the JSON line.
    public var port: Int?
    public var database: String
    /// File names of the migrations this start applied (empty when the schema was current).
    public var migrationsApplied: [String]
    /// `primary`, or `read-only` for `--read-only`.
    public var mode: String
    public var primaryURL: String?

    public init(version: String = BuildInfo.version, address: String, port: Int? = nil, database: String, migrationsApplied: [String], mode: String,
                primaryURL: String? = nil) {
        self.version = version
        self.address = address
        self.port = port
        self.database = database
        self.migrationsApplied = migrationsApplied
        self.mode = mode
        self.primaryURL = primaryURL
    }

    public var metadata: Logger.Metadata {
        var metadata: Logger.Metadata = [
            "version": .string(version),
            "address": .string(address),
            "database": .string(database),
            "migrations_applied": .array(migrationsApplied.map { .string($0) }),
            "mode": .string(mode),
        ]
        if let port { metadata["port"] = .stringConvertible(port) }
        if let primaryURL { metadata["primary_url"] = .string(primaryURL) }
        return metadata
    }

    public func log(to logger: Logger) {
        logger.info("listening", metadata: metadata)
    }
}

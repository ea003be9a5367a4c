import Logging

/// The server's own messages (start-up, drain, internal errors), through swift-log to stderr.
/// The access log is not among them: it stays the buffered per-loop writer (`AccessLog`).
public enum ServerLog {
    /// A handler for `format`: `JSONLogHandler` for json, swift-log's `StreamLogHandler`
    /// (`2026-11-30T18:00:00+0000 info dxserve: key=value message`) for text, at `level`.
    public static func handler(label: String, format: AccessLogFormat, level: Logger.Level) -> any LogHandler {
        var handler: any LogHandler = format == .json ? JSONLogHandler.standardError(label: label) : StreamLogHandler.standardError(label: label)
        handler.logLevel = level
        return handler
    }

    /// Installs the process-wide handler; call once, before anything logs (swift-log allows one bootstrap).
    public static func bootstrap(format: AccessLogFormat, level: Logger.Level) {
        LoggingSystem.bootstrap { label in handler(label: label, format: format, level: level) }
    }
}

/// What the server says when it is ready: version, address, database, migrations applied,
/// and whether it serves as the writable primary or a read-only replica.
public struct StartupReport: Sendable {
    public var version: String
    public var address: String
    public var database: String
    /// File names of the migrations this start applied (empty when the schema was current).
    public var migrationsApplied: [String]
    /// `primary`, or `read-only` for `--read-only`.
    public var mode: String
    public var primaryURL: String?

    public init(version: String = BuildInfo.version, address: String, database: String, migrationsApplied: [String], mode: String,
                primaryURL: String? = nil) {
        self.version = version
        self.address = address
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
        if let primaryURL { metadata["primary_url"] = .string(primaryURL) }
        return metadata
    }

    public func log(to logger: Logger) {
        logger.info("listening", metadata: metadata)
    }
}

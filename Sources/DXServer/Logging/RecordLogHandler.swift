import Logging

/// How one `LogRecord` becomes one line (newline included): `JSONLogLine`, `TextLogLine`.
public protocol LogLineFormat: Sendable {
    static func line(_ record: LogRecord) -> [UInt8]
}

/// The swift-log handler of both `--log-format`s: it gathers each event's fields into a
/// `LogRecord` and hands the line `Format` makes of it to `write`, so the two formats can only
/// differ in spelling, never in which fields they carry. Use `JSONLogHandler` or
/// `TextLogHandler`.
public struct RecordLogHandler<Format: LogLineFormat>: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    public var logLevel: Logger.Level = .info
    private let label: String
    private let write: @Sendable ([UInt8]) -> Void

    /// `write` receives each line with its newline (`ServerLog.writeToStandardError` in the server).
    public init(label: String, write: @escaping @Sendable ([UInt8]) -> Void) {
        self.label = label
        self.write = write
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        write(Format.line(LogRecord(event: event, label: label, metadata: metadata, provider: metadataProvider)))
    }
}

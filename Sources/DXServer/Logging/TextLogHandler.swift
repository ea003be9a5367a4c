import DXEngine
import DXTime
import Logging

/// The swift-log handler for `--log-format text`: one `key=value` line per record, shaped like
/// the access log's text line and carrying exactly the fields of the JSON line (`LogRecord`):
/// `2026-11-30T18:00:00.123Z level=info label=dxserve message=listening address=http://127.0.0.1:8080 migrations_applied=["001_init.sql"] port=8080`.
/// A value is written bare when it is a number or a plain word, and otherwise as a JSON string
/// (`AccessLog.appendTextValue`, the access log's rule), so a line stays one line and its
/// fields stay separable whatever a message holds; arrays and objects are written as JSON.
public struct TextLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    public var logLevel: Logger.Level = .info
    private let label: String
    private let write: @Sendable ([UInt8]) -> Void

    /// `write` receives each line with its newline.
    public init(label: String, write: @escaping @Sendable ([UInt8]) -> Void) {
        self.label = label
        self.write = write
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        write(line(event: event))
    }

    func line(event: LogEvent) -> [UInt8] {
        let record = LogRecord(event: event, label: label, metadata: metadata, provider: metadataProvider)
        var out: [UInt8] = []
        out.reserveCapacity(128)
        RFC3339Instant.appendUTC(seconds: record.seconds, milliseconds: record.milliseconds, to: &out)
        Self.append(" level=", .string(record.level.rawValue), to: &out)
        Self.append(" label=", .string(record.label), to: &out)
        Self.append(" message=", .string(record.message), to: &out)
        for (key, value) in record.fields {
            out.append(UInt8(ascii: " "))
            AccessLog.appendTextValue(key, to: &out)
            Self.append("=", value, to: &out)
        }
        out.append(UInt8(ascii: "\n"))
        return out
    }

    private static func append(_ separator: String, _ value: Logger.Metadata.Value, to out: inout [UInt8]) {
        out.append(contentsOf: separator.utf8)
        switch value {
        case .string(let text): AccessLog.appendTextValue(text, to: &out)
        case .stringConvertible(let convertible):
            if let scalar = value.jsonScalar {
                out.append(contentsOf: scalar.utf8)
            } else {
                AccessLog.appendTextValue(convertible.description, to: &out)
            }
        case .array, .dictionary: JSONLogHandler.append(value, to: &out)
        }
    }
}

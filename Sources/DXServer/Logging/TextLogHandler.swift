import DXEngine
import DXTime
import Logging

/// The swift-log handler for `--log-format text`.
public typealias TextLogHandler = RecordLogHandler<TextLogLine>

/// `--log-format text`: one `key=value` line per record, shaped like the access log's text
/// line and carrying exactly the fields of the JSON line (`LogRecord`):
/// `2026-11-30T18:00:00.123Z level=info label=dxserve message=listening address=http://127.0.0.1:8080 migrations_applied=["001_init.sql"] port=8080`.
/// A value is written bare when it is a number or a plain word, and otherwise as a JSON string
/// (`AccessLog.appendTextValue`, the access log's rule), so a line stays one line and its
/// fields stay separable whatever a message holds; arrays and objects are written as JSON.
public enum TextLogLine: LogLineFormat {
    public static func line(_ record: LogRecord) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(128)
        RFC3339Instant.appendUTC(seconds: record.seconds, milliseconds: record.milliseconds, to: &out)
        append(" level=", .string(record.level.rawValue), to: &out)
        append(" label=", .string(record.label), to: &out)
        append(" message=", .string(record.message), to: &out)
        for (key, value) in record.fields {
            out.append(UInt8(ascii: " "))
            AccessLog.appendTextValue(key, to: &out)
            append("=", value, to: &out)
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
        case .array, .dictionary: JSONLogLine.append(value, to: &out)
        }
    }
}

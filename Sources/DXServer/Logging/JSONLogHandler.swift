import DXEngine
import DXTime
import Logging

/// The swift-log handler for `--log-format json`.
public typealias JSONLogHandler = RecordLogHandler<JSONLogLine>

/// `--log-format json`: one JSON object per line, like the access log, so a log shipper reads
/// both from the same stream:
/// `{"time":"2026-11-30T18:00:00.123Z","level":"info","label":"dxserve","message":"listening","address":"http://…","port":8080}`.
/// Metadata are top-level keys (nested values as JSON arrays/objects, counts, durations, ports
/// and sizes as numbers); the fields are `LogRecord`'s, the same as `TextLogLine` writes.
public enum JSONLogLine: LogLineFormat {
    public static func line(_ record: LogRecord) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(128)
        out.append(contentsOf: "{\"time\":\"".utf8)
        RFC3339Instant.appendUTC(seconds: record.seconds, milliseconds: record.milliseconds, to: &out)
        out.append(contentsOf: "\",\"level\":".utf8)
        AccessLog.appendJSONString(record.level.rawValue, to: &out)
        out.append(contentsOf: ",\"label\":".utf8)
        AccessLog.appendJSONString(record.label, to: &out)
        out.append(contentsOf: ",\"message\":".utf8)
        AccessLog.appendJSONString(record.message, to: &out)
        for (key, value) in record.fields {
            out.append(UInt8(ascii: ","))
            AccessLog.appendJSONString(key, to: &out)
            out.append(UInt8(ascii: ":"))
            append(value, to: &out)
        }
        out.append(contentsOf: "}\n".utf8)
        return out
    }

    /// `value` as JSON: numbers and booleans bare (`Logger.MetadataValue.jsonScalar`), other
    /// values as strings, arrays and objects (keys sorted).
    static func append(_ value: Logger.Metadata.Value, to out: inout [UInt8]) {
        switch value {
        case .string(let text): AccessLog.appendJSONString(text, to: &out)
        case .stringConvertible(let convertible):
            if let scalar = value.jsonScalar { out.append(contentsOf: scalar.utf8) } else { AccessLog.appendJSONString(convertible.description, to: &out) }
        case .array(let values):
            out.append(UInt8(ascii: "["))
            for (i, element) in values.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                append(element, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .dictionary(let entries):
            out.append(UInt8(ascii: "{"))
            for (i, entry) in entries.sorted(by: { $0.key < $1.key }).enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                AccessLog.appendJSONString(entry.key, to: &out)
                out.append(UInt8(ascii: ":"))
                append(entry.value, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }
}

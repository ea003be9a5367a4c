import DXEngine
import DXTime
import Glibc
import Logging

/// A swift-log handler for `--log-format json`: one JSON object per line, like the access
/// log, so a log shipper reads both from the same stream:
/// `{"time":"2026-11-30T18:00:00.123Z","level":"info","label":"dxserve","message":"listening","address":"http://…"}`.
/// Metadata are top-level keys (nested values as JSON arrays/objects, counts and durations as
/// numbers); the fields are `LogRecord`'s, the same as `TextLogHandler` writes.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    public var logLevel: Logger.Level = .info
    private let label: String
    private let write: @Sendable ([UInt8]) -> Void

    /// `write` receives each line with its newline; `standardError` writes it to fd 2 at once.
    public init(label: String, write: @escaping @Sendable ([UInt8]) -> Void) {
        self.label = label
        self.write = write
    }

    /// Lines go straight to stderr, one write(2) each, so lines of different threads never mix.
    public static func standardError(label: String) -> JSONLogHandler {
        JSONLogHandler(label: label, write: ServerLog.writeToStandardError)
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
            Self.append(value, to: &out)
        }
        out.append(contentsOf: "}\n".utf8)
        return out
    }

    /// `value` as JSON: numbers and booleans bare (`Logger.Metadata.Value.jsonScalar`), other
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

import Glibc
import Logging

/// One server log record as both log formats write it, so that `--log-format text` and
/// `--log-format json` always carry the same fields: the time (RFC 3339 UTC with
/// milliseconds, like the access log), `level`, `label`, `message`, then the metadata (the
/// handler's, the provider's, the call's, in that order of precedence) sorted by key, and
/// `error` from the event when the metadata has none. A metadata key equal to `time`, `level`,
/// `label` or `message` is written as `metadata.KEY` so it cannot hide them. swift-log's
/// `[source]` (the module) is in neither: the label names the program.
public struct LogRecord: Sendable {
    static let reserved: Set<String> = ["time", "level", "label", "message"]

    /// The time it was logged: seconds since the epoch, and the milliseconds within that second.
    public var seconds: Int
    public var milliseconds: Int
    public var level: Logger.Level
    public var label: String
    public var message: String
    /// Metadata in the order written, keys already renamed.
    public var fields: [(key: String, value: Logger.Metadata.Value)]

    init(event: LogEvent, label: String, metadata: Logger.Metadata, provider: Logger.MetadataProvider?) {
        var all = metadata
        if let provided = provider?.get() { all.merge(provided) { _, new in new } }
        if let extra = event.metadata { all.merge(extra) { _, new in new } }
        if let error = event.error, all["error"] == nil { all["error"] = "\(error)" }
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        seconds = Int(now.tv_sec)
        milliseconds = Int(now.tv_nsec / 1_000_000)
        level = event.level
        self.label = label
        message = event.message.description
        fields = all.sorted { $0.key < $1.key }.map { (Self.reserved.contains($0.key) ? "metadata." + $0.key : $0.key, $0.value) }
    }
}

extension Logger.MetadataValue {
    /// The value as a JSON number or boolean, when it is one: a count, duration, port or size
    /// passed as `.stringConvertible(n)` of an integer or a finite floating-point type (or a
    /// `Bool`). Everything else, `.string` included even when it holds digits, stays a string:
    /// the call site says what a value is, the handler does not guess from its text.
    var jsonScalar: String? {
        guard case .stringConvertible(let value) = self else { return nil }
        switch value {
        case let n as any BinaryInteger: return n.description
        case let x as Double: return x.isFinite ? x.description : nil
        case let x as Float: return x.isFinite ? x.description : nil
        case let b as Bool: return b ? "true" : "false"
        default: return nil
        }
    }
}

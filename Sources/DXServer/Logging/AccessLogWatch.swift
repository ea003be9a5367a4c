import Logging
import DXSync

/// The access log cannot report its own trouble in itself: this looks at its drop and
/// write-failure counts (called once a second and at shutdown) and logs each increase once,
/// through swift-log, so lost lines are never silent. `/metrics` counts them too.
public final class AccessLogWatch: Sendable {
    private let accessLog: AccessLog
    private let logger: Logger
    private let seen = Locked<(dropped: Int, failed: Int)>((0, 0))

    public init(accessLog: AccessLog, logger: Logger) {
        self.accessLog = accessLog
        self.logger = logger
    }

    /// Logs what changed since the last call: a warning for dropped lines, an error for failed writes.
    public func check() {
        let dropped = accessLog.droppedLines
        let failed = accessLog.writeFailures
        let before = seen.withLock { last -> (dropped: Int, failed: Int) in
            let previous = last
            last = (dropped, failed)
            return previous
        }
        if dropped > before.dropped {
            logger.warning("access log dropped lines (it could not keep up)",
                           metadata: ["dropped": .stringConvertible(dropped - before.dropped), "dropped_total": .stringConvertible(dropped)])
        }
        if failed > before.failed {
            logger.error("access log writes failed (their lines are lost)",
                         metadata: ["failed": .stringConvertible(failed - before.failed), "failed_total": .stringConvertible(failed)])
        }
    }
}

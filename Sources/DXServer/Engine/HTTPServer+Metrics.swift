extension HTTPServer {
    /// Adds the engine's families to `metrics`: open connections (gauge); accept failures,
    /// evictions, timeouts by reason and failed system calls by call (counters).
    public func registerMetrics(on metrics: Metrics) {
        metrics.addGauge("dxserve_open_connections", help: "Connections open now.") { [self] in Double(connectionCount) }
        let statistics = self.statistics
        metrics.addCounter("dxserve_accept_failures_total", help: "Accepts that failed for lack of descriptors or memory.") {
            Double(statistics.acceptFailureCount)
        }
        metrics.addCounter("dxserve_connections_evicted_total",
                           help: "Idle connections closed to admit new ones at the connection limit.") {
            Double(statistics.evictionCount)
        }
        metrics.add("dxserve_request_timeouts_total", kind: .counter,
                    help: "Requests answered 408 because their head or body came too late or too slowly, by reason.") {
            EngineStatistics.TimeoutReason.allCases.map {
                Metrics.Sample(labels: [("reason", $0.rawValue)], value: Double(statistics.timeoutCount($0)))
            }
        }
        if let accessLog {
            metrics.addCounter("dxserve_access_log_dropped_lines_total", help: "Access-log lines dropped because the log could not keep up.") {
                Double(accessLog.droppedLines)
            }
            metrics.addCounter("dxserve_access_log_write_failures_total", help: "Access-log writes that failed.") {
                Double(accessLog.writeFailures)
            }
        }
        // An epoll_wait failure ends its loop (its connections are closed): worth its own alert.
        metrics.addCounter("dxserve_event_loop_errors_total", help: "Event loops ended by an epoll_wait error.") {
            Double(statistics.syscallFailureCounts["epoll_wait"] ?? 0)
        }
        metrics.add("dxserve_syscall_failures_total", kind: .counter,
                    help: "System calls that failed unexpectedly at run time, by call.") {
            statistics.syscallFailureCounts.sorted { $0.key < $1.key }.map {
                Metrics.Sample(labels: [("call", $0.key)], value: Double($0.value))
            }
        }
    }
}

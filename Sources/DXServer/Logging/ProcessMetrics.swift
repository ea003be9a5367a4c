/// The families only the executable can feed: signal-pipe failures and replica refreshes that kept the previous copy.
public enum ProcessMetrics {
    public static func register(on metrics: Metrics, signalPipeFailures: @escaping @Sendable () -> Int,
                                replicaRefreshFailures: @escaping @Sendable () -> Int) {
        metrics.addCounter("dxserve_signal_pipe_failures_total",
                           help: "Signals that could not be passed on, or a broken signal pipe (SIGTERM would not stop the server).") {
            Double(signalPipeFailures())
        }
        metrics.addCounter("dxserve_replica_refresh_failures_total",
                           help: "Newer database copies a read-only replica rejected (it kept serving the previous one).") {
            Double(replicaRefreshFailures())
        }
    }
}

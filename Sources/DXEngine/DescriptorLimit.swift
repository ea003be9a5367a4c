import DXHTTP
import CDXSystem
import Glibc

/// The process's descriptor limit (RLIMIT_NOFILE) and the connection limit derived from it.
public enum DescriptorLimit {
    /// Descriptors kept back from connections: the listener, epoll and eventfd per loop, the
    /// database (each pooled connection holds the file, its WAL and shared memory), the
    /// signal pipe, stdio and a backup or import while serving.
    public static let headroom = 256

    /// Raises the soft limit to the hard limit and returns the soft limit now in force
    /// (`Int.max` when unlimited). Throws `SocketError.failed(call: "setrlimit(RLIMIT_NOFILE)")`.
    public static func raiseToHardLimit() throws(SocketError) -> Int {
        var soft: UInt64 = 0
        var hard: UInt64 = 0
        guard dx_raise_nofile_limit(&soft, &hard) == 0 else { throw .failed(call: "setrlimit(RLIMIT_NOFILE)", errno: errno) }
        return soft >= UInt64(Int.max) ? Int.max : Int(soft)
    }

    /// The default `--max-connections` for a descriptor limit: what is left after `headroom`
    /// (a quarter of the limit when that is smaller), at least 1, at most 1,000,000.
    public static func defaultMaxConnections(descriptorLimit: Int) -> Int {
        let reserve = min(headroom, max(0, descriptorLimit) / 4)
        let available = max(0, descriptorLimit) - reserve
        return min(1_000_000, max(1, available))
    }
}

import DXHTTP
import CDXSystem

public enum CPUAffinity {
    /// How many CPUs this process may run on (`sched_getaffinity(2)`), at least 1: pinned to
    /// one core with `taskset -c 1`, the server runs one loop rather than two competing for it.
    public static func availableCPUs() -> Int { Int(dx_available_cpus()) }
}

/// What `dxserve_build_info` and the start-up log line report.
public enum BuildInfo {
    /// The server's version: the API document's `info.version` moves with it.
    public static let version = "1.0.0"
    /// The compiler that built this binary (major.minor).
    public static let swift: String = {
        #if compiler(>=6.4)
        return "6.4"
        #elseif compiler(>=6.3)
        return "6.3"
        #elseif compiler(>=6.2)
        return "6.2"
        #elseif compiler(>=6.1)
        return "6.1"
        #else
        return "6.0"
        #endif
    }()
}

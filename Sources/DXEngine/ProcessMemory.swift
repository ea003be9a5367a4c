import CDXSystem

/// The process's heap as the system sees it.
public enum ProcessMemory {
    /// Gives the free pages of every malloc arena back to the system (glibc `malloc_trim`).
    /// glibc keeps memory freed inside an arena resident; after start-up that was about 9 MB
    /// of an idle server's 40 MB RSS (issue 9). Costs a walk of the arenas: call it once,
    /// when start-up is done, not per request.
    public static func releaseFreedPages() {
        _ = dx_release_free_memory()
    }
}

import Glibc

/// Which file a path names and how it looked: device, inode, modification time and size.
/// Renaming a new copy over the path changes the inode; rewriting in place changes the time
/// or size. Two equal identities mean, for our purpose, the same unchanged file.
public struct FileIdentity: Sendable, Equatable, CustomStringConvertible {
    public let device: UInt64
    public let inode: UInt64
    /// Modification time, nanoseconds since the epoch.
    public let modifiedNanoseconds: Int64
    /// Bytes.
    public let size: Int64

    /// The identity of the file at `path` now, or nil when there is none (or it cannot be
    /// stat'ed).
    public static func of(path: String) -> FileIdentity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileIdentity(
            device: UInt64(info.st_dev), inode: UInt64(info.st_ino),
            modifiedNanoseconds: Int64(info.st_mtim.tv_sec) &* 1_000_000_000 &+ Int64(info.st_mtim.tv_nsec),
            size: Int64(info.st_size))
    }

    public var description: String { "inode=\(inode) size=\(size) mtime_ns=\(modifiedNanoseconds)" }
}

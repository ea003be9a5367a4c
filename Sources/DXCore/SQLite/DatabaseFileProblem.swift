import Glibc

/// Why the file at a path cannot be an existing SQLite database, told from the file itself
/// before SQLite opens it: SQLite's own answers for these cases mislead (an empty file opens as
/// a new, empty database and then "lacks every migration"; a directory is a "disk I/O error";
/// a missing file is "unable to open database file", naming no path). Used where a database
/// must already exist: `dxserve backup`'s source and a read replica's copies.
public enum DatabaseFileProblem: Error, Sendable, Equatable, CustomStringConvertible {
    case missing(path: String)
    /// A directory, device or other non-regular file.
    case notAFile(path: String)
    /// Zero bytes: typically a copy still being written, or one whose writer failed.
    case empty(path: String)
    /// The first 16 bytes are not SQLite's header (`SQLite format 3\0`), or the file is
    /// shorter than SQLite's 100-byte header.
    case notSQLite(path: String, size: Int64)
    /// It exists but cannot be read (permissions, I/O): the system's message.
    case unreadable(path: String, reason: String)

    /// The problem with `path`, or nil when it is a regular file starting with SQLite's header
    /// (which says nothing yet of the rest: `PRAGMA quick_check` does).
    public static func of(path: String) -> DatabaseFileProblem? {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            return code == ENOENT || code == ENOTDIR ? .missing(path: path) : .unreadable(path: path, reason: String(cString: strerror(code)))
        }
        guard info.st_mode & S_IFMT == S_IFREG else { return .notAFile(path: path) }
        guard info.st_size > 0 else { return .empty(path: path) }
        guard info.st_size >= 100 else { return .notSQLite(path: path, size: Int64(info.st_size)) }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .unreadable(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var header = [UInt8](repeating: 0, count: 16)
        let count = header.withUnsafeMutableBytes { read(fd, $0.baseAddress, 16) }
        guard count == 16 else { return .unreadable(path: path, reason: count < 0 ? String(cString: strerror(errno)) : "short read") }
        return header == sqliteHeader ? nil : .notSQLite(path: path, size: Int64(info.st_size))
    }

    /// `SQLite format 3` and a NUL: the first bytes of every SQLite 3 database file.
    static let sqliteHeader: [UInt8] = Array("SQLite format 3".utf8) + [0]

    public var description: String {
        switch self {
        case let .missing(path): "\(path) does not exist"
        case let .notAFile(path): "\(path) is not a regular file"
        case let .empty(path): "\(path) is empty (0 bytes), not an SQLite database"
        case let .notSQLite(path, size): "\(path) is not an SQLite database (\(size) bytes without SQLite's header)"
        case let .unreadable(path, reason): "\(path) cannot be read: \(reason)"
        }
    }
}

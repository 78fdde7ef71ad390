import Foundation

/// The few file operations phonebatch needs, with its own error messages.
public enum FileSystem {
    public static func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }

    /// `path` made absolute against the current directory, with `.` and `..` resolved.
    public static func absolute(_ path: String) -> String {
        let url = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true))
        return url.standardizedFileURL.path
    }

    /// Removes a SQLite file and its WAL and shared-memory companions. The companions go
    /// first: a stale WAL left beside a new database would be replayed into it.
    public static func removeDatabase(_ path: String) throws {
        for suffix in ["-wal", "-shm", "-journal", ""] where exists(path + suffix) {
            try FileManager.default.removeItem(atPath: path + suffix)
        }
    }
}

import CSQLite

/// A failure reported by SQLite, with the statement that caused it.
public struct SQLiteError: Error, CustomStringConvertible, Sendable {
    /// SQLite's primary result code (SQLITE_FULL, SQLITE_BUSY ...).
    public let code: Int32
    public let message: String
    public let sql: String?

    public var description: String {
        let base = "SQLite error \(code) (\(String(cString: sqlite3_errstr(code)))): \(message)"
        guard let sql else { return base }
        return base + " — in: \(sql.trimmingCharacters(in: .whitespacesAndNewlines).prefix(200))"
    }

    /// The disk or the file system refused a write: the database is sound, the run can resume later.
    public var isDiskFull: Bool { code & 0xFF == SQLITE_FULL }

    /// Another connection holds the lock this one needs.
    public var isBusy: Bool { code & 0xFF == SQLITE_BUSY }
}

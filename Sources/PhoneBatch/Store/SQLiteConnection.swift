import CSQLite
import Foundation

/// One connection to a SQLite file: a thin, exact layer over the C API.
///
/// Not thread-safe by design: a connection has a single owner (the `Store`), and every
/// statement it prepares belongs to it.
public final class SQLiteConnection {
    let handle: OpaquePointer
    public let path: String

    public init(path: String, readOnly: Bool = false) throws {
        var db: OpaquePointer?
        let flags = readOnly
            ? SQLITE_OPEN_READONLY
            : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        let rc = sqlite3_open_v2(path, &db, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            if let db { sqlite3_close_v2(db) }
            throw SQLiteError(code: rc, message: "\(message): \(path)", sql: nil)
        }
        handle = db
        self.path = path
        sqlite3_extended_result_codes(db, 1)
        // Another process (a second `resume`, an auditor's query) may hold the lock for a
        // while: the transaction that ends ingest sorts every number (about 3 s a million).
        sqlite3_busy_timeout(db, 60_000)
    }

    deinit {
        sqlite3_close_v2(handle)
    }

    /// Runs one or more statements that return no rows.
    public func execute(_ sql: String) throws {
        var errorMessage: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
        if rc != SQLITE_OK {
            let message = errorMessage.map { String(cString: $0) } ?? lastErrorMessage
            sqlite3_free(errorMessage)
            throw SQLiteError(code: rc, message: message, sql: sql)
        }
    }

    /// The first column of every row `sql` returns, as text (for one-off reads such as the
    /// migrator's; the store's own queries are prepared once).
    func strings(_ sql: String) throws -> [String] {
        let query = try prepare(sql)
        defer { query.reset() }
        var values: [String] = []
        while try query.step() { values.append(query.string(0)) }
        return values
    }

    public func prepare(_ sql: String) throws -> Statement {
        try Statement(connection: self, sql: sql)
    }

    /// Runs `body` in one transaction: committed if it returns, rolled back if it throws.
    /// `BEGIN IMMEDIATE` takes the write lock up front, so two processes never deadlock
    /// upgrading read locks.
    @discardableResult
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// Runs `body` in a read transaction: every query in it sees the same snapshot, and no
    /// write lock is taken (a running job is never held up by a reader).
    public func readTransaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN DEFERRED")
        defer { try? execute("COMMIT") }
        return try body()
    }

    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }
    public var changes: Int { Int(sqlite3_changes(handle)) }
    var lastErrorMessage: String { String(cString: sqlite3_errmsg(handle)) }

    /// `PRAGMA user_version`, the schema version this file was written with.
    public var userVersion: Int {
        get throws {
            let statement = try prepare("PRAGMA user_version")
            _ = try statement.step()
            return Int(statement.int64(0))
        }
    }
}

import Foundation

/// The job's SQLite file, through named operations: the rest of phonebatch never writes SQL.
///
/// Each operation that changes state is one transaction. A `Store` has a single owner; two
/// processes on one file each open their own, and SQLite's locks keep them apart.
public final class Store {
    let connection: SQLiteConnection
    private var statements: [String: Statement] = [:]
    /// False while ingest stages numbers (`commitIngestChunk` until `finishIngest`): its
    /// `record` rows refer to numbers that reach `number` only at the end.
    private(set) var checksForeignKeys = true

    /// Turns foreign-key checks on or off. SQLite ignores this inside a transaction, so it
    /// is called between them.
    func checkForeignKeys(_ on: Bool) throws {
        guard on != checksForeignKeys else { return }
        try connection.execute("PRAGMA foreign_keys = \(on ? "ON" : "OFF")")
        checksForeignKeys = on
    }

    public var path: String { connection.path }

    /// Opens (creating if needed) and migrates the file.
    public init(path: String) throws {
        connection = try SQLiteConnection(path: path)
        let migrator = Migrator(connection: connection)
        // Refuse someone else's file before touching it (WAL mode is a change to the file).
        try migrator.checkOwnership()
        try configure()
        try migrator.migrate()
    }

    /// Opens an existing file; refuses a missing one rather than creating it.
    public static func openExisting(path: String) throws -> Store {
        guard FileSystem.exists(path) else { throw PhoneBatchError.databaseNotFound(path: path) }
        return try Store(path: path)
    }

    private func configure() throws {
        // WAL: readers (an auditor, `status`) never block the run. Switching a new file to it
        // takes an exclusive lock for which SQLite does not wait (the busy timeout does not
        // apply): two processes opening one new file at once would see "database is locked".
        // So the switch is tried again, for as long as the busy timeout would have waited.
        var tries = 0
        while true {
            do {
                try connection.execute("PRAGMA journal_mode = WAL")
                break
            } catch let error as SQLiteError where error.isBusy && tries < 200 {
                tries += 1
                usleep(50_000)
            }
        }
        // synchronous=FULL: a committed transaction survives a power cut, which "intent
        // before effect" relies on.
        try connection.execute("""
            PRAGMA synchronous = FULL;
            PRAGMA foreign_keys = ON;
            PRAGMA cache_size = -8192;
            PRAGMA temp_store = MEMORY;
            """)
        // For the disk-full tests: a cap on the file's pages makes SQLite fail a write with
        // SQLITE_FULL exactly as a full disk does, without needing a full disk.
        if let pages = ProcessInfo.processInfo.environment[Self.maxPagesVariable].flatMap(Int.init), pages > 0 {
            try connection.execute("PRAGMA max_page_count = \(pages)")
        }
    }

    /// `PHONEBATCH_MAX_DB_PAGES`: the most pages the database may grow to (testing only).
    public static let maxPagesVariable = "PHONEBATCH_MAX_DB_PAGES"

    /// The statement for `sql`, prepared on first use and kept.
    func statement(_ sql: String) throws -> Statement {
        if let cached = statements[sql] { return cached }
        let prepared = try connection.prepare(sql)
        statements[sql] = prepared
        return prepared
    }

    func transaction<T>(_ body: () throws -> T) throws -> T {
        do {
            return try connection.transaction(body)
        } catch let error as SQLiteError where error.isDiskFull {
            throw PhoneBatchError.diskFull(reason: error.message)
        }
    }

    /// One value from a query that returns one row of one integer.
    func scalar(_ sql: String, _ bind: (Statement) -> Void = { _ in }) throws -> Int64 {
        let query = try statement(sql)
        defer { query.reset() }
        bind(query)
        guard try query.step() else { return 0 }
        return query.int64(0)
    }
}

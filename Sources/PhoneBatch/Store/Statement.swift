import CSQLite

/// A prepared statement. Prepared once by its owner and reset between uses.
public final class Statement {
    private let statement: OpaquePointer
    private unowned let connection: SQLiteConnection
    public let sql: String

    /// SQLite copies bound text and blobs immediately.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(connection: SQLiteConnection, sql: String) throws {
        var prepared: OpaquePointer?
        let rc = sqlite3_prepare_v3(connection.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &prepared, nil)
        guard rc == SQLITE_OK, let prepared else {
            throw SQLiteError(code: rc, message: connection.lastErrorMessage, sql: sql)
        }
        self.statement = prepared
        self.connection = connection
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(statement)
    }

    // MARK: Binding (1-based, as in SQLite)

    public func bind(_ index: Int32, _ value: Int64?) {
        if let value { sqlite3_bind_int64(statement, index, value) } else { sqlite3_bind_null(statement, index) }
    }

    public func bind(_ index: Int32, _ value: Int?) {
        bind(index, value.map(Int64.init))
    }

    public func bind(_ index: Int32, _ value: Double?) {
        if let value { sqlite3_bind_double(statement, index, value) } else { sqlite3_bind_null(statement, index) }
    }

    public func bind(_ index: Int32, _ value: Bool) {
        sqlite3_bind_int64(statement, index, value ? 1 : 0)
    }

    public func bind(_ index: Int32, _ value: String?) {
        guard var text = value else { sqlite3_bind_null(statement, index); return }
        text.withUTF8 { bytes in
            bindText(index, bytes: UnsafeRawBufferPointer(bytes))
        }
    }

    /// Binds UTF-8 bytes as text without building a String first.
    public func bindText(_ index: Int32, bytes: UnsafeRawBufferPointer) {
        // SQLite reads a NULL pointer as SQL NULL; an empty text needs a valid pointer.
        let empty: StaticString = ""
        let pointer = bytes.baseAddress ?? UnsafeRawPointer(empty.utf8Start)
        sqlite3_bind_text(statement, index, pointer.assumingMemoryBound(to: CChar.self), Int32(bytes.count), Self.transient)
    }

    public func bindNull(_ index: Int32) {
        sqlite3_bind_null(statement, index)
    }

    // MARK: Stepping

    /// Steps once: true when a row is available.
    @discardableResult
    public func step() throws -> Bool {
        let rc = sqlite3_step(statement)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let error = SQLiteError(code: rc, message: connection.lastErrorMessage, sql: sql)
            sqlite3_reset(statement)
            throw error
        }
    }

    /// Runs a statement that returns no rows and resets it for the next use.
    public func run() throws {
        defer { reset() }
        _ = try step()
    }

    public func reset() {
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
    }

    // MARK: Columns (0-based, as in SQLite)

    public func isNull(_ column: Int32) -> Bool {
        sqlite3_column_type(statement, column) == SQLITE_NULL
    }

    public func int64(_ column: Int32) -> Int64 {
        sqlite3_column_int64(statement, column)
    }

    public func optionalInt64(_ column: Int32) -> Int64? {
        isNull(column) ? nil : int64(column)
    }

    public func double(_ column: Int32) -> Double {
        sqlite3_column_double(statement, column)
    }

    public func string(_ column: Int32) -> String {
        guard let text = sqlite3_column_text(statement, column) else { return "" }
        let count = Int(sqlite3_column_bytes(statement, column))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    public func optionalString(_ column: Int32) -> String? {
        isNull(column) ? nil : string(column)
    }

    /// The column's UTF-8 bytes, valid until the next step or reset.
    public func textBytes(_ column: Int32) -> UnsafeRawBufferPointer {
        guard let text = sqlite3_column_text(statement, column) else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: text, count: Int(sqlite3_column_bytes(statement, column)))
    }
}

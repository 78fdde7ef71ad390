/// The schema of a phonebatch file, and how older files are brought up to it.
///
/// `schema.sql` at the root of the repository is the published schema; `Schema.text` is the
/// same bytes, built into the binary by `scripts/sync-schema`, and a test keeps them equal.
public enum Schema {
    /// `PRAGMA user_version` of a file written with `text`.
    public static let version = 6

    /// The steps from each older version to the next: `migrations[v - 1]` takes a file from
    /// version v to v + 1. Tables only: every view is dropped before the steps and created
    /// again from `viewsText` after them, so views are written once, in schema.sql. When schema.sql
    /// changes, append the step here and bump `version`; a test checks that a migrated file
    /// equals a new one.
    static let migrations: [String] = [
        // 1 -> 2: the provider stages (polls, deferred retries) and the unified answer columns.
        """
        ALTER TABLE batch ADD COLUMN next_check_at TEXT;
        ALTER TABLE batch ADD COLUMN submitted_at TEXT;
        ALTER TABLE batch ADD COLUMN polls INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE result ADD COLUMN line_status TEXT CHECK (line_status IN ('connected', 'disconnected', 'unreachable', 'busy',
                                                'no_coverage', 'invalid', 'unknown'));
        ALTER TABLE result ADD COLUMN carrier TEXT;
        ALTER TABLE result ADD COLUMN ported TEXT;
        ALTER TABLE result ADD COLUMN timezone TEXT;
        """,
        // 2 -> 3: the job lease (one process reads the input), and a number's batches indexed.
        """
        ALTER TABLE job ADD COLUMN lease_owner TEXT;
        ALTER TABLE job ADD COLUMN lease_until TEXT;
        CREATE INDEX batch_number_by_number ON batch_number (e164);
        """,
        // 3 -> 4: Phone Confirm's tables, exactly as schema.sql writes them.
        section(from: phoneConfirmMarker, to: viewsMarker),
        // 4 -> 5: a staging table for the numbers being read (schema 6 drops it again).
        """
        CREATE TABLE ingest_number (e164 INTEGER NOT NULL, region TEXT, type TEXT NOT NULL, valid INTEGER NOT NULL,
                                    national TEXT NOT NULL, location TEXT, error TEXT, state TEXT NOT NULL,
                                    first_row INTEGER NOT NULL);
        """,
        // 5 -> 6: the engine's metadata version per job; each row's hint; numbers numbered
        // in the order they were read (E.164 an indexed column), with their range carrier and
        // time zones; no staging table (empty but in a job still reading its input, which
        // reads it again anyway: its numbers were judged by other metadata).
        """
        ALTER TABLE job ADD COLUMN metadata_version TEXT NOT NULL DEFAULT '8.12.57';
        ALTER TABLE record ADD COLUMN hint TEXT;
        ALTER TABLE record ADD COLUMN number_id INTEGER REFERENCES number (id);
        DROP TABLE ingest_number;
        """ + section(from: numbersMarker, to: numberIndexesMarker).replacingOccurrences(of: "CREATE TABLE number (", with: "CREATE TABLE number_v6 (") + """
        INSERT INTO number_v6 (e164, region, type, valid, national, location, error, state, first_row)
        SELECT e164, region, type, valid, national, location, error, state, first_row FROM number ORDER BY first_row;
        DROP TABLE number;
        ALTER TABLE number_v6 RENAME TO number;
        """ + section(from: numberIndexesMarker, to: batchMarker) + """
        UPDATE record SET number_id = (SELECT id FROM number WHERE number.e164 = record.e164) WHERE e164 IS NOT NULL;
        """,
    ]

    /// The markers in schema.sql before the number table, before its indexes, and after them.
    static let numbersMarker = "-- ==== Numbers:"
    static let numberIndexesMarker = "-- ==== Number indexes."
    static let batchMarker = "-- A provider call (or group of calls)"

    /// The marker in schema.sql before Phone Confirm's tables.
    static let phoneConfirmMarker = "-- ==== Phone Confirm"

    /// The text of schema.sql from one marker up to the next.
    static func section(from start: String, to end: String) -> String {
        guard let from = text.range(of: start), let to = text.range(of: end, range: from.upperBound..<text.endIndex) else { return "" }
        return String(text[from.lowerBound..<to.lowerBound])
    }

    /// The marker in schema.sql after which only views follow.
    static let viewsMarker = "-- ==== Views."

    /// The views of schema.sql.
    static var viewsText: String {
        guard let range = text.range(of: viewsMarker) else { return "" }
        return String(text[range.lowerBound...])
    }
}

/// Creates the schema in an empty file, or migrates an older one.
struct Migrator {
    let connection: SQLiteConnection

    /// Throws unless the file is empty or one phonebatch can read.
    func checkOwnership() throws {
        // One statement, so one snapshot: read apart, another process creating the schema
        // could commit between the two reads, and a new file would look like someone else's.
        let statement = try connection.prepare("SELECT (SELECT user_version FROM pragma_user_version), (SELECT COUNT(*) FROM sqlite_master)")
        defer { statement.reset() }
        _ = try statement.step()
        let current = Int(statement.int64(0)), objects = statement.int64(1)
        if current > Schema.version {
            throw PhoneBatchError.databaseTooNew(path: connection.path, version: current, supported: Schema.version)
        }
        if current == 0, objects > 0 {
            throw PhoneBatchError.notAPhoneBatchDatabase(path: connection.path)
        }
    }

    func migrate() throws {
        try checkOwnership()
        if try connection.userVersion == Schema.version { return }
        // A table made again is dropped and renamed, which foreign keys would refuse while
        // other tables refer to it (it is checked after, inside the transaction).
        try connection.execute("PRAGMA foreign_keys = OFF")
        defer { try? connection.execute("PRAGMA foreign_keys = ON") }
        try connection.transaction {
            // Read again under the write lock: another process opening the same new file may
            // have created the schema a moment ago.
            let current = try connection.userVersion
            if current == Schema.version { return }
            if current == 0 {
                try connection.execute(Schema.text)
            } else {
                // Views first: a table they read may be dropped and made again.
                try dropViews()
                for step in Schema.migrations[(current - 1)...] {
                    try connection.execute(step)
                }
                try connection.execute(Schema.viewsText)
                // Tables made again (the number table, for schema 6) keep every reference.
                guard try connection.strings("SELECT \"table\" FROM pragma_foreign_key_check").isEmpty else {
                    throw PhoneBatchError.notAPhoneBatchDatabase(path: connection.path)
                }
            }
            try connection.execute("PRAGMA user_version = \(Schema.version)")
        }
    }

    private func dropViews() throws {
        let names = try connection.strings("SELECT name FROM sqlite_master WHERE type = 'view'")
        for name in names { try connection.execute("DROP VIEW \"\(name)\"") }
    }
}

/// The schema of a phonebatch file, and how older files are brought up to it.
///
/// `schema.sql` at the root of the repository is the published schema; `Schema.text` is the
/// same bytes, built into the binary by `scripts/sync-schema`, and a test keeps them equal.
public enum Schema {
    /// `PRAGMA user_version` of a file written with `text`.
    public static let version = 1

    /// The steps from each older version to the next: `migrations[v - 1]` takes a file from
    /// version v to v + 1. Empty while there is one version; when schema.sql changes, append
    /// the step here, bump `version`, and a test checks that a migrated file equals a new one.
    static let migrations: [String] = []
}

/// Creates the schema in an empty file, or migrates an older one.
struct Migrator {
    let connection: SQLiteConnection

    /// Throws unless the file is empty or one phonebatch can read.
    func checkOwnership() throws {
        let current = try connection.userVersion
        if current > Schema.version {
            throw PhoneBatchError.databaseTooNew(path: connection.path, version: current, supported: Schema.version)
        }
        if current == 0, !(try connection.isEmpty) {
            throw PhoneBatchError.notAPhoneBatchDatabase(path: connection.path)
        }
    }

    func migrate() throws {
        try checkOwnership()
        let current = try connection.userVersion
        if current == Schema.version { return }
        try connection.transaction {
            if current == 0 {
                try connection.execute(Schema.text)
            } else {
                for step in Schema.migrations[(current - 1)...] {
                    try connection.execute(step)
                }
            }
            try connection.execute("PRAGMA user_version = \(Schema.version)")
        }
    }
}

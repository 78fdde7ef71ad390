extension Store {
    /// Gets the file ready for a process to read the input (from the start or from its
    /// checkpoint): the number indexes are dropped, since numbers arrive in random E.164 order
    /// (`finishIngest` builds them again), and foreign keys are not checked meanwhile (rows
    /// refer to numbers by E.164, which needs the index). Returns the numbers read so far,
    /// each with its id, so that a resumed reading describes each number once.
    ///
    /// Until `finishIngest`, a commit does not wait for the disk (`synchronous = NORMAL`, and
    /// checkpoints every 40 MB of log rather than 4): a power cut may lose the last chunks
    /// committed, never part of one, and a resumed run reads those rows again. Nothing has
    /// been sent to a provider before ingest ends, so no "intent before effect" depends on
    /// them. Waiting for the disk at each of the fifty chunks of a million rows, and at the
    /// checkpoints, took more than a second of eight.
    public func beginIngest() throws -> [(e164: Int64, id: Int64)] {
        try connection.execute("PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 10000;")
        try checkForeignKeys(false)
        try transaction {
            try connection.execute("DROP INDEX IF EXISTS number_by_e164; DROP INDEX IF EXISTS number_pending;")
        }
        var seen: [(e164: Int64, id: Int64)] = []
        let query = try statement("SELECT e164, id FROM number")
        defer { query.reset() }
        while try query.step() { seen.append((query.int64(0), query.int64(1))) }
        return seen
    }

    /// Commits a chunk of rows with the numbers read for the first time (each then described,
    /// appended to `number`, queued by `queue`), an event per malformed row, and the
    /// checkpoint after them: one transaction, so a crash leaves either all of it or none.
    ///
    /// The checkpoint moves only from where the chunk starts, and the job lease of `owner` is
    /// renewed with it: rows another process has committed are never committed twice.
    public func commitIngestChunk(_ chunk: IngestChunk, queue: QueuePolicy, owner: String) throws {
        try checkForeignKeys(false)
        try transaction {
            // The checkpoint first: a chunk another process has already committed stops here.
            let checkpoint = try statement("""
                UPDATE job SET ingest_offset = ?, ingest_next_row = ?, ingest_next_line = ?, updated_at = ?,
                               lease_owner = ?, lease_until = ?
                WHERE id = 1 AND ingest_offset = ?
                """)
            checkpoint.bind(1, chunk.checkpoint.offset)
            checkpoint.bind(2, chunk.checkpoint.nextRow)
            checkpoint.bind(3, chunk.checkpoint.nextLine)
            checkpoint.bind(4, Timestamp.now())
            checkpoint.bind(5, owner)
            checkpoint.bind(6, Timestamp.after(seconds: Self.jobLeaseSeconds))
            checkpoint.bind(7, chunk.startOffset)
            try checkpoint.run()
            // Rolled back: another process took the job over while this one stalled.
            guard connection.changes == 1 else { throw PhoneBatchError.ingestTakenOver(path: path) }
            let newNumbers = chunk.rows.indices.filter { chunk.rows[$0].newNumber != nil }
            try insertRows(into: "number (e164, region, type, valid, national, location, error, state, first_row, range_carrier, time_zones, id)",
                           columns: 12, count: newNumbers.count) { insert, index, base in
                let row = chunk.rows[newNumbers[index]], number = row.newNumber!
                insert.bind(base + 12, row.numberID)
                insert.bind(base + 1, number.e164)
                insert.bind(base + 2, number.region)
                insert.bind(base + 3, number.type.rawValue)
                insert.bind(base + 4, number.isValid)
                insert.bind(base + 5, number.national)
                insert.bind(base + 6, number.location)
                insert.bind(base + 7, number.invalidReason)
                insert.bind(base + 8, queue.queues(number) ? "pending" : "local")
                insert.bind(base + 9, row.rowNo)
                insert.bind(base + 10, number.rangeCarrier)
                insert.bind(base + 11, number.timeZones)
            }
            try insertRows(into: "record (row_no, line_no, phone_raw, country_raw, region, status, error, e164, hint, number_id)",
                           columns: 10, count: chunk.rows.count) { insert, index, base in
                let row = chunk.rows[index]
                insert.bind(base + 1, row.rowNo)
                insert.bind(base + 2, row.line)
                insert.bind(base + 3, row.phoneRaw)
                insert.bind(base + 4, row.countryRaw)
                insert.bind(base + 5, row.region)
                insert.bind(base + 6, row.status.rawValue)
                insert.bind(base + 7, row.error)
                insert.bind(base + 8, row.e164)
                insert.bind(base + 9, row.hint)
                insert.bind(base + 10, row.numberID)
            }
            for row in chunk.rows where row.code != nil || row.status == .malformed {
                if let code = row.code {
                    let insertCode = try statement("INSERT INTO confirm_row (row_no, code) VALUES (?, ?)")
                    insertCode.bind(1, row.rowNo)
                    insertCode.bind(2, code)
                    try insertCode.run()
                }
                if row.status == .malformed {
                    try appendEvent(Event(kind: "row_malformed", rowNo: row.rowNo, detail: [
                        "line": .int(row.line), "reason": .optional(row.error),
                    ]))
                }
            }
            // One per chunk: the report's timeline of rows read and checked, minute by minute.
            try appendEvent(Event(kind: "rows_read", detail: [
                "rows": .int(chunk.rows.count), "through_row": .int(chunk.checkpoint.nextRow - 1),
            ]))
        }
    }

    /// Inserts `count` rows of `columns` values into `table (columns...)`, binding row
    /// `index`'s values from parameter `base + 1` on: in statements of `insertGroup` rows,
    /// since SQLite's work per statement, not per value, is most of an insert's cost.
    private func insertRows(into table: String, columns: Int, count: Int,
                            bind: (Statement, _ index: Int, _ base: Int32) -> Void) throws {
        let row = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
        let group = try statement("INSERT INTO \(table) VALUES " + Array(repeating: row, count: Self.insertGroup).joined(separator: ", "))
        let single = try statement("INSERT INTO \(table) VALUES " + row)
        var index = 0
        while index + Self.insertGroup <= count {
            for offset in 0..<Self.insertGroup { bind(group, index + offset, Int32(offset * columns)) }
            try group.run()
            index += Self.insertGroup
        }
        while index < count {
            bind(single, index, 0)
            try single.run()
            index += 1
        }
    }

    /// Rows an insert statement carries (11 values a row stays well under SQLite's limit of
    /// 32,766 parameters).
    static let insertGroup = 64

    /// Ends ingest in one transaction: the number indexes are built (one sort each; the sort
    /// may spill to a temporary file, where in memory it would take memory in proportion to
    /// the numbers) and the job moves to plan.
    ///
    /// - Parameter timings: where this process's reading went, recorded with the event
    ///   `ingest_timings` (seconds; building the indexes added).
    public func finishIngest(timings: IngestTimings = IngestTimings()) throws {
        try connection.execute("PRAGMA temp_store = FILE")
        defer { try? connection.execute("PRAGMA temp_store = MEMORY") }
        var indexing = Stopwatch()
        try transaction {
            // Another process that took the job over may have ended ingest already.
            guard try scalar("SELECT stage = 'ingest' FROM job") == 1 else { return }
            try indexing.time { try connection.execute(Schema.section(from: Schema.numberIndexesMarker, to: Schema.batchMarker)) }
            try appendEvent(Event(kind: "ingest_timings", detail: [
                "rows": .int(timings.rows), "reading_s": .double(timings.reading), "preparing_s": .double(timings.preparing),
                "engine_s": .double(timings.engine), "waiting_for_engine_s": .double(timings.waitingForEngine),
                "storing_s": .double(timings.storing), "indexing_s": .double(indexing.seconds),
            ]))
            try writeStage(.plan)
        }
        try checkForeignKeys(true)
        try connection.execute("PRAGMA synchronous = FULL; PRAGMA wal_autocheckpoint = 1000;")
    }

    /// Forgets what ingest has read so far and starts it again from `start`, judged by
    /// `metadataVersion`: for a job an older phonebatch began and stopped while reading. One
    /// transaction, guarded by the job lease of `owner`; the events of the first reading stay
    /// (they are append-only), followed by one that says why it starts again.
    public func restartIngest(from start: IngestCheckpoint, metadataVersion: String, owner: String) throws {
        let previous = try loadJob()?.metadataVersion
        try checkForeignKeys(false)
        try transaction {
            guard try scalar("SELECT stage = 'ingest' AND lease_owner IS ? FROM job", { $0.bind(1, owner) }) == 1 else {
                throw PhoneBatchError.ingestTakenOver(path: path)
            }
            for table in ["confirm_row", "record", "number"] {
                try statement("DELETE FROM \(table)").run()
            }
            let update = try statement("""
                UPDATE job SET ingest_offset = ?, ingest_next_row = ?, ingest_next_line = ?, metadata_version = ?, updated_at = ?
                WHERE id = 1
                """)
            update.bind(1, start.offset)
            update.bind(2, start.nextRow)
            update.bind(3, start.nextLine)
            update.bind(4, metadataVersion)
            update.bind(5, Timestamp.now())
            try update.run()
            try appendEvent(Event(kind: "ingest_restarted", detail: [
                "reason": .string("begun with other metadata"), "previous_metadata": .optional(previous),
                "metadata": .string(metadataVersion),
            ]))
        }
    }
}

import Foundation

extension Store {
    /// The job this file holds, or nil for a new file.
    public func loadJob() throws -> JobRecord? {
        let query = try statement("""
            SELECT input_path, input_size, input_sha256, output_path, output_format, provider, options,
                   delimiter, line_ending, has_bom, header, phone_column, country_column, default_region,
                   stage, ingest_offset, ingest_next_row, ingest_next_line, token, metadata_version
            FROM job WHERE id = 1
            """)
        defer { query.reset() }
        guard try query.step() else { return nil }
        guard let header = try? JSONDecoder().decode([String].self, from: Data(query.string(10).utf8)) else {
            throw PhoneBatchError.notAPhoneBatchDatabase(path: path)
        }
        return JobRecord(
            input: InputFingerprint(path: query.string(0), size: query.int64(1), sha256: query.string(2)),
            outputPath: query.string(3),
            format: OutputFormat(rawValue: query.string(4)) ?? .csv,
            provider: query.string(5),
            optionsJSON: query.string(6),
            dialect: CSVDialect(delimiter: query.string(7).utf8.first ?? UInt8(ascii: ","),
                                lineEnding: LineEnding(rawValue: query.string(8)) ?? .lf,
                                hasBOM: query.int64(9) != 0),
            header: header,
            phoneColumn: Int(query.int64(11)),
            countryColumn: query.optionalInt64(12).map(Int.init),
            defaultRegion: query.optionalString(13),
            stage: JobStage(rawValue: query.string(14)) ?? .ingest,
            ingestCheckpoint: IngestCheckpoint(offset: query.int64(15), nextRow: Int(query.int64(16)),
                                               nextLine: Int(query.int64(17))),
            token: query.string(18),
            metadataVersion: query.string(19)
        )
    }

    /// Writes the job row and the `run_started` event. Returns false, writing nothing, when
    /// another process created the job first (two runs started at once on one input).
    @discardableResult
    public func createJob(_ job: JobRecord) throws -> Bool {
        let now = Timestamp.now()
        let headerJSON = String(decoding: try JSONEncoder().encode(job.header), as: UTF8.self)
        return try transaction {
            let insert = try statement("""
                INSERT INTO job (id, token, phonebatch_version, input_path, input_size, input_sha256, output_path,
                                 output_format, provider, options, delimiter, line_ending, has_bom, header,
                                 phone_column, country_column, default_region, stage, ingest_offset,
                                 ingest_next_row, ingest_next_line, created_at, updated_at, metadata_version)
                VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO NOTHING
                """)
            insert.bind(1, job.token)
            insert.bind(2, PhoneBatchVersion.current)
            insert.bind(3, job.input.path)
            insert.bind(4, job.input.size)
            insert.bind(5, job.input.sha256)
            insert.bind(6, job.outputPath)
            insert.bind(7, job.format.rawValue)
            insert.bind(8, job.provider)
            insert.bind(9, job.optionsJSON)
            insert.bind(10, String(UnicodeScalar(job.dialect.delimiter)))
            insert.bind(11, job.dialect.lineEnding.rawValue)
            insert.bind(12, job.dialect.hasBOM)
            insert.bind(13, headerJSON)
            insert.bind(14, job.phoneColumn)
            insert.bind(15, job.countryColumn)
            insert.bind(16, job.defaultRegion)
            insert.bind(17, job.stage.rawValue)
            insert.bind(18, job.ingestCheckpoint.offset)
            insert.bind(19, job.ingestCheckpoint.nextRow)
            insert.bind(20, job.ingestCheckpoint.nextLine)
            insert.bind(21, now)
            insert.bind(22, now)
            insert.bind(23, job.metadataVersion)
            try insert.run()
            guard connection.changes == 1 else { return false }
            try appendEvent(Event(kind: "run_started", detail: [
                "input": .string(job.input.path), "size": .int(job.input.size), "sha256": .string(job.input.sha256),
                "provider": .string(job.provider), "options": .raw(job.optionsJSON),
                "metadata": .string(job.metadataVersion),
            ]))
            return true
        }
    }

    /// Moves the job to `stage`, with an event saying so.
    public func setStage(_ stage: JobStage) throws {
        try transaction { try writeStage(stage) }
    }

    /// `setStage` inside a transaction the caller holds.
    func writeStage(_ stage: JobStage) throws {
        let update = try statement("UPDATE job SET stage = ?, updated_at = ? WHERE id = 1")
        update.bind(1, stage.rawValue)
        update.bind(2, Timestamp.now())
        try update.run()
        try appendEvent(Event(kind: "stage_\(stage.rawValue)"))
    }
}

extension Store {
    /// Keeps a run's output path, format and options (the output choices among them) as
    /// the job's, for `resume` and `export`.
    func updateOutputSettings(of job: JobRecord) throws {
        try transaction {
            let update = try statement("UPDATE job SET output_path = ?, output_format = ?, options = ?, updated_at = ? WHERE id = 1")
            update.bind(1, job.outputPath)
            update.bind(2, job.format.rawValue)
            update.bind(3, job.optionsJSON)
            update.bind(4, Timestamp.now())
            try update.run()
        }
    }
}

extension Store {
    /// The job's summary, read in one transaction so that its breakdowns agree;
    /// `breakdowns`: the rows as the exporter counted them, when it has.
    public func summary(breakdowns: RowBreakdowns? = nil) throws -> JobSummary {
        guard let job = try loadJob() else { throw PhoneBatchError.notAPhoneBatchDatabase(path: path) }
        return try connection.readTransaction { try summary(of: job, breakdowns: breakdowns) }
    }

    /// The summary, inside a transaction the caller holds, from `breakdowns` (the exporter's
    /// counts) or, when nil, counted here in one pass over `row_result`: grouped by all four
    /// columns at once, then summed.
    func summary(of job: JobRecord, breakdowns: RowBreakdowns? = nil) throws -> JobSummary {
        let breakdowns = try breakdowns ?? countBreakdowns()
        let byStatus = breakdowns.status.tally.sorted
        return JobSummary(
            inputPath: job.input.path, outputPath: job.outputPath, databasePath: path, provider: job.provider,
            stage: job.stage, rows: byStatus.reduce(0) { $0 + $1.1 }, byStatus: byStatus, byType: breakdowns.type.tally.sorted,
            byRegion: breakdowns.region.tally.sorted(keeping: JobSummary.regionsShown, rest: "other"),
            byLineStatus: breakdowns.lineStatus.tally.sorted,
            providerErrors: try namedCounts("""
                SELECT provider || ': ' || class, COUNT(*) FROM (
                    SELECT provider, replace(\(RequestOutcome.sql), '_', ' ') AS class FROM request_log
                    UNION ALL
                    SELECT (SELECT b.provider FROM batch_number bn JOIN batch b ON b.id = bn.batch_id
                            WHERE bn.e164 = n.e164 LIMIT 1), 'number given up'
                    FROM number n WHERE n.state = 'failed'
                ) WHERE class <> 'ok' GROUP BY 1 ORDER BY 2 DESC, 1
                """))
    }

    private func countBreakdowns() throws -> RowBreakdowns {
        let query = try statement("""
            SELECT pb_status, pb_type, pb_region, pb_line_status, COUNT(*) FROM row_result GROUP BY 1, 2, 3, 4
            """)
        defer { query.reset() }
        var breakdowns = RowBreakdowns()
        while try query.step() {
            let count = Int(query.int64(4))
            breakdowns.status.add(query.string(0), count)
            if let value = query.optionalString(1) { breakdowns.type.add(value, count) }
            if let value = query.optionalString(2) { breakdowns.region.add(value, count) }
            if let value = query.optionalString(3) { breakdowns.lineStatus.add(value, count) }
        }
        return breakdowns
    }

    /// The rows of a `SELECT name, COUNT(*)` query, in its order.
    func namedCounts(_ sql: String) throws -> [(String, Int)] {
        let query = try statement(sql)
        defer { query.reset() }
        var pairs: [(String, Int)] = []
        while try query.step() { pairs.append((query.string(0), Int(query.int64(1)))) }
        return pairs
    }
}

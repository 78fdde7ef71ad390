extension Store {
    /// The job's status, read in one transaction so that its figures agree with each other.
    public func status() throws -> JobStatus {
        guard let job = try loadJob() else { throw PhoneBatchError.notAPhoneBatchDatabase(path: path) }
        return try connection.readTransaction {
            let times = try statement("""
                SELECT (SELECT at FROM event ORDER BY id LIMIT 1), (SELECT at FROM event ORDER BY id DESC LIMIT 1),
                       (julianday((SELECT at FROM event ORDER BY id DESC LIMIT 1))
                        - julianday((SELECT at FROM event ORDER BY id LIMIT 1))) * 86400.0,
                       (julianday('now') - julianday((SELECT at FROM event ORDER BY id DESC LIMIT 1))) * 86400.0
                """)
            defer { times.reset() }
            _ = try times.step()
            let idle = max(0, times.double(3))
            let finished = job.stage == .done
            var status = JobStatus(
                databasePath: path, inputPath: job.input.path, outputPath: job.outputPath, provider: job.provider,
                stage: job.stage, startedAt: times.optionalString(0), lastActivityAt: times.optionalString(1),
                elapsedSeconds: max(0, times.double(2)) + (finished ? 0 : idle), idleSeconds: idle,
                numbersByState: try namedCounts("SELECT state, count FROM progress WHERE what = 'numbers' ORDER BY 2 DESC"),
                batches: try batchCounts(), requests: try requestCounts(), summary: try summary(of: job),
                numbersLeft: Int(try scalar("SELECT COUNT(*) FROM number WHERE state IN ('pending', 'batched')")),
                recentRate: nil)
            status.recentRate = try recentRate()
            return status
        }
    }

    private func batchCounts() throws -> [JobStatus.Batches] {
        let query = try statement("SELECT provider, state, COUNT(*) FROM batch GROUP BY provider, state ORDER BY provider")
        defer { query.reset() }
        var byProvider: [JobStatus.Batches] = []
        while try query.step() {
            let provider = query.string(0), count = Int(query.int64(2))
            if byProvider.last?.provider != provider { byProvider.append(JobStatus.Batches(provider: provider)) }
            switch query.string(1) {
            case "planned": byProvider[byProvider.count - 1].pending = count
            case "submitting": byProvider[byProvider.count - 1].sending = count
            case "submitted": byProvider[byProvider.count - 1].atProvider = count
            case "done": byProvider[byProvider.count - 1].done = count
            default: byProvider[byProvider.count - 1].failed = count
            }
        }
        return byProvider
    }

    private func requestCounts() throws -> [JobStatus.Requests] {
        let query = try statement("""
            SELECT provider, \(RequestOutcome.sql) AS class, COUNT(*), COALESCE(SUM(units), 0)
            FROM request_log GROUP BY 1, 2 ORDER BY 1, 3 DESC
            """)
        defer { query.reset() }
        var byProvider: [JobStatus.Requests] = []
        while try query.step() {
            let provider = query.string(0)
            if byProvider.last?.provider != provider { byProvider.append(JobStatus.Requests(provider: provider)) }
            let count = Int(query.int64(2))
            byProvider[byProvider.count - 1].requests += count
            byProvider[byProvider.count - 1].units += Int(query.int64(3))
            byProvider[byProvider.count - 1].byClass.append((query.string(1), count))
        }
        return byProvider
    }

    /// Numbers answered a second over the ten minutes before the last batch settled.
    private func recentRate() throws -> Double? {
        let query = try statement("""
            WITH last AS (SELECT MAX(at) AS at FROM event WHERE kind = 'batch_done'),
                 recent AS (SELECT e.at, json_extract(e.detail, '$.answers') AS answers FROM event e, last
                            WHERE e.kind = 'batch_done' AND julianday(e.at) > julianday(last.at) - 600.0 / 86400.0)
            SELECT SUM(answers), (julianday(MAX(at)) - julianday(MIN(at))) * 86400.0, COUNT(*) FROM recent
            """)
        defer { query.reset() }
        guard try query.step(), query.int64(2) > 1, query.double(1) > 0 else { return nil }
        return Double(query.int64(0)) / query.double(1)
    }
}

import Foundation

extension Store {
    /// Everything the report draws, read in one transaction. `prices` gives each provider's
    /// price for a unit, from the config (nil: none configured).
    public func report(prices: (String) -> Pricing?) throws -> JobReport {
        guard let job = try loadJob() else { throw PhoneBatchError.notAPhoneBatchDatabase(path: path) }
        return try connection.readTransaction {
            let span = try statement("""
                SELECT MIN(at), MAX(at), (julianday(MAX(at)) - julianday(MIN(at))) * 86400.0 FROM event
                """)
            defer { span.reset() }
            _ = try span.step()
            return JobReport(
                summary: try summary(of: job), generatedAt: Timestamp.now(),
                startedAt: span.optionalString(0), finishedAt: job.stage == .done ? span.optionalString(1) : nil,
                elapsedSeconds: max(0, span.double(2)), distinctNumbers: Int(try scalar("SELECT COUNT(*) FROM number")),
                timeline: try timeline(), spend: try spend(prices: prices))
        }
    }

    /// The run minute by minute, from its first event to its last, quiet minutes included.
    private func timeline() throws -> [JobReport.Minute] {
        let query = try statement("""
            SELECT minute, SUM(rows), SUM(answers), SUM(requests), SUM(errors) FROM (
                SELECT substr(at, 1, 16) AS minute, json_extract(detail, '$.rows') AS rows, 0 AS answers,
                       0 AS requests, 0 AS errors
                FROM event WHERE kind = 'rows_read'
                UNION ALL
                SELECT substr(at, 1, 16), 0, json_extract(detail, '$.answers'), 0, 0 FROM event WHERE kind = 'batch_done'
                UNION ALL
                SELECT substr(at, 1, 16), 0, 0, 1, \(RequestOutcome.sql) <> 'ok' FROM request_log
            ) GROUP BY minute ORDER BY minute
            """)
        defer { query.reset() }
        var minutes: [JobReport.Minute] = []
        while try query.step() {
            let minute = JobReport.Minute(minute: query.string(0), rowsRead: Int(query.int64(1)),
                                          numbersAnswered: Int(query.int64(2)), requests: Int(query.int64(3)),
                                          errors: Int(query.int64(4)))
            if let last = minutes.last {
                for quiet in Self.minutes(after: last.minute, before: minute.minute) {
                    minutes.append(JobReport.Minute(minute: quiet, rowsRead: 0, numbersAnswered: 0, requests: 0, errors: 0))
                }
            }
            minutes.append(minute)
        }
        return minutes
    }

    /// The minutes strictly between two "yyyy-MM-ddTHH:mm" minutes (UTC).
    static func minutes(after first: String, before last: String) -> [String] {
        let format = Date.ISO8601FormatStyle(timeZone: .gmt).year().month().day().time(includingFractionalSeconds: false)
        guard let start = try? Date(first + ":00Z", strategy: format), let end = try? Date(last + ":00Z", strategy: format) else {
            return []
        }
        var minutes: [String] = []
        var next = start.addingTimeInterval(60)
        while next < end {
            minutes.append(String(next.formatted(format).prefix(16)))
            next = next.addingTimeInterval(60)
        }
        return minutes
    }

    /// Requests and units per provider, priced.
    private func spend(prices: (String) -> Pricing?) throws -> [JobReport.Spend] {
        let query = try statement("""
            SELECT provider, COUNT(*), COALESCE(SUM(units), 0) FROM request_log GROUP BY provider ORDER BY provider
            """)
        defer { query.reset() }
        var spend: [JobReport.Spend] = []
        while try query.step() {
            let provider = query.string(0)
            let pricing = prices(provider)
            spend.append(JobReport.Spend(provider: provider, requests: Int(query.int64(1)), units: Int(query.int64(2)),
                                         pricePerUnit: pricing?.isKnown == true ? pricing?.perNumber : nil,
                                         currency: pricing?.currency ?? ""))
        }
        return spend
    }
}

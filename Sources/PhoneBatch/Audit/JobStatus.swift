/// Where a job stands, for `phonebatch status`: what each stage has done, what each
/// provider has in flight and has charged, what went wrong by class, and the time left.
public struct JobStatus: Sendable {
    public struct Batches: Sendable {
        public var provider: String
        /// Waiting to be sent (planned, or given back to be sent again).
        public var pending = 0
        /// Claimed by a process and being sent.
        public var sending = 0
        /// Accepted by the provider, waiting for its answer.
        public var atProvider = 0
        public var done = 0
        public var failed = 0

        public var inFlight: Int { sending + atProvider }
    }

    public struct Requests: Sendable {
        public var provider: String
        public var requests = 0
        public var units = 0
        /// Requests by outcome: ok, rate_limited (429), server_error (5xx), refused (other
        /// 4xx), no_answer (timeout or dropped connection), rejected (an answer that was
        /// not accepted for another reason).
        public var byClass: [(String, Int)] = []
    }

    public var databasePath: String
    public var inputPath: String
    public var outputPath: String
    public var provider: String
    public var stage: JobStage
    public var startedAt: String?
    public var lastActivityAt: String?
    /// From the first run's start to the last thing recorded (a finished job) or to now.
    public var elapsedSeconds: Double
    /// Seconds since anything was recorded: a job with a live run records often.
    public var idleSeconds: Double
    public var numbersByState: [(String, Int)]
    public var batches: [Batches]
    public var requests: [Requests]
    /// The rows' breakdowns so far, and the provider errors.
    public var summary: JobSummary
    /// Numbers the provider stages still have to settle.
    public var numbersLeft: Int
    /// Numbers settled a second over the last ten minutes of activity; nil before any.
    public var recentRate: Double?
    /// nil when nothing is left, or no rate is known yet.
    public var estimatedSecondsLeft: Double? {
        guard numbersLeft > 0, let recentRate, recentRate > 0 else { return nil }
        return Double(numbersLeft) / recentRate
    }

    /// Rows by `pb_status`, most first: the summary's.
    public var rowsByStatus: [(String, Int)] { summary.byStatus }
    public var rows: Int { summary.rows }
    public var distinctNumbers: Int { numbersByState.reduce(0) { $0 + $1.1 } }
}

extension JobStatus {
    /// The machine-readable form (`status --json`).
    public var json: JSONValue {
        func counts(_ pairs: [(String, Int)]) -> JSONValue { .object(pairs.map { ($0.0, .int($0.1)) }) }
        return [
            "database": .string(databasePath),
            "input": .string(inputPath),
            "output": .string(outputPath),
            "provider": .string(provider),
            "stage": .string(stage.rawValue),
            "started_at": .optional(startedAt),
            "last_activity_at": .optional(lastActivityAt),
            "elapsed_seconds": .double(elapsedSeconds.rounded()),
            "idle_seconds": .double(idleSeconds.rounded()),
            "rows": .int(rows),
            "rows_by_status": counts(rowsByStatus),
            "distinct_numbers": .int(distinctNumbers),
            "numbers_by_state": counts(numbersByState),
            "batches": .object(batches.map { batch in
                (batch.provider, [
                    "pending": .int(batch.pending), "in_flight": .int(batch.inFlight), "sending": .int(batch.sending),
                    "at_provider": .int(batch.atProvider), "done": .int(batch.done), "failed": .int(batch.failed),
                ])
            }),
            "requests": .object(requests.map { request in
                (request.provider, [
                    "requests": .int(request.requests), "units": .int(request.units), "by_class": counts(request.byClass),
                ])
            }),
            "numbers_left": .int(numbersLeft),
            "numbers_per_second": recentRate.map { .double(($0 * 100).rounded() / 100) } ?? .null,
            "estimated_seconds_left": estimatedSecondsLeft.map { .double($0.rounded()) } ?? .null,
            "summary": summary.json,
        ]
    }
}

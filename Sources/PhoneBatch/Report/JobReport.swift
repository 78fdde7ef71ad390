/// Everything `phonebatch report` draws: the summary's breakdowns, the run's timeline minute
/// by minute, and what each provider was paid.
public struct JobReport: Sendable {
    /// One minute of the run (UTC), with what happened in it.
    public struct Minute: Sendable, Equatable {
        /// "2026-11-22T03:14", the minute's start.
        public var minute: String
        /// Rows read and checked locally in this minute.
        public var rowsRead: Int
        /// Numbers a provider answered in this minute.
        public var numbersAnswered: Int
        /// Requests sent to providers.
        public var requests: Int
        /// Requests that failed (no answer, 429, 5xx, other 4xx, an answer refused).
        public var errors: Int
    }

    /// What one provider did and cost.
    public struct Spend: Sendable, Equatable {
        public var provider: String
        public var requests: Int
        /// Units the provider counts (numbers, for most); what its price applies to.
        public var units: Int
        /// The price of one unit from the config, if it names one.
        public var pricePerUnit: Double?
        public var currency: String
        /// units x price; nil without a price.
        public var cost: Double? { pricePerUnit.map { $0 * Double(units) } }
    }

    public var summary: JobSummary
    /// When the report was made (UTC, ISO 8601).
    public var generatedAt: String
    /// The first and last thing the database recorded (UTC, ISO 8601).
    public var startedAt: String?
    public var finishedAt: String?
    /// First to last recorded event, in seconds.
    public var elapsedSeconds: Double
    public var distinctNumbers: Int
    /// Every minute from the first event to the last, including quiet ones.
    public var timeline: [Minute]
    public var spend: [Spend]
}

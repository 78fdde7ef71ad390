/// How far a run has come, as its stages count it in this process: what the progress display
/// draws. Times are monotonic seconds (`Timestamp.monotonic()`).
public struct ProgressSnapshot: Sendable, Equatable {
    /// Reading the input and checking it locally.
    public struct Reading: Sendable, Equatable {
        public var inputBytes: Int64
        public var bytesRead: Int64
        public var rows: Int
        /// Where this process started: a resumed run's rate counts only its own rows.
        public var startedAt: Double
        public var bytesAtStart: Int64
    }

    /// Sending numbers to the provider and settling them.
    public struct Sending: Sendable, Equatable {
        public var provider: String
        /// Numbers the provider is to settle, in all.
        public var numbers: Int
        /// Numbers settled (answered, or given up on), in all.
        public var settled: Int
        public var startedAt: Double
        public var settledAtStart: Int
        public var requests = 0
        /// Requests that were a retry of one before.
        public var retries = 0
        public var units = 0
    }

    public var reading: Reading?
    public var sending: Sending?

    public init(reading: Reading? = nil, sending: Sending? = nil) {
        self.reading = reading
        self.sending = sending
    }
}

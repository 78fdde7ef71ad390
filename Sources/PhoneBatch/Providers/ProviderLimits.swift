import Foundation

/// How a provider's work is sized and paced: the batch size, the lane's rate and the
/// requests it may have in flight, and how often an asynchronous batch is polled.
public struct ProviderLimits: Sendable, Equatable {
    /// Numbers in one batch.
    public var batchSize: Int
    /// Requests a second the lane sends, polls included.
    public var requestsPerSecond: Double
    /// Batches worked on at once (each has at most one request in flight).
    public var maxInFlight: Int
    /// Seconds before a request without an answer is abandoned.
    public var requestTimeout: Double
    /// Tries of one request before its batch is given back for later.
    public var maxAttempts: Int
    /// Submissions of one batch that fail before the run stops (the provider is down).
    public var maxBatchAttempts: Int
    /// The first poll comes this many seconds after a batch is accepted ...
    public var firstPoll: Double
    /// ... and the interval grows by half each time, up to this.
    public var maxPollInterval: Double
    /// Bytes of one answer beyond which it is refused.
    public var maxAnswerBytes: Int

    public init(batchSize: Int, requestsPerSecond: Double, maxInFlight: Int, requestTimeout: Double = 30,
                maxAttempts: Int = 6, maxBatchAttempts: Int = 10, firstPoll: Double = 1, maxPollInterval: Double = 30,
                maxAnswerBytes: Int = 64 << 20) {
        self.batchSize = batchSize
        self.requestsPerSecond = requestsPerSecond
        self.maxInFlight = maxInFlight
        self.requestTimeout = requestTimeout
        self.maxAttempts = maxAttempts
        self.maxBatchAttempts = maxBatchAttempts
        self.firstPoll = firstPoll
        self.maxPollInterval = maxPollInterval
        self.maxAnswerBytes = maxAnswerBytes
    }

    /// Seconds until the poll after `polls` earlier ones.
    public func pollInterval(after polls: Int) -> Double {
        min(maxPollInterval, firstPoll * pow(1.5, Double(min(polls, 60))))
    }
}

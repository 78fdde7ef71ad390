extension ProviderLimits {
    /// The provider's defaults, with what the user set in its section: `batch_size`,
    /// `requests_per_second` or `requests_per_minute`, `max_in_flight`, `timeout_seconds`,
    /// `max_attempts`, `poll_seconds`, `max_poll_seconds`, `max_answer_bytes`.
    public func configured(by settings: ProviderSettings, maxBatchSize: Int) throws -> ProviderLimits {
        var limits = self
        if let size = try settings.int("batch_size", in: 1...maxBatchSize) { limits.batchSize = size }
        if settings.has("requests_per_second") && settings.has("requests_per_minute") {
            throw PhoneBatchError.configuration("[\(settings.provider)] sets both requests_per_second and requests_per_minute; keep one")
        }
        if let rate = try settings.double("requests_per_second", in: 0.001...100_000) { limits.requestsPerSecond = rate }
        if let rate = try settings.double("requests_per_minute", in: 0.06...6_000_000) { limits.requestsPerSecond = rate / 60 }
        if let inFlight = try settings.int("max_in_flight", in: 1...1024) { limits.maxInFlight = inFlight }
        if let timeout = try settings.double("timeout_seconds", in: 0.05...3600) { limits.requestTimeout = timeout }
        if let attempts = try settings.int("max_attempts", in: 1...100) { limits.maxAttempts = attempts }
        if let attempts = try settings.int("max_batch_attempts", in: 1...1000) { limits.maxBatchAttempts = attempts }
        if let poll = try settings.double("poll_seconds", in: 0.01...86_400) { limits.firstPoll = poll }
        if let poll = try settings.double("max_poll_seconds", in: 0.01...86_400) { limits.maxPollInterval = poll }
        if let bytes = try settings.int("max_answer_bytes", in: 1024...(1 << 30)) { limits.maxAnswerBytes = bytes }
        limits.maxPollInterval = max(limits.maxPollInterval, limits.firstPoll)
        return limits
    }
}

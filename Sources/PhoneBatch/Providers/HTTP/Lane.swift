/// The pace of one provider's requests, shared by every worker: an evenly spaced rate (a
/// token bucket of depth one), slowed for the whole lane when the provider says "too many"
/// and brought back up as answers come.
public actor Lane {
    /// The rate the user configured (requests a second).
    private var ceiling: Double
    /// The rate now: the ceiling, or less after a rate limit.
    private var rate: Double
    /// The earliest moment the next request may leave.
    private var nextSlot: ContinuousClock.Instant
    private let clock = ContinuousClock()
    /// Rate limits met.
    public private(set) var throttled = 0

    public init(requestsPerSecond: Double) {
        ceiling = max(0.001, requestsPerSecond)
        rate = ceiling
        nextSlot = clock.now
    }

    /// Waits for the next slot, then takes it.
    public func permit() async throws {
        let now = clock.now
        let slot = max(now, nextSlot)
        nextSlot = slot.advanced(by: .seconds(1 / rate))
        if slot > now { try await clock.sleep(until: slot) }
    }

    /// A rate limit: halve the rate, and send nothing before `until` (Retry-After,
    /// X-Rate-Limit-Reset) when the provider said.
    public func throttle(pauseSeconds: Double?) {
        throttled += 1
        rate = max(ceiling / 16, rate / 2)
        if let pauseSeconds, pauseSeconds > 0 {
            let until = clock.now.advanced(by: .seconds(pauseSeconds))
            if until > nextSlot { nextSlot = until }
        }
    }

    /// An answer that was not a rate limit: climb back towards the ceiling.
    public func succeeded() {
        if rate < ceiling { rate = min(ceiling, rate + ceiling / 20) }
    }

    /// The provider published its limit (Experian's X-Rate-Limit-Limit, a minute): never
    /// go above it, with a small margin for clocks that disagree.
    public func adopt(limitPerMinute: Int) {
        let published = Double(limitPerMinute) / 60 * 0.97
        if published > 0, published < ceiling {
            ceiling = published
            rate = min(rate, ceiling)
        }
    }

    public var currentRate: Double { rate }
}

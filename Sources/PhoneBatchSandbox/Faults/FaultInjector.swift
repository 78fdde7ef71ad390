import Foundation
import PhoneBatch

/// Decides, request by request, what goes wrong: added latency, a rate limit per provider,
/// and a share of server errors. Seeded, so a run with the same seed draws the same faults
/// in the same order.
actor FaultInjector {
    private let knobs: SandboxKnobs
    private let clock: SandboxClock
    private var random: SplitMix64
    /// Requests accepted in the current window, per provider.
    private var window: [ProviderKey: (minute: Int, count: Int)] = [:]

    init(knobs: SandboxKnobs, clock: SandboxClock) {
        self.knobs = knobs
        self.clock = clock
        random = SplitMix64(seed: knobs.seed)
    }

    enum Fault: Equatable {
        case none
        /// Hold the connection and never answer.
        case timeout
        /// Drop the connection without an answer.
        case reset
        /// Answer, but send only the first half of the body.
        case cutBody
        /// 429, with the seconds until the next minute's window opens.
        case rateLimited(retryAfter: Int, limit: Int)
        case serverError(status: Int)
    }

    /// Whether an event with this probability happens, drawn from the seeded sequence (for
    /// faults an imitation decides itself, such as Delpha's timed-out jobs).
    func happens(rate: Double) -> Bool {
        rate > 0 && chance() < rate
    }

    /// A draw in [0, 1).
    private func chance() -> Double {
        Double(random.next() % 1_000_000) / 1_000_000
    }

    /// The rate limit's state for `provider`: the limit (a minute, as Experian states it),
    /// what is left of it in this window, and when the window resets (UTC epoch seconds);
    /// nil with no limit.
    func window(for provider: ProviderKey) async -> (limit: Int, remaining: Int, reset: Int)? {
        guard let limit = knobs.rateLimitPerMinute else { return nil }
        let length = knobs.rateWindowSeconds
        let minute = Int(await clock.now().timeIntervalSince1970 / length)
        let used = window[provider].map { $0.minute == minute ? $0.count : 0 } ?? 0
        let perMinute = Int((Double(limit) * 60 / length).rounded(.down))
        return (perMinute, max(0, limit - used), Int((Double(minute + 1) * length).rounded(.up)))
    }

    /// The latency to add and the fault to answer with, for one request to `provider`.
    func draw(for provider: ProviderKey) async -> (delay: Duration, fault: Fault) {
        let mean = knobs.latencyMilliseconds
        let delay: Duration = mean > 0 ? .milliseconds(Int(mean * (0.5 + Double(random.next() % 1000) / 1000))) : .zero
        for (rate, fault) in [(knobs.timeoutRate, Fault.timeout), (knobs.resetRate, .reset), (knobs.malformedRate, .cutBody)]
        where rate > 0 && chance() < rate {
            return (delay, fault)
        }
        if let limit = knobs.rateLimitPerMinute {
            let now = await clock.now().timeIntervalSince1970
            let length = knobs.rateWindowSeconds
            let minute = Int(now / length)
            var current = window[provider] ?? (minute, 0)
            if current.minute != minute { current = (minute, 0) }
            if current.count >= limit {
                window[provider] = current
                let retryAfter = max(1, Int((Double(minute + 1) * length - now).rounded(.up)))
                return (delay, .rateLimited(retryAfter: retryAfter, limit: limit))
            }
            current.count += 1
            window[provider] = current
        }
        if knobs.errorRate > 0, chance() < knobs.errorRate {
            return (delay, .serverError(status: [500, 502, 503][Int(random.next() % 3)]))
        }
        return (delay, .none)
    }
}

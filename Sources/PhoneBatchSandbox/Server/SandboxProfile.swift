import Foundation

/// Knobs kept in a JSON file (`phonebatch sandbox --profile FILE`), so that a rehearsal's
/// conditions can be named and repeated. Every key is optional; flags override the file.
///
///     {"latency_ms": 100, "error_rate": 0.1, "timeout_rate": 0.05, "reset_rate": 0.01,
///      "malformed_rate": 0.01, "rate_limit": 600, "async_seconds": 5, "job_timeout_rate": 0.02,
///      "credits": {"experian": 100000, "delpha": 500}, "seed": 42, "code_lifetime_seconds": 600,
///      "hold_answer_seconds": 30, "hold_answer_endpoints": ["placecall"]}
public struct SandboxProfile: Decodable, Sendable, Equatable {
    public var latency_ms: Double?
    public var error_rate: Double?
    public var timeout_rate: Double?
    public var reset_rate: Double?
    public var malformed_rate: Double?
    public var rate_limit: Int?
    public var rate_window_seconds: Double?
    public var async_seconds: Double?
    public var job_timeout_rate: Double?
    public var credits: [String: Int]?
    public var seed: UInt64?
    public var code_lifetime_seconds: Double?
    public var hold_answer_seconds: Double?
    /// Ledger names of the endpoints whose answers are held; absent holds every endpoint's.
    public var hold_answer_endpoints: [String]?

    /// A profile from values given elsewhere (the command's flags are one): nil leaves a knob as it is.
    public init(latency_ms: Double? = nil, error_rate: Double? = nil, timeout_rate: Double? = nil, reset_rate: Double? = nil,
                malformed_rate: Double? = nil, rate_limit: Int? = nil, rate_window_seconds: Double? = nil,
                async_seconds: Double? = nil,
                job_timeout_rate: Double? = nil, credits: [String: Int]? = nil, seed: UInt64? = nil,
                code_lifetime_seconds: Double? = nil, hold_answer_seconds: Double? = nil, hold_answer_endpoints: [String]? = nil) {
        self.latency_ms = latency_ms
        self.error_rate = error_rate
        self.timeout_rate = timeout_rate
        self.reset_rate = reset_rate
        self.malformed_rate = malformed_rate
        self.rate_limit = rate_limit
        self.rate_window_seconds = rate_window_seconds
        self.async_seconds = async_seconds
        self.job_timeout_rate = job_timeout_rate
        self.credits = credits
        self.seed = seed
        self.code_lifetime_seconds = code_lifetime_seconds
        self.hold_answer_seconds = hold_answer_seconds
        self.hold_answer_endpoints = hold_answer_endpoints
    }

    public static func load(path: String) throws -> SandboxProfile {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw SandboxError.profile("cannot read \(path)")
        }
        do {
            return try JSONDecoder().decode(SandboxProfile.self, from: data)
        } catch {
            throw SandboxError.profile("\(path) is not a sandbox profile: \(error)")
        }
    }

    /// `knobs` with what this profile sets.
    public func applied(to knobs: SandboxKnobs) throws -> SandboxKnobs {
        var knobs = knobs
        if let latency_ms { knobs.latencyMilliseconds = latency_ms }
        if let error_rate { knobs.errorRate = error_rate }
        if let timeout_rate { knobs.timeoutRate = timeout_rate }
        if let reset_rate { knobs.resetRate = reset_rate }
        if let malformed_rate { knobs.malformedRate = malformed_rate }
        if let rate_limit { knobs.rateLimitPerMinute = rate_limit }
        if let rate_window_seconds {
            guard rate_window_seconds > 0 else { throw SandboxError.profile("rate_window_seconds must be above 0") }
            knobs.rateWindowSeconds = rate_window_seconds
        }
        if let async_seconds { knobs.asyncSeconds = async_seconds }
        if let job_timeout_rate { knobs.jobTimeoutRate = job_timeout_rate }
        if let seed { knobs.seed = seed }
        if let code_lifetime_seconds {
            guard code_lifetime_seconds > 0 else { throw SandboxError.profile("code_lifetime_seconds must be above 0") }
            knobs.codeLifetimeSeconds = code_lifetime_seconds
        }
        if let hold_answer_seconds {
            guard hold_answer_seconds >= 0 else { throw SandboxError.profile("hold_answer_seconds must be 0 or more") }
            knobs.holdAnswerSeconds = hold_answer_seconds
        }
        if let hold_answer_endpoints { knobs.holdAnswerEndpoints = Set(hold_answer_endpoints) }
        for (name, units) in credits ?? [:] {
            guard let key = ProviderKey(rawValue: name) else { throw SandboxError.profile("unknown provider '\(name)' in credits") }
            knobs.credits[key] = units
        }
        return knobs
    }
}

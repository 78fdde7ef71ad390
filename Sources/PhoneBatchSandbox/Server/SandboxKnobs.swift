/// How the sandbox misbehaves, set by flags (`phonebatch sandbox --latency-ms ...`) or by a
/// test. The defaults answer at once and never fail.
public struct SandboxKnobs: Sendable, Equatable {
    /// Mean added latency per request, in milliseconds; each request takes between half and
    /// one and a half times this.
    public var latencyMilliseconds: Double = 0
    /// Share of provider requests answered with a 500, 502 or 503 in the provider's own error shape.
    public var errorRate: Double = 0
    /// Share of requests never answered (the connection is held open, silent, for ten minutes).
    public var timeoutRate: Double = 0
    /// Share of requests whose connection is dropped before the answer.
    public var resetRate: Double = 0
    /// Share of answers whose body is cut short (half of it is sent).
    public var malformedRate: Double = 0
    /// Requests each provider accepts in a window before answering 429; nil for no limit.
    public var rateLimitPerMinute: Int?
    /// The rate limit's window, in seconds: a minute, as the providers count; tests and the
    /// benchmark use one second, to measure "R requests a second" without waiting minutes.
    public var rateWindowSeconds: Double = 60
    /// Seed for the fault draws and for the verdicts: the same seed gives the same verdict
    /// for the same number from the same provider.
    public var seed: UInt64 = 0
    /// How long asynchronous work takes on the sandbox's clock: an Accuauth task, a Delpha job.
    public var asyncSeconds: Double = 2
    /// Units each provider may bill before it refuses (402, OUT_OF_QUOTA ...); nil for no limit.
    public var credits: [ProviderKey: Int] = [:]
    /// Share of Delpha jobs that end in 504 "Job timed out.".
    public var jobTimeoutRate: Double = 0
    /// How long an Xverify code stays good after its call was placed, on the sandbox's clock
    /// (`POST /_sandbox/clock` moves past it); after that verifycode answers error "5".
    public var codeLifetimeSeconds: Double = 600
    /// Seconds an answer is held after the provider has acted (the call placed, the ledger
    /// written) and before it is sent: an answer late or lost on its way back, for rehearsing
    /// a client that dies between asking and hearing. Drawn faults are never held.
    public var holdAnswerSeconds: Double = 0
    /// The endpoints whose answers are held, by their names in the ledger (`placecall`); nil
    /// holds every endpoint's.
    public var holdAnswerEndpoints: Set<String>? = nil

    public init() {}
}

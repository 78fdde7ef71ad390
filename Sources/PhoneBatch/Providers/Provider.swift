/// A phone-checking service, as the engine sees it: a translation between the provider's
/// wire format and the unified answer. The engine knows no provider by name; it claims a
/// batch, asks the provider to submit, poll or recover it, and records the outcome.
///
/// Every HTTP request goes through the `ProviderSession` the engine hands in: it applies the
/// lane's rate, retries what can be retried, stops the run on what cannot, and writes every
/// request to the job's event log.
public protocol Provider: Sendable {
    /// The name used on the command line, in `pb_provider` and in the database.
    var name: String { get }
    /// Batch size, lane rate and polling, from the provider's published limits and the config.
    var limits: ProviderLimits { get }
    /// Sends a batch for the first time (or again).
    func submit(_ batch: WorkBatch, session: ProviderSession) async throws -> BatchOutcome
    /// Asks how a submitted batch is getting on (asynchronous providers only).
    func poll(_ batch: WorkBatch, session: ProviderSession) async throws -> BatchOutcome
    /// A batch whose submission may already have reached the provider: after a crash, or
    /// once the provider's own reference is recorded. Returns what the provider knows of it,
    /// or nil when it cannot tell: the engine then sends the batch again and records a
    /// possible duplicate.
    func recover(_ batch: WorkBatch, session: ProviderSession) async throws -> BatchOutcome?
}

extension Provider {
    public func poll(_ batch: WorkBatch, session: ProviderSession) async throws -> BatchOutcome {
        .again(reason: "\(name) has nothing to poll", after: 0)
    }

    public func recover(_ batch: WorkBatch, session: ProviderSession) async throws -> BatchOutcome? { nil }
}

/// What came of one step on a batch.
public enum BatchOutcome: Sendable {
    /// Verdicts for the numbers answered; any number of the batch left out is queued again.
    case answered([ProviderAnswer])
    /// The provider took the batch and will answer later under its own reference: poll it.
    case accepted(providerRef: String)
    /// Not ready yet: poll again later (the interval grows within the provider's limits).
    case pending
    /// Submit the batch again after `after` seconds: the provider lost it, its job timed
    /// out, or its verdict means "try later".
    case again(reason: String, after: Double)
}

/// A batch as a provider works on it.
public struct WorkBatch: Sendable {
    public var id: Int64
    /// Our own reference, unique to this job and batch: given to providers that take one.
    public var reference: String
    /// 1 on the first submission, 2 on the next ...
    public var attempt: Int
    public var numbers: [NumberToCheck]
    /// The provider's own reference, once known.
    public var providerRef: String?
    /// When the provider accepted it (UTC epoch seconds), once it has.
    public var submittedAt: Double?
    /// Polls made so far on this submission.
    public var polls: Int
}

/// A number as the engine hands it to a provider.
public struct NumberToCheck: Sendable, Equatable {
    public var e164: Int64
    public var region: String?
    public var national: String
    public var type: NumberType
    public var isValid: Bool

    public init(e164: Int64, region: String?, national: String, type: NumberType, isValid: Bool) {
        self.e164 = e164
        self.region = region
        self.national = national
        self.type = type
        self.isValid = isValid
    }

    public var e164Text: String { "+\(e164)" }
}

/// A provider's verdict on one number, in the unified shape of the `pb_` columns.
public struct ProviderAnswer: Sendable, Equatable {
    public var e164: Int64
    public var lineStatus: LineStatus
    public var carrier: String?
    /// A porting date (YYYY-MM-DD), or yes / no, where the provider says.
    public var ported: String?
    /// An IANA time zone, where the provider gives one.
    public var timezone: String?
    /// The provider's own verdict, verbatim.
    public var providerStatus: String
    /// The provider's full answer for this number, as JSON.
    public var answer: JSONValue

    public init(e164: Int64, lineStatus: LineStatus, carrier: String? = nil, ported: String? = nil,
                timezone: String? = nil, providerStatus: String, answer: JSONValue) {
        self.e164 = e164
        self.lineStatus = lineStatus
        self.carrier = carrier
        self.ported = ported
        self.timezone = timezone
        self.providerStatus = providerStatus
        self.answer = answer
    }
}

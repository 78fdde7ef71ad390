/// The job's database as the submit stage's workers share it: one connection, one owner
/// (this actor), every operation one transaction. Workers record requests and provider
/// references through it as they go.
public actor WorkQueue: BatchRecorder {
    private let store: Store
    let provider: String
    let token: String
    let owner: String
    let leaseSeconds: Double
    let batchSize: Int
    /// Told of every request and every number settled, for the progress display.
    let progress: RunProgress?

    public init(path: String, provider: String, token: String, owner: String, leaseSeconds: Double, batchSize: Int,
                progress: RunProgress? = nil) throws {
        self.progress = progress
        store = try Store(path: path)
        self.provider = provider
        self.token = token
        self.owner = owner
        self.leaseSeconds = leaseSeconds
        self.batchSize = batchSize
    }

    /// The next batch to work on; plans one from the pending numbers when none is waiting.
    func next(preferPoll: Bool) throws -> ClaimedBatch? {
        if let claimed = try store.claimBatch(provider: provider, owner: owner, leaseSeconds: leaseSeconds, preferPoll: preferPoll) {
            return claimed
        }
        guard try store.planBatch(provider: provider, token: token, size: batchSize) != nil else { return nil }
        return try store.claimBatch(provider: provider, owner: owner, leaseSeconds: leaseSeconds, preferPoll: preferPoll)
    }

    /// Seconds until something could be due; nil when nothing is open or pending.
    func secondsUntilNextWork() throws -> Double? {
        if let seconds = try store.secondsUntilNextWork(provider: provider) { return seconds }
        return try store.openWork(provider: provider).pendingNumbers > 0 ? 0 : nil
    }

    /// Leases held by processes of this machine that no longer exist: a crashed run's
    /// batches are taken over at once rather than when their leases run out.
    func releaseDeadLeases() throws -> Int {
        try store.releaseLeases(where: LeaseOwner.isGone)
    }

    public func recordRequest(_ record: RequestRecord) throws {
        try store.recordRequest(record)
        progress?.requested(record)
    }

    public func rememberReference(batchID: Int64, providerRef: String) throws {
        try store.rememberReference(batchID: batchID, providerRef: providerRef)
    }

    func recordEvent(_ kind: String, batchID: Int64, detail: JSONValue) throws {
        try store.recordBatchEvent(kind, batchID: batchID, detail: detail)
    }

    func recordAnswers(_ answers: [ProviderAnswer], for batch: ClaimedBatch, elapsedMilliseconds: Int) throws {
        let settled = try store.recordAnswers(answers, for: batch, provider: provider, elapsedMilliseconds: elapsedMilliseconds)
        progress?.settled(settled)
    }

    func markAccepted(_ batch: ClaimedBatch, providerRef: String, pollAfter: Double) throws {
        try store.markAccepted(batch, providerRef: providerRef, pollAfter: pollAfter)
    }

    func schedulePoll(_ batch: ClaimedBatch, after: Double, error: String?) throws {
        try store.schedulePoll(batch, after: after, error: error)
    }

    func giveBack(_ batch: ClaimedBatch, reason: String, after: Double, forgetReference: Bool) throws {
        try store.giveBack(batch, reason: reason, after: after, forgetReference: forgetReference)
    }

    func recordStop(_ stop: ProviderStop) throws {
        try store.recordRunStopped(reason: stop.reason.rawValue, detail: stop.detail)
    }
}

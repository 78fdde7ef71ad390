/// The job's database as Phone Confirm's engines share it: one connection, one owner (this
/// actor), every operation one transaction. The HTTP session records each request through it.
actor ConfirmQueue: BatchRecorder {
    private let store: Store
    let owner: String
    /// Told of every request and every call or code settled, for the progress display.
    let progress: RunProgress?

    init(path: String, owner: String, progress: RunProgress?) throws {
        store = try Store(path: path)
        self.owner = owner
        self.progress = progress
    }

    func recordRequest(_ record: RequestRecord) throws {
        try store.recordRequest(record)
        progress?.requested(record)
    }

    func rememberReference(batchID: Int64, providerRef: String) throws {
        try store.rememberReference(batchID: batchID, providerRef: providerRef)
    }

    // MARK: Calls

    /// Leases held by processes of this machine that no longer exist end at once.
    func releaseDeadLeases() throws {
        _ = try store.releaseLeases(where: LeaseOwner.isGone)
    }

    /// Calls whose worker is gone (their lease ran out) are in doubt.
    func settleAbandonedCalls() throws -> Int {
        try store.settleAbandonedCalls(provider: XverifyClient.name)
    }

    func claimCall(interval: Double, requestSeconds: Double) throws -> ClaimedCall? {
        try store.claimCall(provider: XverifyClient.name, owner: owner, interval: interval, requestSeconds: requestSeconds)
    }

    func recordCall(_ call: ClaimedCall, outcome: CallOutcome, parameters: JSONValue) throws {
        try store.recordCall(call, outcome: outcome, parameters: parameters)
        if case .notSent = outcome { return }
        progress?.settled(1)
    }

    func giveBackCall(_ call: ClaimedCall, reason: String) throws {
        try store.giveBackCall(call, reason: reason, after: 0)
    }

    /// A call is a batch: the queue's own answer, a planned call falling due or a claim
    /// another process holds running out.
    func secondsUntilNextCall() throws -> Double? {
        try store.secondsUntilNextWork(provider: XverifyClient.name)
    }

    // MARK: Codes

    func claimCheck(inputID: Int64, leaseSeconds: Double) throws -> ClaimedCheck? {
        try store.claimCheck(inputID: inputID, owner: owner, leaseSeconds: leaseSeconds)
    }

    func recordCheck(_ check: ClaimedCheck, status: CheckStatus, message: String) throws {
        try store.recordCheck(check, status: status, message: message)
        progress?.settled(1)
    }

    func giveBackCheck(_ check: ClaimedCheck, reason: String, after: Double) throws {
        try store.giveBackCheck(check, reason: reason, after: after)
    }

    func secondsUntilNextCheck(inputID: Int64) throws -> Double? {
        try store.secondsUntilNextCheck(inputID: inputID)
    }
}

import Logging

/// Sends planned batches to a synchronous provider and records what it answers.
///
/// Each batch goes through the store's state machine: claimed as `submitting` (committed
/// before the request leaves), then `done` with its answers in one transaction.
public struct Submitter {
    let store: Store
    let provider: any Provider
    let owner: String
    let logger: Logger
    /// How long a claim holds before another process may take the batch over.
    public var leaseSeconds = 300.0

    public init(store: Store, provider: any Provider, owner: String, logger: Logger) {
        self.store = store
        self.provider = provider
        self.owner = owner
        self.logger = logger
    }

    /// Submits until no batch is left. Returns the number of batches done.
    @discardableResult
    public func run() async throws -> Int {
        var done = 0
        while let batch = try store.claimBatchForSubmission(provider: provider.name, owner: owner, leaseSeconds: leaseSeconds) {
            if batch.wasInDoubt {
                logger.warning("batch \(batch.id) was being submitted when a run stopped; sending it again (attempt \(batch.attempt))")
            }
            let started = Timestamp.monotonic()
            let answers: [ProviderAnswer]
            do {
                answers = try await provider.check(batch.numbers)
            } catch {
                try store.releaseBatch(batch, error: String(describing: error))
                throw error
            }
            let elapsed = Int((Timestamp.monotonic() - started) * 1000)
            try store.recordAnswers(answers, for: batch, provider: provider.name, elapsedMilliseconds: elapsed)
            done += 1
        }
        return done
    }
}

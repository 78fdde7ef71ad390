import Logging

/// Groups the numbers waiting for a provider into batches within its limits.
public struct Planner {
    let store: Store
    let provider: any Provider
    let token: String
    let logger: Logger
    let interruption: Interruption

    public init(store: Store, provider: any Provider, token: String, logger: Logger, interruption: Interruption = Interruption()) {
        self.store = store
        self.provider = provider
        self.token = token
        self.logger = logger
        self.interruption = interruption
    }

    /// Plans every pending number. Returns the number of batches made.
    @discardableResult
    public func run() throws -> Int {
        var batches = 0, numbers = 0
        while let batch = try store.planBatch(provider: provider.name, token: token, size: provider.limits.batchSize) {
            batches += 1
            numbers += batch.size
            try interruption.check()
        }
        if batches > 0 {
            logger.info("planned \(numbers) numbers in \(batches) batches for \(provider.name)")
        }
        return batches
    }
}

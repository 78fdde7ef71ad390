/// What a run will do before it spends anything (`phonebatch plan`, and the question `run`
/// asks): the rows and what the local check made of them, the numbers that will be sent,
/// the batches and requests, and the time and cost they should take.
public struct JobPlan: Sendable {
    public var provider: String
    public var rows: Int
    public var empty: Int
    public var unparseable: Int
    public var invalid: Int
    public var malformed: Int
    /// Distinct numbers the local check finds valid.
    public var uniqueValidNumbers: Int
    /// Rows whose number another row already holds: checked once, charged once.
    public var duplicates: Int
    /// Numbers still to be sent (all of them before the first request; fewer on resume).
    public var numbersToSend: Int
    public var batches: Int
    public var requests: Int
    public var requestsPerSecond: Double
    public var estimatedSeconds: Double
    public var pricing: Pricing
    /// nil when no price is configured.
    public var estimatedCost: Double? { pricing.isKnown ? Double(numbersToSend) * pricing.perNumber : nil }

    /// The plan for the job in `store`, whose input has been read.
    static func make(store: Store, profile: ProviderProfile?, provider: String) throws -> JobPlan {
        let counts = try store.counts()
        let toSend = Int(try store.scalar("SELECT COUNT(*) FROM number WHERE state IN ('pending', 'batched')"))
        let validNumbers = Int(try store.scalar("SELECT COUNT(*) FROM number WHERE valid = 1"))
        let batchSize = max(1, profile?.limits.batchSize ?? 1)
        let batches = profile == nil ? 0 : (toSend + batchSize - 1) / batchSize
        let requests = Int((Double(batches) * (profile?.requestsPerBatch ?? 0)).rounded(.up))
        let rate = profile?.limits.requestsPerSecond ?? 0
        return JobPlan(
            provider: provider, rows: counts.rows, empty: counts.rowsByStatus["empty"] ?? 0,
            unparseable: counts.rowsByStatus["unparseable"] ?? 0, invalid: counts.rowsByStatus["invalid"] ?? 0,
            malformed: counts.rowsByStatus["malformed"] ?? 0, uniqueValidNumbers: validNumbers,
            duplicates: counts.duplicateRows, numbersToSend: toSend, batches: batches, requests: requests,
            requestsPerSecond: rate, estimatedSeconds: rate > 0 ? Double(requests) / rate : 0,
            pricing: profile?.pricing ?? Pricing(items: []))
    }

    public var json: JSONValue {
        [
            "provider": .string(provider),
            "rows": .int(rows),
            "empty": .int(empty),
            "unparseable": .int(unparseable),
            "invalid": .int(invalid),
            "malformed": .int(malformed),
            "unique_valid_numbers": .int(uniqueValidNumbers),
            "duplicates": .int(duplicates),
            "numbers_to_send": .int(numbersToSend),
            "batches": .int(batches),
            "requests": .int(requests),
            "requests_per_second": .double(requestsPerSecond),
            "estimated_seconds": .double(estimatedSeconds.rounded(.up)),
            "estimated_cost": estimatedCost.map { .double(($0 * 100).rounded() / 100) } ?? .null,
            "currency": .string(pricing.currency),
            "prices": .object(pricing.items.map { ($0.0, .double($0.1)) }),
        ]
    }
}

import Foundation

/// Experian's batches, as the sandbox keeps them. A started batch processes its records
/// evenly over `--async-seconds` of the sandbox's clock, stopping early when it reaches its
/// `max_processing_time` or is stopped.
actor ExperianBatches {
    struct Phone {
        var number: String
        var countryISO: String?
    }

    struct Config {
        var outputFormat: String?
        var countryISO: String?
        var getPortedDate: Bool?
        var liveStatusMobile: [String]?
        var liveStatusLandline: [String]?
        var maxProcessingSeconds: Double?
        var maxProcessingTime: String?
    }

    struct Batch {
        var id: String
        var reference: String?
        var phones: [Phone]
        var config: Config
        var submitted: Date
        var started: Date?
        /// When stopped by the client, and how many records had been processed then.
        var stoppedAt: (date: Date, processed: Int)?
    }

    /// What a batch looks like at a moment.
    struct Progress {
        var status: String
        var reason: String?
        var processed: Int
        var ended: Date?
    }

    private var batches: [String: Batch] = [:]
    private var order: [String] = []

    func add(_ batch: Batch) {
        batches[batch.id] = batch
        order.append(batch.id)
    }

    func batch(_ id: String) -> Batch? { batches[id] }

    func all() -> [Batch] { order.compactMap { batches[$0] } }

    func start(_ id: String, at now: Date) {
        batches[id]?.started = now
    }

    func stop(_ id: String, at now: Date, processed: Int) {
        batches[id]?.stoppedAt = (now, processed)
    }

    func reset() {
        batches = [:]
        order = []
    }

    static func progress(of batch: Batch, at now: Date, duration: Double) -> Progress {
        guard let started = batch.started else { return Progress(status: "submitted", reason: nil, processed: 0, ended: nil) }
        if let stopped = batch.stoppedAt {
            return Progress(status: "stopped", reason: "stopped_by_user", processed: stopped.processed, ended: stopped.date)
        }
        let records = batch.phones.count
        let elapsed = now.timeIntervalSince(started)
        if let limit = batch.config.maxProcessingSeconds, limit < duration, elapsed >= limit {
            let processed = duration > 0 ? Int(Double(records) * limit / duration) : records
            return Progress(status: "stopped", reason: "max_processing_time_reached", processed: processed,
                            ended: started.addingTimeInterval(limit))
        }
        if elapsed >= duration {
            return Progress(status: "completed", reason: nil, processed: records, ended: started.addingTimeInterval(duration))
        }
        return Progress(status: "processing", reason: nil, processed: Int(Double(records) * elapsed / max(duration, 0.001)), ended: nil)
    }
}

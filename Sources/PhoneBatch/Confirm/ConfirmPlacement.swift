import Foundation
import Logging

/// `phonebatch confirm place`: a job like `run`'s whose provider is Xverify Phone Confirm.
/// ingest (the local check, and each row's code) -> plan (one call per distinct valid number
/// and code) -> submit (the calls, at the capped pace) -> export (the input with the calls).
///
/// It calls people, so nothing happens without the user's consent, every parameter is
/// checked before the database is made, and a call that may have been placed is never
/// placed again unless the user asks (`--retry-in-doubt`).
public struct ConfirmPlacement {
    /// The input, its columns, `--db` and `--out`; the code column is required.
    public var options: RunOptions
    /// `--i-have-consent`: the people in the input agreed to be called.
    public var consent = false
    public var call = CallParameters()
    /// `--retry-in-doubt`: place again the calls that may have been placed.
    public var retryInDoubt = false
    /// Moved as rows are read and calls placed, for a progress display.
    public var progress: RunProgress?
    let logger: Logger
    let interruption: Interruption

    public init(options: RunOptions, logger: Logger, interruption: Interruption = Interruption()) {
        self.options = options
        self.logger = logger
        self.interruption = interruption
    }

    public func run() async throws -> PlacementReport {
        guard consent else { throw PhoneBatchError.noConsent }
        let started = Timestamp.monotonic()
        var options = options
        options.provider = XverifyClient.name
        options.sendInvalid = false
        if options.databasePath == nil { options.databasePath = ConfirmPaths.database(for: options.inputPath) }
        if options.outputPath == nil { options.outputPath = ConfirmPaths.placeOutput(for: options.inputPath, format: options.format) }
        var runner = JobRunner(options: options, logger: logger, interruption: interruption)
        runner.progress = progress
        let call = call
        let (opened, client) = try runner.open { configuration in
            let client = try XverifyClient(settings: configuration.settings(for: XverifyClient.name))
            try call.check(cap: client.maxCallsPerMinute)
            return client
        }
        let (store, databasePath) = (opened.store, opened.databasePath)
        var job = opened.job
        do {
            if job.stage == .ingest {
                try await runner.ingest(&job, store: store, sending: false, inputPath: opened.inputPath)
            }
            if job.stage == .plan {
                let planned = try store.planCalls(provider: XverifyClient.name, token: job.token)
                logger.info("\(planned) calls to place")
                try store.setStage(.submit)
                job.stage = .submit
            }
            if retryInDoubt {
                let again = try store.retryCallsInDoubt()
                if again > 0 {
                    logger.warning("placing again \(again) calls that were in doubt (--retry-in-doubt): their people may be called twice")
                    if job.stage > .submit {
                        try store.setStage(.submit)
                        job.stage = .submit
                    }
                }
            }
            if job.stage == .submit {
                try await place(store: store, client: client, databasePath: databasePath, interval: call.interval(cap: client.maxCallsPerMinute))
                try store.setStage(.export)
                job.stage = .export
            }
        } catch is Interruption.Requested {
            _ = try runner.stopped(store, at: job.stage, databasePath: databasePath)
            throw PhoneBatchError.interruptedConfirm
        }
        let export = try Exporter(store: store, job: job).export()
        if job.stage == .export { try store.setStage(.done) }
        let seconds = Timestamp.monotonic() - started
        try store.recordRunFinished(elapsedSeconds: seconds)
        return PlacementReport(calls: try store.callCounts(), output: export, databasePath: databasePath, seconds: seconds)
    }

    /// Places every planned call, with its own connection to the database and HTTP client.
    private func place(store: Store, client: XverifyClient, databasePath: String, interval: Double) async throws {
        let counts = try store.callCounts()
        logger.info("placing \(counts.waiting) calls, one every \(Figures.rate(interval)) s")
        progress?.startSending(provider: XverifyClient.name, numbers: counts.calls, settled: counts.calls - counts.waiting)
        let queue = try ConfirmQueue(path: databasePath, owner: LeaseOwner.current().description, progress: progress)
        try await ProviderHTTPClient.using(limits: client.limits) { http in
            try await CallPlacer(queue: queue, client: client, http: http, parameters: call, interval: interval, logger: logger,
                                 interruption: interruption).run()
        }
    }
}

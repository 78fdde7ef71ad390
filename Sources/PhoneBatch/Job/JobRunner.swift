import Foundation
import Logging

/// Runs a job through its stages, from wherever the database says it stopped:
/// ingest (with normalize) -> plan -> submit -> export.
public struct JobRunner {
    public let options: RunOptions
    let logger: Logger

    public init(options: RunOptions, logger: Logger) {
        self.options = options
        self.logger = logger
    }

    public func run() async throws -> RunReport {
        let started = Timestamp.monotonic()
        let inputPath = FileSystem.absolute(options.inputPath)
        guard FileSystem.exists(inputPath) else { throw PhoneBatchError.inputNotFound(path: options.inputPath) }
        let outputPath = FileSystem.absolute(options.outputPath ?? DefaultPaths.output(for: inputPath, format: options.format))
        let databasePath = FileSystem.absolute(options.databasePath ?? DefaultPaths.database(for: inputPath))
        guard outputPath != inputPath else { throw PhoneBatchError.outputWouldOverwriteInput(path: inputPath) }
        guard databasePath != inputPath else {
            throw PhoneBatchError.invalidOption("the database would overwrite the input \(inputPath); choose another path with --db")
        }
        guard outputPath != databasePath else {
            throw PhoneBatchError.invalidOption("the output would overwrite the database \(databasePath); choose another path with --out")
        }
        let configuration = try Configuration(path: options.configPath, environment: options.environment)
        let provider = try ProviderCatalog.provider(named: options.provider, configuration: configuration)
        let defaultRegion = try options.defaultCountry.map { text in
            guard let region = CountryResolver.shared.region(for: text) else { throw PhoneBatchError.unknownCountry(text) }
            return region
        }

        if options.restart { try FileSystem.removeDatabase(databasePath) }
        let store = try Store(path: databasePath)
        let fingerprint = try InputFingerprint.of(path: inputPath)
        var job: JobRecord
        if let existing = try store.loadJob() {
            try checkResumable(existing, fingerprint: fingerprint, databasePath: databasePath)
            job = existing
            if job.stage != .done { logger.info("resuming the job in \(databasePath) at \(job.stage.rawValue)") }
        } else {
            let setup = JobSetup(options: options, inputPath: inputPath, outputPath: outputPath,
                                 defaultRegion: defaultRegion, logger: logger)
            job = try setup.makeJob(fingerprint: fingerprint)
            try store.createJob(job)
        }
        job.outputPath = outputPath
        job.format = options.format

        if job.stage == .ingest {
            let layout = RowLayout(fieldCount: job.header.count, phoneColumn: job.phoneColumn,
                                   countryColumn: job.countryColumn, defaultRegion: job.defaultRegion)
            let queue: QueuePolicy = provider == nil ? .none : (options.sendInvalid ? .all : .valid)
            let ingester = Ingester(store: store, layout: layout, queue: queue, checker: try options.checking.makeChecker(),
                                    logger: logger)
            try ingester.run(path: inputPath, dialect: job.dialect, from: job.ingestCheckpoint)
            try store.setStage(.plan)
            job.stage = .plan
        }
        if job.stage == .plan {
            if let provider { try Planner(store: store, provider: provider, token: job.token, logger: logger).run() }
            try store.setStage(.submit)
            job.stage = .submit
        }
        if job.stage == .submit {
            if let provider {
                try await submit(provider: provider, databasePath: databasePath, token: job.token)
                let work = try store.openWork(provider: provider.name)
                if work.pendingNumbers > 0 || work.openBatches > 0 {
                    throw PhoneBatchError.workLeft(pendingNumbers: work.pendingNumbers, openBatches: work.openBatches)
                }
            }
            try store.setStage(.export)
            job.stage = .export
        }
        let export = try Exporter(store: store, job: job).export()
        if job.stage == .export {
            try store.setStage(.done)
        }
        let elapsed = Timestamp.monotonic() - started
        try store.recordRunFinished(elapsedSeconds: elapsed)
        return RunReport(counts: try store.counts(), output: export, databasePath: databasePath, seconds: elapsed)
    }

    /// Submits and polls every batch until each number is settled, through the provider's
    /// lane, with its own connection to the database.
    private func submit(provider: any Provider, databasePath: String, token: String) async throws {
        let limits = provider.limits
        let queue = try WorkQueue(path: databasePath, provider: provider.name, token: token, owner: Self.ownerID(),
                                  leaseSeconds: SubmitEngine.leaseSeconds(for: limits), batchSize: limits.batchSize)
        let client = ProviderHTTPClient.make(limits: limits)
        do {
            try await SubmitEngine(queue: queue, provider: provider, client: client, logger: logger).run()
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }

    /// An existing job resumes only on the same input with the same options.
    private func checkResumable(_ job: JobRecord, fingerprint: InputFingerprint, databasePath: String) throws {
        guard job.input.path == fingerprint.path else {
            throw PhoneBatchError.jobMismatch(path: databasePath, reason: "it was made from \(job.input.path)")
        }
        guard job.input == fingerprint else { throw PhoneBatchError.inputChanged(path: fingerprint.path) }
        guard job.optionsJSON == options.defining.text else {
            throw PhoneBatchError.jobMismatch(path: databasePath, reason: "it was run with other options: \(job.optionsJSON)")
        }
    }

    /// Who holds a lease: this process on this machine.
    static func ownerID() -> String {
        "\(ProcessInfo.processInfo.hostName):\(getpid())"
    }
}

/// What a run did, for the summary.
public struct RunReport: Sendable {
    public var counts: JobCounts
    public var output: ExportReport
    public var databasePath: String
    public var seconds: Double
}

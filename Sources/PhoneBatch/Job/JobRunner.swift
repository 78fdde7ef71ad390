import Foundation
import Logging

/// Runs a job through its stages, from wherever the database says it stopped:
/// ingest (with normalize) -> plan -> submit -> export.
///
/// Any number of processes may run one job at once: reading the input is one process's at a
/// time (the job lease; the others wait for it), and the batches are shared through theirs.
public struct JobRunner {
    public let options: RunOptions
    let logger: Logger
    let interruption: Interruption
    let owner = LeaseOwner.current().description

    public init(options: RunOptions, logger: Logger, interruption: Interruption = Interruption()) {
        self.options = options
        self.logger = logger
        self.interruption = interruption
    }

    /// Asked before the first billable request, with the plan; false stops the run before
    /// anything is sent (`run` on a terminal, unless `--yes`).
    public var confirm: (@Sendable (JobPlan) async -> Bool)?

    /// Moved by the stages as they work, for a progress display.
    public var progress: RunProgress?

    /// A job opened: its database, its record, where its files are.
    struct OpenedJob {
        var store: Store
        var job: JobRecord
        var configuration: Configuration
        var inputPath: String
        var databasePath: String
    }

    /// Checks the paths and the configuration (`prepare` checks the provider's settings
    /// against it), then opens (or creates) the database and the job, and checks that the job
    /// is this one: the same input, unchanged, with the same options. Nothing is written
    /// before every check has passed.
    func open<Checked>(prepare: (Configuration) throws -> Checked) throws -> (OpenedJob, Checked) {
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
        var output = options.output
        output.rejectsPath = output.rejectsPath.map(FileSystem.absolute)
        try output.check(format: options.format, outputPath: outputPath, inputPath: inputPath, databasePath: databasePath)
        let configuration = try Configuration(path: options.configPath, environment: options.environment)
        let checked = try prepare(configuration)
        let defaultRegion = try options.defaultCountry.map { text in
            guard let region = CountryResolver.shared.region(for: text) else { throw PhoneBatchError.unknownCountry(text) }
            return region
        }

        if options.restart { try FileSystem.removeDatabase(databasePath) }
        let store = try Store(path: databasePath)
        let fingerprint = try InputFingerprint.of(path: inputPath)
        var job: JobRecord
        if let existing = try store.loadJob() {
            job = existing
            if job.stage != .done { logger.info("resuming the job in \(databasePath) at \(job.stage.rawValue)") }
        } else {
            let setup = JobSetup(options: options, inputPath: inputPath, outputPath: outputPath,
                                 defaultRegion: defaultRegion, logger: logger)
            job = try setup.makeJob(fingerprint: fingerprint)
            // Another run on the same input may have created it a moment before: join that one.
            if try !store.createJob(job), let created = try store.loadJob() { job = created }
        }
        try checkResumable(job, fingerprint: fingerprint, databasePath: databasePath)
        var latest = options
        latest.output = output
        // This run's output settings are the job's from now on: `resume` and `export` use them.
        if job.outputPath != outputPath || job.format != options.format || job.optionsJSON != latest.stored.text {
            job.outputPath = outputPath
            job.format = options.format
            job.optionsJSON = latest.stored.text
            try store.updateOutputSettings(of: job)
        }
        return (OpenedJob(store: store, job: job, configuration: configuration, inputPath: inputPath, databasePath: databasePath),
                checked)
    }

    /// Reads the input (free: the local check) and says what the run would send, in how many
    /// requests, how long and at what cost. Sends nothing; needs no credentials. The job it
    /// leaves is the one `run` continues.
    public func plan() async throws -> JobPlan {
        var (opened, profile) = try open { try ProviderCatalog.profile(named: options.provider, configuration: $0) }
        if opened.job.stage == .ingest {
            do {
                try await ingest(&opened.job, store: opened.store, sending: profile != nil, inputPath: opened.inputPath)
            } catch is Interruption.Requested {
                throw try stopped(opened.store, at: opened.job.stage, databasePath: opened.databasePath)
            }
        }
        return try JobPlan.make(store: opened.store, profile: profile, provider: options.provider)
    }

    public func run() async throws -> RunReport {
        let started = Timestamp.monotonic()
        let (opened, provider) = try open { try ProviderCatalog.provider(named: options.provider, configuration: $0) }
        let (store, inputPath, databasePath) = (opened.store, opened.inputPath, opened.databasePath)
        var job = opened.job
        do {
            try await runStages(&job, store: store, provider: provider, configuration: opened.configuration,
                                inputPath: inputPath, databasePath: databasePath)
        } catch is Interruption.Requested {
            throw try stopped(store, at: job.stage, databasePath: databasePath)
        }
        let export = try Exporter(store: store, job: job).export()
        if job.stage == .export {
            try store.setStage(.done)
        }
        let elapsed = Timestamp.monotonic() - started
        try store.recordRunFinished(elapsedSeconds: elapsed)
        let summary = try store.summary(breakdowns: export.breakdowns)
        return RunReport(counts: try store.counts(rowsByStatus: summary.byStatus), summary: summary, output: export,
                         databasePath: databasePath, seconds: elapsed)
    }

    /// Ingest, plan and submit, from the stage the job is at; on return the job is at export.
    private func runStages(_ job: inout JobRecord, store: Store, provider: (any Provider)?, configuration: Configuration,
                           inputPath: String, databasePath: String) async throws {
        if job.stage == .ingest {
            try await ingest(&job, store: store, sending: provider != nil, inputPath: inputPath)
        }
        if let provider, let confirm, job.stage < .export, try store.isUnspent() {
            let profile = try ProviderCatalog.profile(named: provider.name, configuration: configuration)
            let plan = try JobPlan.make(store: store, profile: profile, provider: provider.name)
            if plan.numbersToSend > 0, !(await confirm(plan)) { throw PhoneBatchError.declined(databasePath: databasePath) }
        }
        if job.stage == .plan {
            if let provider {
                try Planner(store: store, provider: provider, token: job.token, logger: logger, interruption: interruption).run()
            }
            try store.setStage(.submit)
            job.stage = .submit
        }
        if job.stage == .submit {
            if let provider {
                let (numbers, settled) = try store.sendingCounts()
                progress?.startSending(provider: provider.name, numbers: numbers, settled: settled)
                try await submit(provider: provider, databasePath: databasePath, token: job.token)
                let work = try store.openWork(provider: provider.name)
                if work.pendingNumbers > 0 || work.openBatches > 0 {
                    throw PhoneBatchError.workLeft(pendingNumbers: work.pendingNumbers, openBatches: work.openBatches)
                }
            }
            try store.setStage(.export)
            job.stage = .export
        }
    }

    /// A run that stopped because the user asked: recorded, its job lease given up, and the
    /// error that tells the user how to resume.
    func stopped(_ store: Store, at stage: JobStage, databasePath: String) throws -> PhoneBatchError {
        try store.recordRunInterrupted(stage: stage)
        try? store.releaseJobLease(owner: owner)
        return .interrupted(databasePath: databasePath)
    }

    /// Reads the input from the job's checkpoint (with the job lease: one process at a time)
    /// and moves the job to plan. `sending`: the valid numbers wait for a provider.
    func ingest(_ job: inout JobRecord, store: Store, sending: Bool, inputPath: String) async throws {
        try await takeIngest(&job, store: store)
        guard job.stage == .ingest else { return }
        if job.metadataVersion != NumberEngine.metadataVersion {
            // Begun by an older phonebatch and stopped while reading its input: its rows so far
            // were judged by other metadata. Nothing has been sent yet, so read it all again
            // with this one, and keep every job's verdicts from one metadata release.
            let start = try IngestCheckpoint.afterHeader(of: inputPath, dialect: job.dialect)
            logger.info("this job was begun with metadata \(job.metadataVersion) and had not finished reading its input: reading it again with metadata \(NumberEngine.metadataVersion)")
            try store.restartIngest(from: start, metadataVersion: NumberEngine.metadataVersion, owner: owner)
            job.ingestCheckpoint = start
            job.metadataVersion = NumberEngine.metadataVersion
        }
        var layout = RowLayout(fieldCount: job.header.count, phoneColumn: job.phoneColumn,
                               countryColumn: job.countryColumn, defaultRegion: job.defaultRegion)
        layout.codeColumn = try options.codeColumn.map { try ColumnDetector().column(named: $0, header: job.header) }
        let queue: QueuePolicy = sending ? (options.sendInvalid ? .all : .valid) : .none
        var timings = IngestTimings()
        do {
            // In a scope of its own: the checker's caches end with it, so the sort that ends
            // ingest does not add to their memory.
            let seen = try store.beginIngest()
            let ingester = Ingester(store: store, layout: layout, queue: queue, checker: LocalPhoneChecker(seen: seen),
                                    logger: logger, owner: owner, interruption: interruption)
            ingester.progress = progress
            progress?.startReading(inputBytes: job.input.size, from: job.ingestCheckpoint.offset, rows: job.ingestCheckpoint.nextRow - 2)
            try ingester.run(path: inputPath, dialect: job.dialect, from: job.ingestCheckpoint)
            timings = ingester.timings
        }
        try store.finishIngest(timings: timings)
        try store.releaseJobLease(owner: owner)
        job.stage = .plan
    }

    /// Takes the job lease to read the input, or waits while another live process reads it.
    /// On return either this process holds the lease (the job reloaded, at its checkpoint) or
    /// the job has moved past ingest.
    private func takeIngest(_ job: inout JobRecord, store: Store) async throws {
        var said = false
        while true {
            switch try store.takeJobLease(owner: owner) {
            case .held:
                if let fresh = try store.loadJob() { job.stage = fresh.stage; job.ingestCheckpoint = fresh.ingestCheckpoint }
                return
            case .busy(let holder):
                if !said {
                    logger.info("another phonebatch (\(holder)) is reading the input; waiting for it to finish")
                    said = true
                }
                try await interruption.sleep(seconds: 1)
                try interruption.check()
                if let fresh = try store.loadJob(), fresh.stage != .ingest {
                    job.stage = fresh.stage
                    return
                }
            }
        }
    }

    /// Submits and polls every batch until each number is settled, through the provider's
    /// lane, with its own connection to the database.
    private func submit(provider: any Provider, databasePath: String, token: String) async throws {
        let limits = provider.limits
        let queue = try WorkQueue(path: databasePath, provider: provider.name, token: token, owner: owner,
                                  leaseSeconds: SubmitEngine.leaseSeconds(for: limits), batchSize: limits.batchSize,
                                  progress: progress)
        try await ProviderHTTPClient.using(limits: limits) { client in
            try await SubmitEngine(queue: queue, provider: provider, client: client, logger: logger,
                                   interruption: interruption).run()
        }
    }

    /// An existing job resumes only on the same input with the same options.
    private func checkResumable(_ job: JobRecord, fingerprint: InputFingerprint, databasePath: String) throws {
        guard job.input.path == fingerprint.path else {
            throw PhoneBatchError.jobMismatch(path: databasePath, reason: "it was made from \(job.input.path)")
        }
        guard job.input == fingerprint else { throw PhoneBatchError.inputChanged(path: fingerprint.path) }
        // Read back through RunOptions, so that an option added since the job began counts
        // as its default rather than as a difference.
        guard try RunOptions.resuming(job, databasePath: databasePath).defining.text == options.defining.text else {
            throw PhoneBatchError.jobMismatch(path: databasePath, reason: "it was run with other options: \(job.optionsJSON)")
        }
    }
}

/// What a run did, for the summary.
public struct RunReport: Sendable {
    public var counts: JobCounts
    public var summary: JobSummary
    public var output: ExportReport
    public var databasePath: String
    public var seconds: Double
}

import Foundation
import Logging

/// `phonebatch confirm verify`: the codes people typed back, checked against the calls of a
/// `confirm place` database. The file is read once into the database (a file is known by
/// its path and content: the same file again resumes, an edited one is a new round), each
/// code is checked, and the file is written again with what Xverify said of each.
public struct CodeVerification {
    public var inputPath: String
    /// The database of the `confirm place` step.
    public var databasePath: String
    public var outputPath: String?
    public var format: OutputFormat = .csv
    public var codeColumn: String
    public var phoneColumn: String?
    public var transactionColumn: String?
    /// The country of national numbers in the phone column (default: the place step's).
    public var defaultCountry: String?
    public var delimiter: String?
    public var responseFormat: ResponseFormat = .json
    public var configPath: String?
    public var environment: [String: String] = [:]
    /// Moved as codes are checked, for a progress display.
    public var progress: RunProgress?
    let logger: Logger
    let interruption: Interruption

    public init(inputPath: String, databasePath: String, codeColumn: String, logger: Logger,
                interruption: Interruption = Interruption()) {
        self.inputPath = inputPath
        self.databasePath = databasePath
        self.codeColumn = codeColumn
        self.logger = logger
        self.interruption = interruption
    }

    public func run() async throws -> VerificationReport {
        let inputPath = FileSystem.absolute(inputPath)
        let databasePath = FileSystem.absolute(databasePath)
        guard FileSystem.exists(inputPath) else { throw PhoneBatchError.inputNotFound(path: self.inputPath) }
        let outputPath = FileSystem.absolute(outputPath ?? ConfirmPaths.verifyOutput(for: inputPath, format: format))
        guard outputPath != inputPath else { throw PhoneBatchError.outputWouldOverwriteInput(path: inputPath) }
        guard outputPath != databasePath else {
            throw PhoneBatchError.invalidOption("the output would overwrite the database \(databasePath); choose another path with --out")
        }
        let client = try XverifyClient(settings: Configuration(path: configPath, environment: environment)
            .settings(for: XverifyClient.name))
        let store = try Store.openExisting(path: databasePath)
        guard let job = try store.loadJob(), job.provider == XverifyClient.name else {
            throw PhoneBatchError.invalidOption("\(databasePath) holds no Phone Confirm calls; give --db the database `confirm place` made (NAME.confirm.sqlite)")
        }
        let region = try defaultCountry.map { text in
            guard let region = CountryResolver.shared.region(for: text) else { throw PhoneBatchError.unknownCountry(text) }
            return region
        } ?? job.defaultRegion
        let fingerprint = try InputFingerprint.of(path: inputPath)
        var input: VerifyInput
        if let known = try store.verifyInput(path: inputPath, sha256: fingerprint.sha256) {
            input = known
            if !known.isDone { logger.info("resuming the codes of \(inputPath)") }
        } else {
            let reader = VerifyInputReader(store: store, path: inputPath, outputPath: outputPath, format: format,
                                           codeColumn: codeColumn, phoneColumn: phoneColumn, transactionColumn: transactionColumn,
                                           delimiter: try RunOptions.delimiterByte(delimiter), region: region)
            input = try reader.read(fingerprint: fingerprint)
        }
        input.outputPath = outputPath
        input.format = format
        if !input.isDone {
            try await check(input, store: store, client: client, databasePath: databasePath)
            try store.markVerifyInputDone(input.id)
        }
        let export = try Exporter(store: store, source: input.exportSource).export()
        return VerificationReport(counts: try store.checkCounts(inputID: input.id), output: export, databasePath: databasePath)
    }

    private func check(_ input: VerifyInput, store: Store, client: XverifyClient, databasePath: String) async throws {
        let counts = try store.checkCounts(inputID: input.id)
        let total = counts.values.reduce(0, +)
        progress?.startSending(provider: XverifyClient.name, numbers: total, settled: total - (counts["pending"] ?? 0))
        let queue = try ConfirmQueue(path: databasePath, owner: LeaseOwner.current().description, progress: progress)
        do {
            try await ProviderHTTPClient.using(limits: client.limits) { http in
                try await CodeChecker(queue: queue, client: client, http: http, inputID: input.id, format: responseFormat,
                                      logger: logger, interruption: interruption).run()
            }
        } catch is Interruption.Requested {
            throw PhoneBatchError.interruptedConfirm
        }
    }
}

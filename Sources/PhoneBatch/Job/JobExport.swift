/// `phonebatch export`: the output written again from a finished job's database.
public struct JobExport {
    public var databasePath: String
    public var outputPath: String?
    public var format: OutputFormat?

    public init(databasePath: String, outputPath: String?, format: OutputFormat?) {
        self.databasePath = databasePath
        self.outputPath = outputPath
        self.format = format
    }

    public func run() throws -> ExportReport {
        let store = try Store.openExisting(path: FileSystem.absolute(databasePath))
        guard let job = try store.loadJob() else { throw PhoneBatchError.notAPhoneBatchDatabase(path: databasePath) }
        guard job.stage >= .export else { throw PhoneBatchError.jobNotFinished(path: databasePath, stage: job.stage.rawValue) }
        let destination = outputPath.map(FileSystem.absolute)
        return try Exporter(store: store, job: job).export(to: destination, format: format)
    }
}

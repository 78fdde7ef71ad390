/// `phonebatch export`: the output written again from a finished job's database.
public struct JobExport {
    public var databasePath: String
    public var outputPath: String?
    public var format: OutputFormat?
    /// nil: the run's.
    public var only: RowVerdict.Selection?
    public var rejectsPath: String?
    public var excelSafe: Bool?

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
        var choices = job.outputChoices
        if let only { choices.only = only }
        if let rejectsPath { choices.rejectsPath = FileSystem.absolute(rejectsPath) }
        if let excelSafe { choices.excelSafe = excelSafe }
        return try Exporter(store: store, job: job).export(to: destination, format: format, choices: choices)
    }
}

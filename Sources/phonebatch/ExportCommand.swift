import ArgumentParser
import PhoneBatch

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the output again from a job's database and its input, byte for byte as the run did."
    )

    @Argument(help: "The job's SQLite file.")
    var db: String

    @Option(help: "Where to write (default: the run's output path).")
    var out: String?

    @Option(help: "Output format: csv or jsonl (default: the run's).")
    var format: OutputFormat?

    @Option(help: "Write only these rows: valid, invalid or all (default: the run's).")
    var only: RowVerdict.Selection?

    @Option(help: "Also write the rows that could not be checked to this file (default: the run's, if any).")
    var rejects: String?

    @Flag(name: .customLong("excel-safe"), inversion: .prefixedNo,
          help: "Write phone columns as =\"...\" for spreadsheets (default: as the run did).")
    var excelSafe: Bool?

    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        let report = try await reportingErrors {
            var export = JobExport(databasePath: db, outputPath: out, format: format)
            export.only = only
            export.rejectsPath = rejects
            export.excelSafe = excelSafe
            return try export.run()
        }
        if !logging.quiet { print(report.text) }
    }
}

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

    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        let report = try await reportingErrors {
            try JobExport(databasePath: db, outputPath: out, format: format).run()
        }
        if !logging.quiet { print("wrote \(report.rows) rows to \(report.path)") }
    }
}

import ArgumentParser
import Foundation
import PhoneBatch

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a job's report: one self-contained HTML page with its breakdowns, timeline and cost.",
        discussion: "Reads the database only; safe while a run is going on. Prices come from the config's price_per_number."
    )

    @Argument(help: "The job's SQLite file.")
    var db: String

    @Option(help: "Where to write the page (default: NAME.report.html beside the database).")
    var out: String?

    @Option(help: "A TOML config file, for the providers' prices; PHONEBATCH_* variables override it.")
    var config: String?

    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        let path = try await reportingErrors {
            try ReportExport(databasePath: db, outputPath: out, configPath: config,
                             environment: ProcessInfo.processInfo.environment).run()
        }
        if !logging.quiet { print("wrote the report to \(path)") }
    }
}

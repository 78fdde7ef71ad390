import ArgumentParser
import Foundation
import PhoneBatch

/// The flags that say what job to run: the input, the provider, where things go and how the
/// input is read. Shared by `run` and `plan`, so that a plan is of exactly the job `run` runs.
struct JobOptions: ParsableArguments {
    @Argument(help: "The CSV export to check.")
    var input: String

    @Option(help: "Who checks the numbers: \(ProviderCatalog.names.joined(separator: ", ")).")
    var provider = "offline"

    @Option(help: "Where to write the output (default: NAME.checked.csv beside the input).")
    var out: String?

    @Option(help: "The job's SQLite file (default: NAME.phonebatch.sqlite beside the input).")
    var db: String?

    @OptionGroup var columns: ColumnOptions

    @Option(help: "Output format: csv or jsonl.")
    var format: OutputFormat = .csv

    @Flag(name: .customLong("send-invalid"), help: "Send numbers the local check finds invalid to the provider too.")
    var sendInvalid = false

    @Flag(help: "Discard this input's database and start over.")
    var restart = false

    @Option(help: "A TOML config file with a section per provider (see samples/phonebatch.toml); PHONEBATCH_* variables override it.")
    var config: String?

    @Flag(help: "Rehearse: start the provider sandbox in this process and send the numbers there, not to the provider.")
    var sandbox = false

    @OptionGroup var workers: WorkerOptions

    /// The library's options, with this process's environment for the provider settings.
    func runOptions() -> RunOptions {
        var options = RunOptions(inputPath: input)
        options.outputPath = out
        options.databasePath = db
        options.provider = provider
        columns.apply(to: &options)
        options.format = format
        options.sendInvalid = sendInvalid
        options.restart = restart
        options.configPath = config
        options.sandbox = sandbox
        options.environment = ProcessInfo.processInfo.environment
        return options
    }
}

extension OutputFormat: ExpressibleByArgument {}

import ArgumentParser
import Foundation
import PhoneBatch
import PhoneBatchSandbox

struct ResumeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "Finish the job in DB where it stopped: its input, options and output path come from the database."
    )

    @Argument(help: "The job's SQLite file.")
    var db: String

    @Option(help: "A TOML config file with a section per provider; PHONEBATCH_* variables override it.")
    var config: String?

    @OptionGroup var workers: WorkerOptions

    @OptionGroup var stopping: StopOptions

    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        try await JobConsole(logging: logging, stopping: stopping).run { logger, interruption, progress in
            var options = try RunOptions.resuming(databasePath: db)
            options.configPath = config
            options.environment = ProcessInfo.processInfo.environment
            return try await JobLauncher.run(options, logger: logger, interruption: interruption, progress: progress)
        }
    }
}

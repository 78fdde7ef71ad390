import ArgumentParser
import Foundation
import PhoneBatch
import PhoneBatchSandbox

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Check every phone number of INPUT and write it back with the verdicts appended.",
        discussion: "With a paid provider on a terminal, the plan is shown and confirmed before the first billable request."
    )

    @OptionGroup var job: JobOptions

    @OptionGroup var output: OutputOptions

    @Flag(name: .shortAndLong, help: "Do not ask before sending numbers to a paid provider (never asked off a terminal).")
    var yes = false

    @OptionGroup var stopping: StopOptions

    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        var options = job.runOptions()
        options.output = output.choices
        let console = JobConsole(logging: logging, stopping: stopping)
        try await console.run { logger, interruption, progress in
            try await JobLauncher.run(options, logger: logger, interruption: interruption,
                                      confirm: TerminalConfirmation.make(skip: yes, console: console.console), progress: progress)
        }
    }
}

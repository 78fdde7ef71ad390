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

    @Flag(name: .shortAndLong, help: "Do not ask before sending numbers to a paid provider (never asked off a terminal).")
    var yes = false

    @OptionGroup var stopping: StopOptions

    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        let logger = logging.makeLogger()
        let trap = SignalTrap(graceSeconds: stopping.grace)
        let options = job.runOptions()
        let report = try await reportingErrors {
            try await JobLauncher.run(options, logger: logger, interruption: trap.interruption,
                                      confirm: TerminalConfirmation.make(skip: yes))
        }
        withExtendedLifetime(trap) {}
        if !logging.quiet { print(report.text) }
    }
}

import ArgumentParser
import Logging
import PhoneBatch

/// What a command prints when its work is done.
protocol ConsoleReport {
    var text: String { get }
}

extension RunReport: ConsoleReport {}
extension PlacementReport: ConsoleReport {}
extension VerificationReport: ConsoleReport {}

/// What a command that runs a job (`run`, `resume`, `confirm`) shows while it works: log lines, the
/// progress display, what Ctrl-C does, and at the end the summary or the error.
struct JobConsole {
    let logging: LoggingOptions
    let stopping: StopOptions
    let console = Console()

    /// Runs `body` with the logger, the interruption Ctrl-C requests and the progress the
    /// display shows; prints the run's summary (unless `--quiet`) or its error.
    func run<Report: ConsoleReport>(_ body: (_ logger: Logger, _ interruption: Interruption, _ progress: RunProgress) async throws -> Report)
        async throws {
        let logger = logging.makeLogger(console: console)
        let trap = SignalTrap(graceSeconds: stopping.grace, console: console)
        let display = logging.makeProgressDisplay(console: console, logger: logger)
        let report = try await reportingErrors {
            defer { display.finish() }
            return try await body(logger, trap.interruption, display.progress)
        }
        withExtendedLifetime(trap) {}
        if !logging.quiet { print(report.text) }
    }
}

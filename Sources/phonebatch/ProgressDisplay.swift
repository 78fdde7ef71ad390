import Foundation
import Logging
import PhoneBatch

/// Shows a run's progress while it works: on a terminal, a line per stage with a bar,
/// redrawn in place four times a second and wiped at the end; elsewhere (a log file, cron,
/// systemd), one log line every thirty seconds. `--quiet` shows none.
final class ProgressDisplay: Sendable {
    let progress = RunProgress()
    private let task: Task<Void, Never>?
    private let console: Console

    /// `PHONEBATCH_PROGRESS_SECONDS`: the log line's interval, for tests that cannot wait 30 s.
    static let intervalVariable = "PHONEBATCH_PROGRESS_SECONDS"

    init(console: Console, logger: Logger, enabled: Bool, drawBars: Bool) {
        self.console = console
        guard enabled else {
            task = nil
            return
        }
        let progress = progress
        if drawBars && console.isTerminal {
            task = Task {
                while !Task.isCancelled {
                    console.draw(progress.snapshot().lines(now: Timestamp.monotonic()))
                    try? await Task.sleep(for: .milliseconds(250))
                }
            }
        } else {
            let seconds = ProcessInfo.processInfo.environment[Self.intervalVariable].flatMap(Double.init) ?? 30
            task = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(seconds))
                    if Task.isCancelled { break }
                    if let line = progress.snapshot().logLine(now: Timestamp.monotonic()) { logger.info("\(line)") }
                }
            }
        }
    }

    /// Stops the display and wipes its lines (before the summary, an error or an exit).
    func finish() {
        task?.cancel()
        console.clear()
    }
}

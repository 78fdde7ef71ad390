import ArgumentParser
import Logging
import PhoneBatch

/// The logging flags every command shares.
struct LoggingOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Print only errors: no progress, no summary.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Print debugging detail.")
    var verbose = false

    @Option(name: .customLong("log-format"), help: "Log lines as text (for people) or json (one object a line, for log collectors).")
    var logFormat: LogFormat = .text

    enum LogFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    func makeLogger(console: Console = Console()) -> Logger {
        let format: LineLogHandler.Format = logFormat == .json ? .json : .text
        var logger = Logger(label: "phonebatch") { _ in LineLogHandler(format: format, write: console.write) }
        logger.logLevel = quiet ? .error : (verbose ? .debug : .info)
        return logger
    }

    /// The progress display for a run: bars on a terminal with text logs, log lines
    /// otherwise, none with `--quiet`.
    func makeProgressDisplay(console: Console, logger: Logger) -> ProgressDisplay {
        ProgressDisplay(console: console, logger: logger, enabled: !quiet, drawBars: logFormat == .text)
    }
}

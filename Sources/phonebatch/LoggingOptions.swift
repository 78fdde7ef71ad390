import ArgumentParser
import Logging
import PhoneBatch

/// The logging flags every command shares.
struct LoggingOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Print only errors.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Print debugging detail.")
    var verbose = false

    func makeLogger() -> Logger {
        var logger = Logger(label: "phonebatch") { _ in StandardErrorLogHandler() }
        logger.logLevel = quiet ? .error : (verbose ? .debug : .info)
        return logger
    }
}

import ArgumentParser
import PhoneBatch

/// Internal: the worker processes `run` starts to check numbers in parallel.
struct NormalizeWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize-worker",
        abstract: "Check phone numbers sent on standard input (started by run; not for direct use).",
        shouldDisplay: false
    )

    @Option(help: "Entries in each cache.")
    var cacheLimit = PhoneNormalizer.defaultCacheLimit

    func run() throws {
        try NormalizeWorker.serve(cacheLimit: cacheLimit)
    }
}

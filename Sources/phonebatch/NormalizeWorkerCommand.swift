import ArgumentParser
import Glibc
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
        // Ctrl-C reaches the whole process group: the parent decides when to stop, and ends a
        // worker by closing its standard input.
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        try NormalizeWorker.serve(cacheLimit: cacheLimit)
    }
}

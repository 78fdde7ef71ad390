import ArgumentParser
import PhoneBatch

/// Internal: the worker processes `run` starts to check numbers in parallel.
struct NormalizeWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize-worker",
        abstract: "Check phone numbers sent on standard input (started by run; not for direct use).",
        shouldDisplay: false
    )

    func run() throws {
        try NormalizeWorker.serve()
    }
}

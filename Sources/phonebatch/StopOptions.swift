import ArgumentParser

/// How a command that works on a job stops when asked to (SIGINT, SIGTERM).
struct StopOptions: ParsableArguments {
    @Option(help: "Seconds to finish the work in flight after SIGINT or SIGTERM before exiting anyway (exit 75, resumable).")
    var grace: Double = 30

    func validate() throws {
        guard grace >= 0 else { throw ValidationError("--grace is a number of seconds, 0 or more") }
    }
}

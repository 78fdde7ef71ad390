import ArgumentParser
import PhoneBatch

/// `--workers`, which set how many processes checked numbers before the number engine ran
/// in-process. Still accepted, so that scripts that pass it keep working; hidden, and it says
/// it is ignored.
struct WorkerOptions: ParsableArguments {
    @Option(help: .hidden)
    var workers: Int?

    func validate() throws {
        if let workers, workers < 1 { throw ValidationError("--workers takes a number of processes, 1 or more") }
        if workers != nil {
            StandardError.write("phonebatch: note: --workers is no longer needed (numbers are checked in this process) and is ignored\n")
        }
    }
}

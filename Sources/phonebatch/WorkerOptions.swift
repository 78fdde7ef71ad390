import ArgumentParser
import PhoneBatch

/// How many processes check numbers while the input is read: for `run`, `plan`, `resume`
/// and `confirm place`, which may all have an input left to read.
struct WorkerOptions: ParsableArguments {
    @Option(help: "Processes that check numbers in parallel while the input is read (default: one per core; 1 checks in this process).")
    var workers: Int?

    func validate() throws {
        if let workers, workers < 1 { throw ValidationError("--workers takes a number of processes, 1 or more") }
    }

    var checking: CheckingMode { .forWorkers(workers) }
}

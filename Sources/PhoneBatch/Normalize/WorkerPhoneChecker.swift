import Foundation

/// Checks phone fields in worker processes (`phonebatch normalize-worker`), each with its own
/// libphonenumber.
///
/// Why processes: libphonenumber takes one process-wide lock on every regular-expression
/// lookup, so a second thread adds about a fifth; a second process, with its own copy of
/// the library, doubles the rate on two cores. A batch is split into one slice per worker;
/// each worker reads its whole slice before answering, so writing all slices and then
/// reading all answers cannot deadlock on full pipes.
public final class WorkerPhoneChecker: PhoneChecker {
    private struct Worker {
        let process: Process
        let input: FileHandle
        let output: FileHandle
    }

    private var workers: [Worker] = []
    private var sliceCounts: [Int] = []

    /// Starts `count` workers running `executable normalize-worker`.
    public init(executable: String, count: Int) throws {
        for _ in 0..<max(1, count) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = ["normalize-worker"]
            let toWorker = Pipe(), fromWorker = Pipe()
            process.standardInput = toWorker
            process.standardOutput = fromWorker
            try process.run()
            workers.append(Worker(process: process, input: toWorker.fileHandleForWriting, output: fromWorker.fileHandleForReading))
        }
    }

    deinit {
        for worker in workers {
            try? worker.input.close()
            worker.process.waitUntilExit()
        }
    }

    public func start(_ queries: [PhoneQuery]) throws {
        let sliceSize = (queries.count + workers.count - 1) / max(1, workers.count)
        sliceCounts = []
        for (index, worker) in workers.enumerated() {
            let lower = min(queries.count, index * sliceSize)
            let slice = queries[lower..<min(queries.count, lower + sliceSize)]
            var request: [UInt8] = []
            CheckWire.encode(slice, into: &request)
            try send(request, to: worker)
            sliceCounts.append(slice.count)
        }
    }

    public func finish() throws -> [LocalCheck] {
        var checks: [LocalCheck] = []
        for (worker, count) in zip(workers, sliceCounts) {
            guard let answer = try FrameIO.read(from: worker.output.fileDescriptor) else { throw failure(worker) }
            var reader = ByteReader(answer)
            for _ in 0..<count { checks.append(try CheckWire.decodeCheck(&reader)) }
        }
        sliceCounts = []
        return checks
    }

    private func send(_ request: [UInt8], to worker: Worker) throws {
        do {
            try FrameIO.write(request, to: worker.input.fileDescriptor)
        } catch {
            throw failure(worker)
        }
    }

    private func failure(_ worker: Worker) -> PhoneBatchError {
        .workerFailed("a normalize-worker process (pid \(worker.process.processIdentifier)) stopped answering")
    }
}

import Foundation

/// Checks phone fields in worker processes (`phonebatch normalize-worker`), each with its own
/// libphonenumber.
///
/// Why processes: libphonenumber takes one process-wide lock on every regular-expression
/// lookup, so a second thread adds about a fifth; a second process, with its own copy of
/// the library, runs at full speed on a second core. A batch is split into one slice per
/// worker. A reader thread per worker drains its answers as they come, so a worker never
/// blocks on a full pipe while the next batch is being written to it.
public final class WorkerPhoneChecker: PhoneChecker {
    private struct Worker {
        let process: Process
        let input: FileHandle
        let answers: FrameInbox
    }

    private var workers: [Worker] = []
    /// For each batch in flight, the size of each worker's slice.
    private var inFlight: [[Int]] = []

    /// Starts `count` workers running `executable normalize-worker`.
    public init(executable: String, count: Int) throws {
        for _ in 0..<max(1, count) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = ["normalize-worker", "--cache-limit", String(PhoneNormalizer.defaultCacheLimit / max(1, count))]
            let toWorker = Pipe(), fromWorker = Pipe()
            process.standardInput = toWorker
            process.standardOutput = fromWorker
            try process.run()
            let answers = FrameInbox(reading: fromWorker.fileHandleForReading.fileDescriptor)
            workers.append(Worker(process: process, input: toWorker.fileHandleForWriting, answers: answers))
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
        var counts: [Int] = []
        for (index, worker) in workers.enumerated() {
            let lower = min(queries.count, index * sliceSize)
            let slice = queries[lower..<min(queries.count, lower + sliceSize)]
            var request: [UInt8] = []
            CheckWire.encode(slice, into: &request)
            do {
                try FrameIO.write(request, to: worker.input.fileDescriptor)
            } catch {
                throw failure(worker)
            }
            counts.append(slice.count)
        }
        inFlight.append(counts)
    }

    public func finish() throws -> [LocalCheck] {
        precondition(!inFlight.isEmpty, "finish without start")
        let counts = inFlight.removeFirst()
        var checks: [LocalCheck] = []
        for (worker, count) in zip(workers, counts) {
            guard let answer = worker.answers.next() else { throw failure(worker) }
            var reader = ByteReader(answer)
            for _ in 0..<count { checks.append(try CheckWire.decodeCheck(&reader)) }
            guard reader.isAtEnd else { throw failure(worker) }
        }
        return checks
    }

    private func failure(_ worker: Worker) -> PhoneBatchError {
        .workerFailed("a normalize-worker process (pid \(worker.process.processIdentifier)) stopped answering")
    }
}

/// The frames arriving on a pipe, read by a thread of their own and handed out in order.
final class FrameInbox: Sendable {
    /// Unbounded: the worker must never block on a full pipe while it waits for a read.
    private let frames = BoundedHandoff<[UInt8]>(capacity: .max)

    /// - Parameter fd: read from a duplicate this inbox owns, so that the pipe's own
    ///   descriptor closing (when the `Process` goes away) cannot pull it from under the thread.
    init(reading fd: Int32) {
        let owned = dup(fd)
        let thread = Thread { [frames] in
            defer { close(owned) }
            while let frame = try? FrameIO.read(from: owned), frames.put(frame) {}
            frames.close()
        }
        thread.start()
    }

    /// The next frame, waiting for it; nil once the pipe has closed with none left.
    func next() -> [UInt8]? {
        frames.take()
    }
}

import Synchronization

/// The counters the stages of a run move as they work, for the progress display. Shared by
/// the ingester and the submit workers (hence the lock); read by the display's timer.
public final class RunProgress: Sendable {
    private let state = Mutex(ProgressSnapshot())

    public init() {}

    public func snapshot() -> ProgressSnapshot {
        state.withLock { $0 }
    }

    func startReading(inputBytes: Int64, from offset: Int64, rows: Int) {
        state.withLock {
            $0.reading = .init(inputBytes: inputBytes, bytesRead: offset, rows: rows,
                               startedAt: Timestamp.monotonic(), bytesAtStart: offset)
        }
    }

    func read(rows: Int, through offset: Int64) {
        state.withLock {
            $0.reading?.rows += rows
            $0.reading?.bytesRead = offset
        }
    }

    func startSending(provider: String, numbers: Int, settled: Int) {
        state.withLock {
            $0.sending = .init(provider: provider, numbers: numbers, settled: settled,
                               startedAt: Timestamp.monotonic(), settledAtStart: settled)
        }
    }

    func requested(_ record: RequestRecord) {
        state.withLock {
            $0.sending?.requests += 1
            if record.attempt > 1 { $0.sending?.retries += 1 }
            $0.sending?.units += record.units
        }
    }

    func settled(_ count: Int) {
        state.withLock { $0.sending?.settled += count }
    }
}

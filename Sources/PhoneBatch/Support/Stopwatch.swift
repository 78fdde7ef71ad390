import Dispatch

/// Adds up the wall time of parts of a stage, for the timings a job records (and
/// `scripts/bench ingest` reports, per row).
struct Stopwatch {
    private(set) var seconds: Double = 0

    /// Runs `body`, adding its time.
    mutating func time<T>(_ body: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { seconds += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
        return try body()
    }
}

/// Where the time of reading the input went, recorded with the event that ends ingest.
public struct IngestTimings: Sendable, Equatable {
    /// Reading and splitting the CSV.
    public var reading: Double = 0
    /// Reading countries, gathering each chunk's distinct phones, applying the verdicts.
    public var preparing: Double = 0
    /// The engine's own time (on the checker's thread, beside the rest).
    public var engine: Double = 0
    /// Waiting for the checker.
    public var waitingForEngine: Double = 0
    /// Committing rows and numbers.
    public var storing: Double = 0

    public var rows: Int = 0

    public init() {}
}

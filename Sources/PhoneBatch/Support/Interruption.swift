import Synchronization

/// The user asked the run to stop (SIGINT, SIGTERM): no new work is taken, what is in flight
/// is finished or given back and recorded, and the run ends as resumable. One instance per
/// run, shared by the stages that check it; only the command's signal handler requests it.
public final class Interruption: Sendable {
    private let requested = Mutex(false)

    public init() {}

    public var isRequested: Bool { requested.withLock { $0 } }

    public func request() {
        requested.withLock { $0 = true }
    }

    /// What `check` throws: the job runner records it and reports it as
    /// `PhoneBatchError.interrupted`, naming the database to resume.
    struct Requested: Error {}

    /// Throws `Requested` once a stop has been asked for.
    func check() throws {
        if isRequested { throw Requested() }
    }

    /// Sleeps up to `seconds`, waking early (within a quarter second) when a stop is asked for.
    func sleep(seconds: Double) async throws {
        var left = seconds
        while left > 0, !isRequested {
            let slice = min(left, 0.25)
            try await Task.sleep(for: .milliseconds(Int(slice * 1000)))
            left -= slice
        }
    }
}

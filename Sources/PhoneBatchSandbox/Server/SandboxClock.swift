import Foundation

/// The sandbox's idea of now: the real time plus an offset a test can move forward
/// (`POST /_sandbox/clock`), so that expiries (tokens, tasks, 28-day-old batches) can be
/// reached without waiting.
public actor SandboxClock {
    private var offset: TimeInterval = 0

    public init() {}

    public func now() -> Date {
        Date().addingTimeInterval(offset)
    }

    public func advance(by seconds: TimeInterval) {
        offset += max(0, seconds)
    }

    public var offsetSeconds: TimeInterval { offset }
}

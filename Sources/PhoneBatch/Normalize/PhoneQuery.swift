/// One phone field to check, with the region to read a national number in.
public struct PhoneQuery: Hashable, Sendable {
    public var text: String
    public var region: String?

    public init(text: String, region: String?) {
        self.text = text
        self.region = region
    }
}

/// Checks phone fields in batches: the seam between ingest and the number engine.
///
/// Batches are a queue: `start` may be called again before `finish`, and each `finish`
/// returns the verdicts of the oldest batch not yet finished, in query order. Keeping a
/// second batch queued lets the checker work while the caller reads and commits.
public protocol PhoneChecker: AnyObject {
    func start(_ queries: [PhoneQuery]) throws
    func finish() throws -> [PhoneReading]
    /// Time spent checking, once every batch is finished.
    var busySeconds: Double { get }
}

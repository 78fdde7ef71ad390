/// One phone field to check, with the region to read a national number in.
public struct PhoneQuery: Hashable, Sendable {
    public var text: String
    public var region: String?

    public init(text: String, region: String?) {
        self.text = text
        self.region = region
    }
}

/// Checks phone fields in batches. The seam between ingest and libphonenumber: checked in
/// this process (`LocalPhoneChecker`) or by worker processes (`WorkerPhoneChecker`).
public protocol PhoneChecker: AnyObject {
    /// Starts checking `queries`; `finish()` returns the verdicts in the same order. One
    /// batch at a time: the caller may do other work between the two calls.
    func start(_ queries: [PhoneQuery]) throws
    func finish() throws -> [LocalCheck]
}

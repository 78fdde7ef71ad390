import Dispatch

/// Checks phone fields on one background thread of this process, so that the caller can
/// read and commit while libphonenumber works.
///
/// One thread, not several: libphonenumber guards its regular-expression cache with a single
/// lock taken on every match, and two threads in one process gain little (see
/// `WorkerPhoneChecker` for parallel checking).
public final class LocalPhoneChecker: PhoneChecker, @unchecked Sendable {
    // @unchecked Sendable: `normalizer` and `results` are touched only by the background
    // block between `start` and the `wait` in `finish`, and by the caller after it.
    private var normalizer = PhoneNormalizer()
    private var results: [LocalCheck] = []
    private var group: DispatchGroup?

    public init() {}

    public func start(_ queries: [PhoneQuery]) throws {
        precondition(group == nil, "one batch at a time")
        let group = DispatchGroup()
        self.group = group
        DispatchQueue.global().async(group: group) { [self] in
            results = queries.map { normalizer.check($0.text, region: $0.region) }
        }
    }

    public func finish() throws -> [LocalCheck] {
        group?.wait()
        group = nil
        defer { results = [] }
        return results
    }
}

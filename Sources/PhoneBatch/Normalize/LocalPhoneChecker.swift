import Dispatch

/// Checks phone fields on one background thread of this process, so that the caller can
/// read and commit while the engine works.
public final class LocalPhoneChecker: PhoneChecker, @unchecked Sendable {
    // @unchecked Sendable: `normalizer` is used only on `queue`, one batch after another;
    // each batch's results are read by the caller only after its group has finished.
    private var normalizer = PhoneNormalizer()
    private let queue = DispatchQueue(label: "phonebatch.check")
    private var pending: [(group: DispatchGroup, results: Box)] = []

    private final class Box: @unchecked Sendable {
        var checks: [LocalCheck] = []
    }

    public init() {}

    public func start(_ queries: [PhoneQuery]) throws {
        let group = DispatchGroup(), box = Box()
        queue.async(group: group) { [self] in
            box.checks = queries.map { normalizer.check($0.text, region: $0.region) }
        }
        pending.append((group, box))
    }

    public func finish() throws -> [LocalCheck] {
        precondition(!pending.isEmpty, "finish without start")
        let (group, box) = pending.removeFirst()
        group.wait()
        return box.checks
    }
}

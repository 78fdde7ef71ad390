import Dispatch

/// Checks phone fields on one background thread of this process, so that the caller can
/// read and commit while the engine works. It knows every number it has read (and those read
/// before it, given to `init`), so that each number is described once, at its first reading.
public final class LocalPhoneChecker: PhoneChecker, @unchecked Sendable {
    // @unchecked Sendable: `normalizer` and `seen` are used only on `queue`, one batch after another;
    // each batch's results are read by the caller only after its group has finished.
    private var normalizer = PhoneNormalizer()
    private let queue = DispatchQueue(label: "phonebatch.check")
    private var pending: [(group: DispatchGroup, results: Box)] = []

    private final class Box: @unchecked Sendable {
        var checks: [PhoneReading] = []
    }

    /// The time spent checking so far; read it only when no batch is in flight.
    public private(set) var busySeconds: Double = 0

    /// The E.164 numbers read so far, by this checker and before it.
    private var seen: NumberSet

    /// - Parameter seen: the numbers already read (and described) before this checker, each
    ///   with its id.
    public init(seen: [(e164: Int64, id: Int64)] = []) {
        self.seen = NumberSet(minimumCapacity: seen.count)
        for number in seen { _ = self.seen.insert(number.e164, newID: Int32(number.id)) }
    }

    public func start(_ queries: [PhoneQuery]) throws {
        let group = DispatchGroup(), box = Box()
        queue.async(group: group) { [self] in
            var stopwatch = Stopwatch()
            box.checks = stopwatch.time { queries.map(read) }
            busySeconds += stopwatch.seconds
        }
        pending.append((group, box))
    }

    private func read(_ query: PhoneQuery) -> PhoneReading {
        switch normalizer.parse(query.text, region: query.region) {
        case .empty: return .empty
        case .unparseable(let reason): return .unparseable(reason: reason)
        case .number(let number, let e164, let hint):
            let (id, new) = seen.insert(e164, newID: Int32(seen.count + 1))
            return .number(e164: e164, hint: hint, id: Int64(id), description: new ? normalizer.describe(number, e164: e164) : nil)
        }
    }

    public func finish() throws -> [PhoneReading] {
        precondition(!pending.isEmpty, "finish without start")
        let (group, box) = pending.removeFirst()
        group.wait()
        return box.checks
    }
}

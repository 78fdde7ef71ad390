/// Exponential backoff with full jitter: the n-th retry waits a random time between zero and
/// `base * 2^n`, capped; so that workers that failed together do not retry together.
public struct Backoff: Sendable {
    public var base: Double
    public var cap: Double

    public init(base: Double = 0.25, cap: Double = 30) {
        self.base = base
        self.cap = cap
    }

    public func delay(retry: Int, random: Double = Double.random(in: 0..<1)) -> Double {
        var ceiling = base
        for _ in 0..<min(retry, 30) { ceiling *= 2 }
        return min(cap, ceiling) * random
    }
}

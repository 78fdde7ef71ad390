import Dispatch

/// The engine alone, timed (`phonebatch bench-engine`, driven by `scripts/bench engine`): the
/// loop a user of a phone number library would write over a list of numbers, on one thread.
public enum EngineBenchmark {
    public enum Work: String, Sendable, CaseIterable {
        /// parse, validity, type, E.164: what the Python anchor does.
        case verdict
        /// the verdict and everything `describe` adds: region, national format, location,
        /// original carrier, time zones.
        case describe
    }

    public struct Outcome: Sendable {
        public var numbers: Int
        public var seconds: Double
        public var valid: Int
        public var perSecond: Double { Double(numbers) / seconds }
    }

    /// Runs `work` over `cases` (text and region) `passes` times.
    public static func run(_ cases: [(text: String, region: String?)], passes: Int, work: Work) -> Outcome {
        let engine = NumberEngine()
        var valid = 0
        var sink = 0
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<passes {
            for item in cases {
                guard case .success(let number) = engine.parse(item.text, region: item.region) else { continue }
                switch work {
                case .verdict:
                    if engine.isValid(number) { valid += 1 }
                    sink &+= engine.type(of: number).rawValue.utf8.count &+ number.e164.utf8.count
                case .describe:
                    let facts = engine.describe(number)
                    if facts.isValid { valid += 1 }
                    sink &+= facts.national.utf8.count &+ facts.location.utf8.count &+ number.e164.utf8.count
                }
            }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        // Keeps the optimiser from dropping the work.
        if sink == Int.min { print(sink) }
        return Outcome(numbers: cases.count * passes, seconds: seconds, valid: valid / passes)
    }
}

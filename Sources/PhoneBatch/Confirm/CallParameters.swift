import Foundation

/// How `confirm place` places its calls: redials, a time to call, the answer format and the
/// pace. Checked before anything is opened, so a wrong value calls nobody.
public struct CallParameters: Sendable, Equatable {
    /// Times Xverify dials again when nobody answers (`redial_count`).
    public var redialCount: Int?
    /// Seconds between those redials (`redial_interval`).
    public var redialIntervalSeconds: Int?
    /// When to place the calls, "YYYY-MM-DD HH:MM:SS" (sent as `call_place_tile`, the
    /// documented spelling); nil for now.
    public var callAt: String?
    public var responseFormat: ResponseFormat = .json
    /// Calls a minute; nil for the default (one every two seconds, or the cap if lower).
    public var callsPerMinute: Double?

    public init() {}

    /// Refuses values Xverify would refuse, and a pace above the configured cap.
    public func check(cap: Double) throws {
        if let redialCount, !(0...5).contains(redialCount) {
            throw PhoneBatchError.invalidOption("--redial-count takes 0 to 5 redials, not \(redialCount)")
        }
        if let redialIntervalSeconds, !(1...3600).contains(redialIntervalSeconds) {
            throw PhoneBatchError.invalidOption("--redial-interval takes 1 to 3600 seconds, not \(redialIntervalSeconds)")
        }
        if let callAt, !Self.isCallTime(callAt) {
            throw PhoneBatchError.invalidOption("--call-at takes a time as YYYY-MM-DD HH:MM:SS (such as 2026-11-23 09:30:00), not '\(callAt)'")
        }
        if let callsPerMinute {
            guard callsPerMinute > 0 else {
                throw PhoneBatchError.invalidOption("--calls-per-minute takes a number above 0")
            }
            guard callsPerMinute <= cap else {
                throw PhoneBatchError.invalidOption("--calls-per-minute \(Self.number(callsPerMinute)) is above the cap of \(Self.number(cap)) a minute (max_calls_per_minute in [xverify], or PHONEBATCH_XVERIFY_MAX_CALLS_PER_MINUTE); ask for fewer, or raise the cap")
            }
        }
    }

    /// Seconds between two calls: the pace asked for, never above the cap.
    public func interval(cap: Double) -> Double {
        60 / min(callsPerMinute ?? XverifyClient.defaultCallsPerMinute, cap)
    }

    /// As the audit keeps them with each call placed.
    var audit: JSONValue {
        [
            "redial_count": redialCount.map { .int($0) } ?? .null,
            "redial_interval": redialIntervalSeconds.map { .int($0) } ?? .null,
            "call_at": .optional(callAt),
            "format": .string(responseFormat.rawValue),
        ]
    }

    /// 30 -> "30", 0.5 -> "0.5"
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    static func isCallTime(_ text: String) -> Bool {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        guard let date = formatter.date(from: text) else { return false }
        // Round-trips exactly: 2026-02-30 is not a day.
        return formatter.string(from: date) == text
    }
}

import Glibc

/// UTC times as the database writes them: ISO 8601 with milliseconds.
public enum Timestamp {
    public static func now() -> String {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return format(seconds: Int(spec.tv_sec), milliseconds: Int(spec.tv_nsec / 1_000_000))
    }

    public static func format(seconds: Int, milliseconds: Int = 0) -> String {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))T"
            + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2)).\(pad(Int32(milliseconds), 3))Z"
    }

    /// Seconds on a clock that never goes backwards, for measuring durations.
    public static func monotonic() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}

extension Timestamp {
    /// The time `seconds` from now, formatted as `now()` is.
    public static func after(seconds: Double) -> String {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        let total = Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9 + seconds
        return format(seconds: Int(total), milliseconds: Int((total - total.rounded(.down)) * 1000))
    }
}

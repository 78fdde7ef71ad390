import Foundation

extension JobStatus {
    /// The status as a few labelled lines.
    public var text: String {
        var lines: [(String, String)] = []
        lines.append(("job", "\(inputPath) -> \(outputPath)"))
        let activity = stage == .done ? "finished" : "last activity \(Self.duration(idleSeconds)) ago"
        lines.append(("stage", "\(stage.rawValue) (\(activity)), provider \(provider)"))
        if let startedAt { lines.append(("elapsed", "\(Self.duration(elapsedSeconds)) since \(startedAt)")) }
        lines.append(("rows", "\(Self.count(rows)): \(Self.list(rowsByStatus))"))
        lines.append(("numbers", "\(Self.count(distinctNumbers)) distinct: \(Self.list(numbersByState))"))
        for batch in batches {
            lines.append(("batches", "\(batch.provider): \(Self.count(batch.done)) done, \(Self.count(batch.inFlight)) in flight, "
                + "\(Self.count(batch.waiting)) waiting, \(Self.count(batch.failed)) failed"))
        }
        for request in requests {
            lines.append(("requests", "\(request.provider): \(Self.count(request.requests)) requests, \(Self.count(request.units)) units; "
                + Self.list(request.byClass.map { ($0.0.replacingOccurrences(of: "_", with: " "), $0.1) })))
        }
        if numbersLeft > 0 || stage != .done {
            var left = "\(Self.count(numbersLeft)) numbers"
            if let recentRate {
                left += " at \(Self.rate(recentRate)) numbers/s"
                if let estimatedSecondsLeft { left += ": about \(Self.duration(estimatedSecondsLeft))" }
            }
            lines.append(("left", left))
        }
        lines.append(("database", databasePath))
        let width = lines.map(\.0.count).max() ?? 0
        return lines.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }.joined(separator: "\n")
    }

    static func list(_ pairs: [(String, Int)]) -> String {
        pairs.isEmpty ? "none" : pairs.map { "\($0.0) \(count($0.1))" }.joined(separator: ", ")
    }

    /// 1234567 -> "1,234,567"
    static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    static func rate(_ value: Double) -> String {
        value >= 100 ? String(Int(value.rounded())) : String(Double(Int(value * 10)) / 10)
    }

    /// 75 -> "1m 15s"; 3700 -> "1h 01m"
    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        if total < 60 { return "\(total)s" }
        if total < 3600 { return "\(total / 60)m \(String(format: "%02d", total % 60))s" }
        return "\(total / 3600)h \(String(format: "%02d", total % 3600 / 60))m"
    }
}

extension JobStatus {
    /// The status as a few labelled lines.
    public var text: String {
        var lines: [(String, String)] = []
        lines.append(("job", "\(inputPath) -> \(outputPath)"))
        let activity = stage == .done ? "finished" : "last activity \(Figures.duration(idleSeconds)) ago"
        lines.append(("stage", "\(stage.rawValue) (\(activity)), provider \(provider)"))
        if let startedAt { lines.append(("elapsed", "\(Figures.duration(elapsedSeconds)) since \(startedAt)")) }
        lines.append(("rows", "\(Figures.count(rows)): \(Self.list(rowsByStatus))"))
        lines.append(("numbers", "\(Figures.count(distinctNumbers)) distinct: \(Self.list(numbersByState))"))
        for batch in batches {
            lines.append(("batches", "\(batch.provider): \(Figures.count(batch.done)) done, \(Figures.count(batch.inFlight)) in flight, "
                + "\(Figures.count(batch.pending)) pending, \(Figures.count(batch.failed)) failed"))
        }
        for request in requests {
            lines.append(("requests", "\(request.provider): \(Figures.count(request.requests)) requests, \(Figures.count(request.units)) units; "
                + Self.list(request.byClass.map { ($0.0.replacingOccurrences(of: "_", with: " "), $0.1) })))
        }
        if numbersLeft > 0 || stage != .done {
            var left = "\(Figures.count(numbersLeft)) numbers"
            if let recentRate {
                left += " at \(Figures.rate(recentRate)) numbers/s"
                if let estimatedSecondsLeft { left += ": about \(Figures.duration(estimatedSecondsLeft))" }
            }
            lines.append(("left", left))
        }
        lines.append(("database", databasePath))
        return Figures.labelled(lines) + "\n\n" + summary.text
    }

    static func list(_ pairs: [(String, Int)]) -> String {
        pairs.isEmpty ? "none" : pairs.map { "\($0.0) \(Figures.count($0.1))" }.joined(separator: ", ")
    }
}

import Foundation

extension JobPlan {
    /// The plan as a few labelled lines.
    public var text: String {
        let count = JobStatus.count
        var lines: [(String, String)] = [
            ("rows", "\(count(rows)): \(count(empty)) empty, \(count(unparseable)) unparseable, \(count(invalid)) invalid, "
                + "\(count(malformed)) malformed"),
            ("numbers", "\(count(uniqueValidNumbers)) distinct valid; \(count(duplicates)) rows repeat a number (checked once)"),
        ]
        guard provider != ProviderCatalog.offline else {
            lines.append(("provider", "offline: checked locally, nothing is sent and nothing is charged"))
            return Self.render(lines)
        }
        lines.append(("send", "\(count(numbersToSend)) numbers to \(provider) in \(count(batches)) batches, about \(count(requests)) requests"))
        lines.append(("time", "about \(JobStatus.duration(estimatedSeconds)) at \(JobStatus.rate(requestsPerSecond)) requests/s"))
        if let estimatedCost {
            let items = pricing.items.map { "\($0.0) \(Self.money($0.1, pricing.currency))" }.joined(separator: " + ")
            lines.append(("cost", "about \(Self.money(estimatedCost, pricing.currency)) (\(count(numbersToSend)) x \(items))"))
        } else {
            lines.append(("cost", "unknown: set price_per_number in the [\(provider)] section of the config"))
        }
        return Self.render(lines)
    }

    static func render(_ lines: [(String, String)]) -> String {
        let width = lines.map(\.0.count).max() ?? 0
        return lines.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }.joined(separator: "\n")
    }

    static func money(_ value: Double, _ currency: String) -> String {
        let digits = value < 1 && value > 0 ? "%.4f" : "%.2f"
        return String(format: digits, value) + (currency.isEmpty ? "" : " \(currency)")
    }
}

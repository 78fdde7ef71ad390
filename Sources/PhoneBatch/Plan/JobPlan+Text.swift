extension JobPlan {
    /// The plan as a few labelled lines.
    public var text: String {
        let count = Figures.count
        var lines: [(String, String)] = [
            ("rows", "\(count(rows)): \(count(empty)) empty, \(count(unparseable)) unparseable, \(count(invalid)) invalid, "
                + "\(count(malformed)) malformed"),
            ("numbers", "\(count(uniqueValidNumbers)) distinct valid; \(count(duplicates)) rows repeat a number (checked once)"),
        ]
        guard provider != ProviderCatalog.offline else {
            lines.append(("provider", "offline: checked locally, nothing is sent and nothing is charged"))
            return Figures.labelled(lines)
        }
        lines.append(("send", "\(count(numbersToSend)) numbers to \(provider) in \(count(batches)) batches, about \(count(requests)) requests"))
        lines.append(("time", "about \(Figures.duration(estimatedSeconds)) at \(Figures.rate(requestsPerSecond)) requests/s"))
        if let estimatedCost {
            let items = pricing.items.map { "\($0.0) \(Figures.money($0.1, pricing.currency))" }.joined(separator: " + ")
            lines.append(("cost", "about \(Figures.money(estimatedCost, pricing.currency)) (\(count(numbersToSend)) x \(items))"))
        } else {
            lines.append(("cost", "unknown: set price_per_number in the [\(provider)] section of the config"))
        }
        return Figures.labelled(lines)
    }
}

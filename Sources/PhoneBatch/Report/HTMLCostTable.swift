/// What each provider was paid, as a `<table>`: requests, units, the config's unit price and
/// the cost, then a total per currency (prices in different currencies are never added up).
struct HTMLCostTable: Sendable {
    var spend: [JobReport.Spend]

    var html: String {
        guard !spend.isEmpty else { return "<p class=\"note\">No requests were sent to a provider: nothing was spent.</p>" }
        var html = "<table class=\"cost\"><thead><tr><th>provider</th><th class=\"num\">requests</th><th class=\"num\">units</th>"
            + "<th class=\"num\">price per unit</th><th class=\"num\">cost</th></tr></thead><tbody>"
        for item in spend {
            let price = item.pricePerUnit.map { HTMLText.escaped(Figures.money($0, item.currency)) }
                ?? "<span class=\"note\">no price in the config</span>"
            let cost = item.cost.map { HTMLText.escaped(Figures.money($0, item.currency)) } ?? "<span class=\"note\">unknown</span>"
            html += "<tr><td>\(HTMLText.escaped(item.provider))</td><td class=\"num\">\(Figures.count(item.requests))</td>"
                + "<td class=\"num\">\(Figures.count(item.units))</td><td class=\"num\">\(price)</td><td class=\"num\">\(cost)</td></tr>"
        }
        for currency in currencies {
            let items = spend.filter { $0.currency == currency }
            let priced = items.compactMap(\.cost)
            var cost = priced.isEmpty ? "unknown" : Figures.money(priced.reduce(0, +), currency)
            if !priced.isEmpty, priced.count < items.count { cost += " + unpriced" }
            let label = currency.isEmpty ? "total" : "total \(currency)"
            html += "<tr class=\"total\"><td>\(HTMLText.escaped(label))</td>"
                + "<td class=\"num\">\(Figures.count(items.reduce(0) { $0 + $1.requests }))</td>"
                + "<td class=\"num\">\(Figures.count(items.reduce(0) { $0 + $1.units }))</td><td></td>"
                + "<td class=\"num\">\(HTMLText.escaped(cost))</td></tr>"
        }
        return html + "</tbody></table>"
    }

    /// The currencies in the order the providers first name them.
    var currencies: [String] {
        var seen: [String] = []
        for item in spend where !seen.contains(item.currency) { seen.append(item.currency) }
        return seen
    }
}

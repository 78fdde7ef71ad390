extension JobReport {
    /// The report as one self-contained HTML page (`phonebatch report DB --out report.html`):
    /// inline CSS and inline SVG only, no scripts, no fonts, no links to anything, so it opens
    /// the same offline, from a mail attachment or years later. Every figure also appears in a
    /// plain table beside its chart.
    public var html: String {
        let name = Self.fileName(summary.inputPath)
        return """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTMLText.escaped(name)) · phonebatch report</title>
            <style>
            \(ReportStyle.css)
            </style>
            </head>
            <body>
            <main>
            \(header(title: name))
            \(tiles)
            \(breakdowns)
            \(timelineCard)
            \(costCard)
            <footer>Made by phonebatch on \(HTMLText.escaped(Self.readableTime(generatedAt))). All times are UTC.</footer>
            </main>
            </body>
            </html>

            """
    }

    private var costCard: String {
        let lede = spend.isEmpty ? "" : "<p class=\"lede\">Units times the price per unit in the config.</p>"
        return "<section class=\"card\"><h2>Cost</h2>\(lede)\(HTMLCostTable(spend: spend).html)</section>"
    }

    private func header(title: String) -> String {
        let done = summary.stage == .done
        let stage = done ? "done" : "\(summary.stage.rawValue) (not finished)"
        func fact(_ term: String, _ value: String, wide: Bool = false) -> String {
            "<dt>\(term)</dt><dd\(wide ? " class=\"wide\"" : "")>\(HTMLText.escaped(value))</dd>"
        }
        return "<header><p class=\"kicker\">phonebatch report</p><h1>\(HTMLText.escaped(title))</h1><dl class=\"facts\">"
            + fact("stage", stage) + fact("provider", summary.provider)
            + fact("started", startedAt.map(Self.readableTime) ?? "not yet")
            + fact(done || finishedAt == nil ? "finished" : "last event", finishedAt.map(Self.readableTime) ?? "not yet")
            + fact("elapsed", Figures.duration(elapsedSeconds)) + fact("report made", Self.readableTime(generatedAt))
            + fact("input", summary.inputPath, wide: true) + fact("output", summary.outputPath, wide: true)
            + fact("database", summary.databasePath, wide: true) + "</dl></header>"
    }

    private var tiles: String {
        func tile(_ label: String, _ value: String, _ hint: String) -> String {
            tileHTML(label, HTMLText.escaped(value), hint)
        }
        func tileHTML(_ label: String, _ value: String, _ hint: String) -> String {
            "<div class=\"tile\"><div class=\"label\">\(label)</div><div class=\"value\">\(value)</div>"
                + "<div class=\"hint\">\(HTMLText.escaped(hint))</div></div>"
        }
        func rows(_ status: String) -> Int { summary.byStatus.first { $0.0 == status }?.1 ?? 0 }
        let valid = rows("valid"), withNumber = valid + rows("invalid")
        let requests = spend.reduce(0) { $0 + $1.requests }, units = spend.reduce(0) { $0 + $1.units }
        let providers = spend.map(\.provider).joined(separator: ", ")
        return "<section class=\"tiles\">"
            + tile("rows", Figures.count(summary.rows), "in the input")
            + tile("valid rows", Figures.count(valid),
                   summary.rows == 0 ? "no rows yet" : "\(Figures.percent(valid, of: summary.rows)) of rows")
            + tile("distinct numbers", Figures.count(distinctNumbers), "on \(Figures.count(withNumber)) rows with a number")
            + tile("requests", Figures.count(requests), spend.isEmpty ? "none sent" : "to \(providers)")
            + tile("units", Figures.count(units), spend.isEmpty ? "none billed" : "what providers bill")
            + tileHTML("cost", costFigure.value, costFigure.hint)
            + "</section>"
    }

    /// The cost tile (value as HTML): a sum per currency of what has a price, each currency set
    /// smaller than its figure so that "228.47 EUR" fits a tile.
    private var costFigure: (value: String, hint: String) {
        guard !spend.isEmpty else { return ("none", "no provider was paid") }
        let table = HTMLCostTable(spend: spend)
        let sums = table.currencies.compactMap { currency -> String? in
            let costs = spend.filter { $0.currency == currency }.compactMap(\.cost)
            return costs.isEmpty ? nil : Figures.money(costs.reduce(0, +), "")
                + (currency.isEmpty ? "" : "<span class=\"unit\"> \(HTMLText.escaped(currency))</span>")
        }
        if sums.isEmpty { return ("unknown", "no price in the config") }
        let unpriced = spend.contains { $0.pricePerUnit == nil }
        // One line per currency, smaller when there are several, so no sum breaks across lines.
        let value = sums.map { "<span class=\"sum\(sums.count > 1 ? " several" : "")\">\($0)</span>" }.joined()
        return (value, unpriced ? "some providers have no price" : "at the config's prices")
    }

    private var breakdowns: String {
        let lineNote = summary.provider == "offline"
            ? "No line status: this job was checked offline, and only a provider can tell whether a line is live."
            : "No line status yet: no provider has answered."
        return breakdown("Rows by status", "What each input row became.", "status", "rows", summary.byStatus,
                         colours: ReportColours.status)
            + breakdown("Rows by number type", "Rows with a number, by the type of the number.", "type", "rows", summary.byType)
            + breakdown("Rows by region", "Rows with a number: the \(JobSummary.regionsShown) most common regions, then the rest as other.",
                        "region", "rows", summary.byRegion)
            + breakdown("Rows by line status", "Rows a provider answered, by whether the line is live.", "line status", "rows",
                        summary.byLineStatus, colours: ReportColours.lineStatus, whenEmpty: lineNote)
            + breakdown("Provider errors", "Failed requests by kind, and numbers given up on after repeated tries.",
                        "provider: what went wrong", "count", summary.providerErrors,
                        colours: [:], defaultColour: ReportColours.bad, whenEmpty: "None.")
    }

    private func breakdown(_ title: String, _ lede: String, _ heading: String, _ unit: String, _ counts: [(String, Int)],
                           colours: [String: String]? = nil, defaultColour: String = ReportColours.neutral,
                           whenEmpty: String = "Nothing to show.") -> String {
        var html = "<section class=\"card\"><h2>\(HTMLText.escaped(title))</h2>"
        guard !counts.isEmpty else { return html + "<p class=\"note\">\(HTMLText.escaped(whenEmpty))</p></section>" }
        let chart = SVGBarChart(title: title, bars: counts, colours: colours ?? [:], defaultColour: defaultColour)
        let table = HTMLCountTable(heading: heading, unit: unit, counts: counts, colours: colours, defaultColour: defaultColour)
        html += "<p class=\"lede\">\(HTMLText.escaped(lede))</p><div class=\"pair\"><div>\(chart.html)</div>\(table.html)</div>"
        return html + "</section>"
    }

    private var timelineCard: String {
        let chart = SVGTimeline(timeline: timeline)
        var html = "<section class=\"card\"><h2>Over time</h2>"
        guard !chart.buckets.isEmpty else { return html + chart.html + "</section>" }
        html += "<p class=\"lede\">Rows checked, numbers answered by a provider, and failed requests, \(chart.perBar).</p>"
            + "<figure>\(chart.html)<figcaption>\(HTMLText.escaped(chart.caption))</figcaption></figure>"
            + "<details><summary>The figures \(chart.perBar) (\(Figures.count(chart.buckets.count)) "
            + (chart.buckets.count == 1 ? "row" : "rows") + ")</summary>"
            + "<table><thead><tr><th>from (UTC)</th><th class=\"num\">rows read</th><th class=\"num\">numbers answered</th>"
            + "<th class=\"num\">requests</th><th class=\"num\">errors</th></tr></thead><tbody>"
        for bucket in chart.buckets {
            html += "<tr><td>\(HTMLText.escaped(SVGTimeline.readable(bucket.start)))</td>"
                + [bucket.rowsRead, bucket.numbersAnswered, bucket.requests, bucket.errors]
                    .map { "<td class=\"num\">\(Figures.count($0))</td>" }.joined() + "</tr>"
        }
        return html + "</tbody></table></details></section>"
    }

    /// "/data/in/contacts.csv" -> "contacts.csv"
    private static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// "2026-11-22T03:14:05.123Z" -> "2026-11-22 03:14:05 UTC"; anything else as it is.
    static func readableTime(_ timestamp: String) -> String {
        guard timestamp.hasSuffix("Z"), timestamp.contains("T") else { return timestamp }
        let seconds = timestamp.dropLast().split(separator: ".").first.map(String.init) ?? timestamp
        return seconds.replacingOccurrences(of: "T", with: " ") + " UTC"
    }
}

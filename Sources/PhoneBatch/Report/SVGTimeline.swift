/// The run minute by minute as inline SVG: three panels on one time axis (rows read, numbers
/// answered, errors), each on its own scale, so errors a thousand times rarer than rows still
/// show as bars. A long run is summed into buckets of a few minutes so there are at most
/// `maxBars` bars; the caption says so.
struct SVGTimeline: Sendable {
    /// One bar: `minutesPerBar` consecutive minutes summed (fewer in the last one).
    struct Bucket: Sendable {
        /// The first minute, "2026-11-22T03:14" (UTC).
        var start: String
        var rowsRead = 0
        var numbersAnswered = 0
        var requests = 0
        var errors = 0
    }

    static let maxBars = 240
    /// Bucket sizes that read naturally, tried in order.
    private static let bucketSizes = [1, 2, 3, 5, 10, 15, 20, 30, 60, 120, 180, 360, 720, 1440]

    let buckets: [Bucket]
    let minutesPerBar: Int
    /// Minutes from the first to the last event, quiet ones included.
    let minuteCount: Int
    private let minuteNames: [String]
    var width = 1040

    init(timeline: [JobReport.Minute]) {
        minuteCount = timeline.count
        minuteNames = timeline.map(\.minute)
        let count = timeline.count
        minutesPerBar = Self.bucketSizes.first { (count + $0 - 1) / $0 <= Self.maxBars }
            ?? 1440 * ((count + 1440 * Self.maxBars - 1) / (1440 * Self.maxBars))
        var buckets: [Bucket] = []
        for (index, minute) in timeline.enumerated() {
            if index % minutesPerBar == 0 { buckets.append(Bucket(start: minute.minute)) }
            buckets[buckets.count - 1].rowsRead += minute.rowsRead
            buckets[buckets.count - 1].numbersAnswered += minute.numbersAnswered
            buckets[buckets.count - 1].requests += minute.requests
            buckets[buckets.count - 1].errors += minute.errors
        }
        self.buckets = buckets
    }

    /// "per minute" or "per 5 minutes", for titles and table headings.
    var perBar: String { minutesPerBar == 1 ? "per minute" : "per \(minutesPerBar) minutes" }

    /// What the chart covers and how it is drawn, as plain text (to be escaped).
    var caption: String {
        guard let first = minuteNames.first, let last = minuteNames.last else { return "" }
        if minuteCount == 1 { return "One minute, \(Self.readable(first)) UTC." }
        let span = "from \(Self.readable(first)) to \(Self.readable(last)) UTC, \(Figures.count(minuteCount)) minutes"
        let bars = minutesPerBar == 1 ? "One bar per minute"
            : "Each bar sums \(minutesPerBar) minutes, to keep the chart to \(Self.maxBars) bars or fewer"
        return "\(bars), \(span). Each series has its own scale."
    }

    // MARK: Drawing

    private let left = 78.0, right = 28.0, titleHeight = 24.0, plotHeight = 84.0, panelGap = 16.0, axisHeight = 40.0

    /// The `<svg>`, or a note when nothing was recorded.
    var html: String {
        guard !buckets.isEmpty else { return "<p class=\"note\">No events recorded: nothing to draw over time.</p>" }
        let plotWidth = Double(width) - left - right
        let slot = plotWidth / Double(buckets.count)
        let ticks = tickMinutes(plotWidth: plotWidth)
        var panels = "", top = 0.0
        for series in Series.allCases {
            // A series that is zero throughout gets its title line ("none") and no empty plot.
            let drawn = buckets.contains { series.value($0) > 0 }
            panels += panel(series, top: top, slot: slot, plotWidth: plotWidth, ticks: ticks)
            top += titleHeight + (drawn ? plotHeight + panelGap : 0)
        }
        let height = top + axisHeight
        let label = "Rows read, numbers answered and errors \(perBar)"
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" width=\"\(width)\" height=\"\(SVGLayout.number(height))\" "
            + "viewBox=\"0 0 \(width) \(SVGLayout.number(height))\" font-size=\"12\" role=\"img\" aria-label=\"\(label)\">"
            + "<title>\(label)</title>" + panels + axis(ticks: ticks, slot: slot, top: top) + "</svg>"
    }

    private enum Series: CaseIterable {
        case rowsRead, numbersAnswered, errors

        var name: String {
            switch self {
            case .rowsRead: return "Rows read"
            case .numbersAnswered: return "Numbers answered"
            case .errors: return "Errors"
            }
        }

        var colour: String {
            switch self {
            case .rowsRead: return ReportColours.rowsRead
            case .numbersAnswered: return ReportColours.numbersAnswered
            case .errors: return ReportColours.errors
            }
        }

        func value(_ bucket: Bucket) -> Int {
            switch self {
            case .rowsRead: return bucket.rowsRead
            case .numbersAnswered: return bucket.numbersAnswered
            case .errors: return bucket.errors
            }
        }
    }

    private func panel(_ series: Series, top: Double, slot: Double, plotWidth: Double, ticks: [Int]) -> String {
        let values = buckets.map(series.value)
        let total = values.reduce(0, +), peak = values.max() ?? 0
        let plotTop = top + titleHeight, baseline = plotTop + plotHeight
        let requests = buckets.reduce(0) { $0 + $1.requests }
        var about = total == 0 ? "none" : "\(Figures.count(total)) in all, at most \(Figures.count(peak)) \(perBar)"
        if series == .numbersAnswered, total == 0, requests == 0 { about = "none: no provider was asked" }
        if series == .errors {
            about = requests == 0 && total == 0 ? "none: no requests sent"
                : "\(Figures.count(total)) of \(Figures.count(requests)) requests failed (\(Figures.percent(total, of: requests)))"
                    + (total == 0 ? "" : ", at most \(Figures.count(peak)) \(perBar)")
        }
        var svg = "<text x=\"\(SVGLayout.number(left))\" y=\"\(SVGLayout.number(top + 15))\" font-size=\"13\">"
            + "<tspan font-weight=\"600\" fill=\"\(series.colour)\">\(series.name)</tspan>"
            + "<tspan fill=\"#57606a\"> · \(HTMLText.escaped(about))</tspan></text>"
        guard peak > 0 else { return svg }
        for minute in ticks {
            let x = SVGLayout.number(tickX(minute, slot: slot))
            svg += "<line x1=\"\(x)\" x2=\"\(x)\" y1=\"\(SVGLayout.number(plotTop))\" y2=\"\(SVGLayout.number(baseline))\" stroke=\"#eef0f2\"/>"
        }
        let scale = Self.niceCeiling(peak)
        for level in Set([0, scale % 2 == 0 ? scale / 2 : 0, scale]).sorted() {
            let y = SVGLayout.number(baseline - Double(level) / Double(scale) * plotHeight)
            svg += "<line x1=\"\(SVGLayout.number(left))\" x2=\"\(SVGLayout.number(left + plotWidth))\" y1=\"\(y)\" y2=\"\(y)\" "
                + "stroke=\"\(level == 0 ? "#8c959f" : "#e1e4e8")\"/>"
                + "<text x=\"\(SVGLayout.number(left - 8))\" y=\"\(y)\" text-anchor=\"end\" dominant-baseline=\"central\" "
                + "fill=\"#57606a\" font-size=\"11\">\(Figures.count(level))</text>"
        }
        // A bar narrower than 3 pixels loses its gap; a single minute's bar stays slim.
        let barWidth = min(slot >= 3 ? slot * 0.8 : slot, 36)
        for (index, value) in values.enumerated() where value > 0 {
            let barHeight = max(1.5, Double(value) / Double(scale) * plotHeight)
            let x = left + Double(index) * slot + (slot - barWidth) / 2
            svg += "<rect x=\"\(SVGLayout.number(x))\" y=\"\(SVGLayout.number(baseline - barHeight))\" width=\"\(SVGLayout.number(barWidth))\" "
                + "height=\"\(SVGLayout.number(barHeight))\" fill=\"\(series.colour)\"><title>"
                + "\(HTMLText.escaped(Self.readable(buckets[index].start))): \(Figures.count(value))</title></rect>"
        }
        return svg
    }

    /// Time labels under the last panel: HH:MM, with the date under the first and wherever it changes.
    private func axis(ticks: [Int], slot: Double, top: Double) -> String {
        var svg = "", lastDate = ""
        for minute in ticks {
            let name = minuteNames[minute]
            let parts = name.split(separator: "T", maxSplits: 1).map(String.init)
            let time = parts.count == 2 ? String(parts[1].prefix(5)) : name
            let x = SVGLayout.number(tickX(minute, slot: slot))
            svg += "<text x=\"\(x)\" y=\"\(SVGLayout.number(top + 4))\" text-anchor=\"middle\" dominant-baseline=\"hanging\" "
                + "fill=\"#24292f\" font-size=\"11\">\(HTMLText.escaped(time))</text>"
            if parts.count == 2, parts[0] != lastDate {
                lastDate = parts[0]
                svg += "<text x=\"\(x)\" y=\"\(SVGLayout.number(top + 19))\" text-anchor=\"middle\" dominant-baseline=\"hanging\" "
                    + "fill=\"#57606a\" font-size=\"10\">\(HTMLText.escaped(parts[0]))</text>"
            }
        }
        return svg
    }

    /// The x of a minute: a one-minute bar's middle, or a bucket's left edge.
    private func tickX(_ minute: Int, slot: Double) -> Double {
        let offset = minutesPerBar == 1 ? Double(minute) + 0.5 : Double(minute)
        return left + offset / Double(minutesPerBar) * slot
    }

    /// The minutes (indexes into the timeline) to label: on round clock times, about 90 pixels apart.
    private func tickMinutes(plotWidth: Double) -> [Int] {
        let most = max(1, Int(plotWidth / 90))
        let intervals = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440]
        let interval = intervals.first { (minuteCount + $0 - 1) / $0 <= most }
            ?? 1440 * ((minuteCount + 1440 * most - 1) / (1440 * most))
        let firstOfDay = minuteNames.first.flatMap(Self.minuteOfDay) ?? 0
        let ticks = (0..<minuteCount).filter { (firstOfDay + $0) % interval == 0 }
        return ticks.isEmpty ? [0] : ticks
    }

    /// "2026-11-22T03:14" -> 194.
    private static func minuteOfDay(_ name: String) -> Int? {
        guard let t = name.firstIndex(of: "T") else { return nil }
        let clock = name[name.index(after: t)...].prefix(5).split(separator: ":")
        guard clock.count == 2, let hours = Int(clock[0]), let minutes = Int(clock[1]) else { return nil }
        return hours * 60 + minutes
    }

    /// "2026-11-22T03:14" -> "2026-11-22 03:14".
    static func readable(_ name: String) -> String { name.replacingOccurrences(of: "T", with: " ") }

    /// The top of a panel's scale: the smallest round figure at or above `value` (1, 1.2, 1.5,
    /// 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten), so the tallest bar nearly fills its panel.
    private static func niceCeiling(_ value: Int) -> Int {
        if value <= 10 { return max(1, value) }
        var power = 1
        while true {
            for step in [10, 12, 15, 20, 25, 30, 40, 50, 60, 80] where step * power >= value { return step * power }
            power *= 10
        }
    }
}

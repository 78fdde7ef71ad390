/// A horizontal bar chart as inline SVG, one row per (label, count): the label, a bar scaled
/// to the largest count, then the count and its share of the chart's total. Its height follows
/// the number of bars, so a short breakdown stays short.
struct SVGBarChart: Sendable {
    /// What the chart shows ("Rows by status"): its `<title>` and `aria-label`.
    var title: String
    /// Most first, as the summary gives them.
    var bars: [(String, Int)]
    /// Fill by label; a label missing here is drawn in `defaultColour`.
    var colours: [String: String] = [:]
    var defaultColour = ReportColours.neutral
    var width = 560

    private let fontSize = 13.0
    private let rowHeight = 26.0
    private let barHeight = 16.0
    /// Labels longer than this are cut (the tooltip and the table beside the chart keep them whole).
    private let maxLabelWidth = 200.0

    /// The `<svg>`, or a one-line note when there is nothing to draw.
    var html: String {
        guard !bars.isEmpty else { return "<p class=\"note\">Nothing to show.</p>" }
        let total = bars.reduce(0) { $0 + $1.1 }
        let largest = max(1, bars.map(\.1).max() ?? 1)
        let values = bars.map { "\(Figures.count($0.1)) (\(Figures.percent($0.1, of: total)))" }
        let labelWidth = min(maxLabelWidth, bars.map { SVGLayout.textWidth($0.0, fontSize: fontSize) }.max() ?? 0) + 10
        let valueWidth = (values.map { SVGLayout.textWidth($0, fontSize: fontSize) }.max() ?? 0) + 10
        let barSpace = max(40, Double(width) - labelWidth - valueWidth)
        let height = Double(bars.count) * rowHeight + 8

        let title = HTMLText.escaped(self.title)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bars\" width=\"\(width)\" height=\"\(SVGLayout.number(height))\" "
            + "viewBox=\"0 0 \(width) \(SVGLayout.number(height))\" font-size=\"\(SVGLayout.number(fontSize))\" "
            + "role=\"img\" aria-label=\"\(title)\"><title>\(title)</title>"
        for (index, (label, count)) in bars.enumerated() {
            let top = 4 + Double(index) * rowHeight
            let middle = top + rowHeight / 2
            let length = count == 0 ? 0 : max(2, Double(count) / Double(largest) * barSpace)
            let colour = colours[label] ?? defaultColour
            let shown = SVGLayout.fitted(label, width: maxLabelWidth, fontSize: fontSize)
            svg += "<g><title>\(HTMLText.escaped("\(label): \(values[index])"))</title>"
            svg += "<text x=\"\(SVGLayout.number(labelWidth - 8))\" y=\"\(SVGLayout.number(middle))\" text-anchor=\"end\" "
                + "dominant-baseline=\"central\" fill=\"#24292f\">\(HTMLText.escaped(shown))</text>"
            svg += "<rect x=\"\(SVGLayout.number(labelWidth))\" y=\"\(SVGLayout.number(middle - barHeight / 2))\" "
                + "width=\"\(SVGLayout.number(length))\" height=\"\(SVGLayout.number(barHeight))\" rx=\"2\" fill=\"\(colour)\"/>"
            svg += "<text x=\"\(SVGLayout.number(labelWidth + length + 6))\" y=\"\(SVGLayout.number(middle))\" "
                + "dominant-baseline=\"central\" fill=\"#57606a\">\(HTMLText.escaped(values[index]))</text></g>"
        }
        return svg + "</svg>"
    }
}

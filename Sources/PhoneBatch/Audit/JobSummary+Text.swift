extension JobSummary {
    /// The summary as a small table: the breakdowns two abreast (status and type, region and
    /// line status, then provider errors), each line a name, its rows and their share of
    /// all rows; then where the output is.
    public var text: String {
        var sections: [(String, [(String, Int)])] = [("status", byStatus), ("type", byType), ("region", byRegion)]
        if !byLineStatus.isEmpty { sections.append(("line status", byLineStatus)) }
        if provider != "offline" || !providerErrors.isEmpty { sections.append(("provider errors", providerErrors)) }
        let blocks = sections.map { block(title: $0.0, pairs: $0.1, shares: $0.0 != "provider errors") }
        var lines: [String] = []
        for index in stride(from: 0, to: blocks.count, by: 2) {
            let left = blocks[index], right = index + 1 < blocks.count ? blocks[index + 1] : []
            let width = left.map(\.count).max() ?? 0
            for row in 0..<max(left.count, right.count) {
                let leftText = row < left.count ? left[row] : ""
                let rightText = row < right.count ? right[row] : ""
                lines.append(rightText.isEmpty ? leftText : leftText.padding(toLength: width, withPad: " ", startingAt: 0) + "    " + rightText)
            }
        }
        lines.append("output  \(outputPath)")
        return lines.map { $0.replacing(/\s+$/, with: "") }.joined(separator: "\n")
    }

    /// One breakdown: its title over the count column, then a line per name.
    private func block(title: String, pairs: [(String, Int)], shares: Bool) -> [String] {
        let entries = pairs.isEmpty ? [("none", "", "")] : pairs.map {
            ($0.0, Figures.count($0.1), shares ? Figures.percent($0.1, of: rows) : "")
        }
        let nameWidth = max(entries.map(\.0.count).max() ?? 0, title.count - 4) + 2
        let countWidth = max(entries.map(\.1.count).max() ?? 0, 4)
        let shareWidth = entries.map(\.2.count).max() ?? 0
        func pad(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - text.count)) + text }
        let head = title.padding(toLength: nameWidth + countWidth - 4, withPad: " ", startingAt: 0) + "rows"
        return [head.padding(toLength: nameWidth + countWidth + (shareWidth > 0 ? shareWidth + 2 : 0), withPad: " ", startingAt: 0)]
            + entries.map { name, count, share in
                name.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + pad(count, countWidth)
                    + (shareWidth > 0 ? "  " + pad(share, shareWidth) : "")
            }
    }
}

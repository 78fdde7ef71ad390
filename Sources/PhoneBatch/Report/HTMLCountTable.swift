/// A breakdown as a plain `<table>` (name, count, share), set beside its chart so the figures
/// read without the picture, copy into a spreadsheet, and survive a black-and-white print.
struct HTMLCountTable: Sendable {
    /// The first column's heading ("status", "region").
    var heading: String
    /// What is counted ("rows", "requests").
    var unit: String
    var counts: [(String, Int)]
    /// A swatch of each row's bar colour, tying the table to its chart; none when nil.
    var colours: [String: String]? = nil
    var defaultColour = ReportColours.neutral

    var html: String {
        let total = counts.reduce(0) { $0 + $1.1 }
        var html = "<table class=\"counts\"><thead><tr><th>\(HTMLText.escaped(heading))</th>"
            + "<th class=\"num\">\(HTMLText.escaped(unit))</th><th class=\"num\">share</th></tr></thead><tbody>"
        for (name, count) in counts {
            let swatch = colours.map { "<span class=\"swatch\" style=\"background:\($0[name] ?? defaultColour)\"></span>" } ?? ""
            html += "<tr><td>\(swatch)\(HTMLText.escaped(name))</td><td class=\"num\">\(Figures.count(count))</td>"
                + "<td class=\"num\">\(HTMLText.escaped(Figures.percent(count, of: total)))</td></tr>"
        }
        if counts.count > 1 {
            html += "<tr class=\"total\"><td>total</td><td class=\"num\">\(Figures.count(total))</td><td class=\"num\">100.0%</td></tr>"
        }
        return html + "</tbody></table>"
    }
}

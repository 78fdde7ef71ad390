import Foundation

extension Figures {
    /// A part's share of a total: "61.7%". A sliver that would round to "0.0%" reads "<0.1%"
    /// (so a handful of errors never looks like none); a share of nothing reads "–".
    /// The result can hold "<": escape it before it goes into HTML.
    static func percent(_ part: Int, of total: Int) -> String {
        guard total > 0 else { return "–" }
        let share = Double(part) / Double(total) * 100
        if part > 0, share < 0.05 { return "<0.1%" }
        return String(format: "%.1f%%", share)
    }
}

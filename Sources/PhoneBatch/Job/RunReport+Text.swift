import Foundation

extension RunReport {
    /// What a run prints at the end: how much it checked, the summary table, and where the
    /// database is.
    public var text: String {
        var lines = ["checked \(Figures.count(counts.rows)) rows in \(seconds < 10 ? String(format: "%.1fs", seconds) : Figures.duration(seconds)): "
                     + "\(Figures.count(counts.distinctNumbers)) distinct numbers, "
                     + "\(Figures.count(counts.duplicateRows)) rows repeat a number checked once"]
        lines.append(summary.text)
        if output.only != .all { lines.append("kept    \(Figures.count(output.rows)) \(output.only.rawValue) rows (--only)") }
        if let rejectsPath = output.rejectsPath { lines.append("rejects \(Figures.count(output.rejects)) rows to \(rejectsPath)") }
        lines.append("database  \(databasePath)")
        return lines.joined(separator: "\n")
    }
}

extension RunReport {
    /// The few lines a run prints at the end.
    public var text: String {
        var lines = ["checked \(counts.rows) rows in \(Self.seconds(seconds))"]
        let order = ["valid", "invalid", "unparseable", "empty", "malformed"]
        let statuses = order.filter { counts.rowsByStatus[$0] != nil }
            + counts.rowsByStatus.keys.filter { !order.contains($0) }.sorted()
        let width = statuses.map(\.count).max() ?? 0
        for status in statuses {
            let count = String(counts.rowsByStatus[status] ?? 0)
            lines.append("  \(status.padding(toLength: width, withPad: " ", startingAt: 0))  \(String(repeating: " ", count: max(0, 9 - count.count)))\(count)")
        }
        lines.append("\(counts.distinctNumbers) distinct numbers; \(counts.duplicateRows) rows repeat a number checked once")
        lines.append("output:   \(output.path)")
        lines.append("database: \(databasePath)")
        return lines.joined(separator: "\n")
    }

    static func seconds(_ value: Double) -> String {
        value < 10 ? "\(Double(Int(value * 100)) / 100) s" : "\(Int(value.rounded())) s"
    }
}

import Foundation

/// What `confirm place` did.
public struct PlacementReport: Sendable {
    public var calls: CallCounts
    public var output: ExportReport
    public var databasePath: String
    public var seconds: Double

    public var text: String {
        var lines = ["calls: \(calls.placed) placed, \(calls.refused) refused, \(calls.inDoubt) in doubt; \(calls.rowsNotCalled) rows not called"]
        if calls.inDoubt > 0 {
            lines.append("calls in doubt may have rung: they are not placed again unless you pass --retry-in-doubt")
        }
        lines.append(output.text)
        lines.append("database: \(databasePath)")
        return lines.joined(separator: "\n")
    }
}

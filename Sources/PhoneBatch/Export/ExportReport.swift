/// What an export wrote, and where.
public struct ExportReport: Sendable {
    public var path: String
    public var format: OutputFormat
    /// Rows written to the output (all of them, unless `--only`).
    public var rows: Int
    /// Which rows it kept (`--only`).
    public var only: RowVerdict.Selection = .all
    public var rejectsPath: String?
    /// Rows written to the rejects file.
    public var rejects = 0
    /// Every row counted by status, type, region and line status, as it went by.
    public var breakdowns = RowBreakdowns()
}

extension ExportReport {
    /// "wrote 302 rows to PATH", and the rejects when there is a rejects file.
    public var text: String {
        var text = "wrote \(Figures.count(rows)) rows to \(path)"
        if let rejectsPath { text += "\nwrote \(Figures.count(rejects)) rows that could not be checked to \(rejectsPath)" }
        return text
    }
}

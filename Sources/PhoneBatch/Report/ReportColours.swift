/// The report's colours, chosen to stay apart for most colour-blind readers and in grey print:
/// verdicts read as traffic lights (valid green, doubtful amber/orange, broken red, empty grey).
enum ReportColours {
    /// Bars whose label carries no meaning of its own (number types, regions).
    static let neutral = "#3f6fa8"
    static let good = "#2e7d32"
    static let amber = "#d99a00"
    static let orange = "#e0650b"
    static let bad = "#c62828"
    static let grey = "#9aa0a6"

    /// By `pb_status`.
    static let status: [String: String] = [
        "valid": good, "invalid": amber, "unparseable": orange, "empty": grey, "malformed": bad,
    ]

    /// By `pb_line_status` (LineStatus's raw values).
    static let lineStatus: [String: String] = [
        "connected": good, "disconnected": bad, "unreachable": amber, "busy": "#7b5ea7",
        "no_coverage": grey, "invalid": orange, "unknown": "#607d8b",
    ]

    /// The timeline's series.
    static let rowsRead = neutral
    static let numbersAnswered = good
    static let errors = bad
}

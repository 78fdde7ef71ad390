/// What `confirm verify` did.
public struct VerificationReport: Sendable {
    /// Rows by `pb_confirm_status`.
    public var counts: [String: Int]
    public var output: ExportReport
    public var databasePath: String

    public var text: String {
        let statuses = CheckStatus.allCases.map { "\(counts[$0.rawValue] ?? 0) \($0.rawValue)" }
        return ["codes: " + statuses.joined(separator: ", "), output.text, "database: \(databasePath)"].joined(separator: "\n")
    }
}

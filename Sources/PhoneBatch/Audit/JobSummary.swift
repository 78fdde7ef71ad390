/// The picture of a job at a glance, for the end of a run, `status` and the report: its rows
/// broken down by verdict, number type, region and line status, and what went wrong with the
/// providers. Rows are counted as the output has them (a number on three rows counts three).
public struct JobSummary: Sendable {
    public var inputPath: String
    public var outputPath: String
    public var databasePath: String
    public var provider: String
    public var stage: JobStage
    public var rows: Int
    /// Rows by `pb_status`, most first.
    public var byStatus: [(String, Int)]
    /// Rows with a number, by `pb_type`, most first.
    public var byType: [(String, Int)]
    /// Rows with a number, by `pb_region`: the ten most common, then "other" for the rest.
    public var byRegion: [(String, Int)]
    /// Rows a provider answered, by `pb_line_status`, most first; empty for offline jobs.
    public var byLineStatus: [(String, Int)]
    /// What went wrong with the providers, most first: requests by failure class
    /// ("harmony: server_error") and numbers given up on ("harmony: no answer").
    public var providerErrors: [(String, Int)]

    /// Regions listed by name before the rest are summed as "other".
    public static let regionsShown = 10
}

extension JobSummary {
    /// The machine-readable form, inside `status --json` and the report.
    public var json: JSONValue {
        func counts(_ pairs: [(String, Int)]) -> JSONValue { .object(pairs.map { ($0.0, .int($0.1)) }) }
        return [
            "output": .string(outputPath),
            "rows": .int(rows),
            "by_status": counts(byStatus),
            "by_type": counts(byType),
            "by_region": counts(byRegion),
            "by_line_status": counts(byLineStatus),
            "provider_errors": counts(providerErrors),
        ]
    }
}

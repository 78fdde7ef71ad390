/// The `job` row: what was asked, of which input, and how far ingest has come.
public struct JobRecord: Sendable, Equatable {
    public var input: InputFingerprint
    public var outputPath: String
    public var format: OutputFormat
    public var provider: String
    public var optionsJSON: String
    public var dialect: CSVDialect
    public var header: [String]
    public var phoneColumn: Int
    public var countryColumn: Int?
    public var defaultRegion: String?
    public var stage: JobStage
    public var ingestCheckpoint: IngestCheckpoint
    /// Random, unique to this job: part of every batch reference sent to a provider.
    public var token: String
}

/// Where ingest resumes: the first row not yet ingested.
public struct IngestCheckpoint: Sendable, Equatable {
    public var offset: Int64
    public var nextRow: Int
    public var nextLine: Int
}

extension JobRecord {
    /// The output choices of the latest run, kept among its options.
    public var outputChoices: OutputChoices {
        OutputChoices(stored: (try? JSONValue(parsing: optionsJSON)) ?? .null)
    }
}

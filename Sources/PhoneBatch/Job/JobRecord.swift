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
    /// The metadata release whose rules judged the job's numbers ("9.0.43").
    public var metadataVersion: String = NumberEngine.metadataVersion
}

/// Where ingest resumes: the first row not yet ingested.
public struct IngestCheckpoint: Sendable, Equatable {
    public var offset: Int64
    public var nextRow: Int
    public var nextLine: Int

    /// The first data row of the input: just after its header.
    static func afterHeader(of path: String, dialect: CSVDialect) throws -> IngestCheckpoint {
        let reader = try CSVReader(path: path, dialect: dialect)
        var record = CSVRecord()
        guard try reader.read(into: &record) else { throw PhoneBatchError.notCSV(path: path, reason: "it has no rows") }
        return IngestCheckpoint(offset: record.endOffset, nextRow: 2, nextLine: reader.currentLine)
    }
}

extension JobRecord {
    /// The output choices of the latest run, kept among its options.
    public var outputChoices: OutputChoices {
        OutputChoices(stored: (try? JSONValue(parsing: optionsJSON)) ?? .null)
    }
}

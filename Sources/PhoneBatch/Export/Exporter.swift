/// Writes the output: the input streamed again in order, each row followed by its results
/// from the database, duplicates included. Reads only the database and the input, so it can
/// run again at any time and gives the same bytes.
public struct Exporter {
    let store: Store
    let job: JobRecord

    public init(store: Store, job: JobRecord) {
        self.store = store
        self.job = job
    }

    /// Writes to `path` (the job's output when nil) in `format` (the job's when nil).
    /// Refuses when the input differs from the one ingested.
    @discardableResult
    public func export(to path: String? = nil, format: OutputFormat? = nil) throws -> ExportReport {
        let destination = path ?? job.outputPath
        let format = format ?? job.format
        guard destination != job.input.path else { throw PhoneBatchError.outputWouldOverwriteInput(path: destination) }
        guard destination != store.path else {
            throw PhoneBatchError.invalidOption("the output would overwrite the database \(store.path); choose another path with --out")
        }
        guard try InputFingerprint.of(path: job.input.path) == job.input else {
            throw PhoneBatchError.inputChanged(path: job.input.path)
        }

        let reader = try CSVReader(path: job.input.path, dialect: job.dialect)
        var record = CSVRecord()
        guard try reader.read(into: &record) else { throw PhoneBatchError.inputChanged(path: job.input.path) }
        let writer: any RowWriter = switch format {
        case .csv: CSVRowWriter(dialect: job.dialect, fieldCount: job.header.count)
        case .jsonl: JSONLRowWriter(header: job.header)
        }
        let output = try OutputFile(path: destination)
        try output.withBuffer { writer.header(record, to: &$0) }

        let cursor = try store.rowResults()
        var expectedRow = 2
        while try reader.read(into: &record) {
            guard let rowNo = try cursor.next(), rowNo == expectedRow else {
                throw PhoneBatchError.inputChanged(path: job.input.path)
            }
            let values = ResultValues(values: cursor.values())
            try output.withBuffer { writer.row(record, results: values, to: &$0) }
            expectedRow += 1
        }
        guard try cursor.next() == nil else { throw PhoneBatchError.inputChanged(path: job.input.path) }
        try output.commit()
        let report = ExportReport(path: destination, format: format, rows: expectedRow - 2)
        try store.recordExport(report)
        return report
    }
}

public struct ExportReport: Sendable, Equatable {
    public var path: String
    public var format: OutputFormat
    public var rows: Int
}

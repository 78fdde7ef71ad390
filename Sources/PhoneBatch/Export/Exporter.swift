/// Writes the output: the input streamed again in order, each row followed by its results
/// from the database, duplicates included. Reads only the database and the input, so it can
/// run again at any time and gives the same bytes.
public struct Exporter {
    let store: Store
    let source: ExportSource

    public init(store: Store, source: ExportSource) {
        self.store = store
        self.source = source
    }

    public init(store: Store, job: JobRecord) {
        self.init(store: store, source: ExportSource(job: job))
    }

    /// Writes to `path` (the source's output when nil) in `format` (the source's when nil),
    /// with `choices` (the source's when nil). Refuses when the input differs from the one
    /// read.
    @discardableResult
    public func export(to path: String? = nil, format: OutputFormat? = nil, choices: OutputChoices? = nil) throws -> ExportReport {
        let input = source.input
        let destination = path ?? source.outputPath
        let format = format ?? source.format
        let choices = choices ?? source.choices
        guard destination != input.path else { throw PhoneBatchError.outputWouldOverwriteInput(path: destination) }
        guard destination != store.path else {
            throw PhoneBatchError.invalidOption("the output would overwrite the database \(store.path); choose another path with --out")
        }
        guard source.columns.isVerdict || choices == OutputChoices() else {
            throw PhoneBatchError.invalidOption("--only, --rejects and --excel-safe apply to the output of `run`, not to Phone Confirm's")
        }
        try choices.check(format: format, outputPath: destination, inputPath: input.path, databasePath: store.path)
        guard try InputFingerprint.of(path: input.path) == input else {
            throw PhoneBatchError.inputChanged(path: input.path)
        }

        let reader = try CSVReader(path: input.path, dialect: source.dialect)
        var record = CSVRecord()
        guard try reader.read(into: &record) else { throw PhoneBatchError.inputChanged(path: input.path) }
        let phoneColumn = source.phoneColumn ?? -1
        let output = try Destination(path: destination, writer: writer(format, columns: source.columns.names,
                                                                      excelSafe: choices.excelSafe ? .output(phoneColumn: phoneColumn) : nil))
        let rejects = try choices.rejectsPath.map {
            try Destination(path: $0, writer: writer(format, columns: RejectColumns.names,
                                                     excelSafe: choices.excelSafe ? RejectColumns.excelSafe(phoneColumn: phoneColumn) : nil))
        }
        try output.header(record)
        try rejects?.header(record)

        var writing = Stopwatch()
        let breakdowns = try writing.time {
            let breakdowns = try writeRows(reader: reader, after: &record, to: output, rejects: rejects, choices: choices)
            try output.file.commit()
            try rejects?.file.commit()
            return breakdowns
        }
        let report = ExportReport(path: destination, format: format, rows: output.rows, only: choices.only,
                                  rejectsPath: rejects?.file.path, rejects: rejects?.rows ?? 0, breakdowns: breakdowns)
        try store.recordExport(report, seconds: writing.seconds)
        return report
    }

    /// Writes every row after the header, each with its results, and counts the rows'
    /// breakdowns. Throws `inputChanged` when the input and the database disagree on the rows.
    private func writeRows(reader: CSVReader, after record: inout CSVRecord, to output: Destination, rejects: Destination?,
                           choices: OutputChoices) throws -> RowBreakdowns {
        let inputPath = source.input.path
        let results = ResultPrefetch(cursor: try store.rowResults(source.columns), columns: source.columns.names.count)
        defer { results.stop() }
        let sorting = choices.only != .all || rejects != nil
        let counting = source.columns.isVerdict
        var breakdowns = RowBreakdowns()
        var expectedRow = 2
        while let block = try results.next() {
            try block.forEachRow { rowNo, values in
                guard try reader.read(into: &record), rowNo == expectedRow else {
                    throw PhoneBatchError.inputChanged(path: inputPath)
                }
                if counting { breakdowns.add(values) }
                let verdict = sorting ? RowVerdict.of(values, sentToProvider: source.sentToProvider) : .valid
                if choices.only.keeps(verdict) {
                    try output.row(record, results: ResultValues(values: values))
                }
                if verdict == .unchecked, let rejects {
                    try RejectColumns.withValues(rowNo: rowNo, results: values) { try rejects.row(record, results: $0) }
                }
                expectedRow += 1
            }
        }
        guard try !reader.read(into: &record) else { throw PhoneBatchError.inputChanged(path: inputPath) }
        return breakdowns
    }

    private func writer(_ format: OutputFormat, columns: [String], excelSafe: ExcelSafeColumns?) -> any RowWriter {
        switch format {
        case .csv: CSVRowWriter(dialect: source.dialect, fieldCount: source.header.count, columns: columns, excelSafe: excelSafe)
        case .jsonl: JSONLRowWriter(header: source.header, columns: columns)
        }
    }

    /// A file being written, with its writer and how many rows it has.
    private final class Destination {
        let file: OutputFile
        let writer: any RowWriter
        private(set) var rows = 0

        init(path: String, writer: any RowWriter) throws {
            file = try OutputFile(path: path)
            self.writer = writer
        }

        func header(_ record: CSVRecord) throws {
            try file.withBuffer { writer.header(record, to: &$0) }
        }

        func row(_ record: CSVRecord, results: ResultValues) throws {
            try file.withBuffer { writer.row(record, results: results, to: &$0) }
            rows += 1
        }
    }
}

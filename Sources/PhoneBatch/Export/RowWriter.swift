/// Writes output rows in one format. The exporter hands it each input row with its results.
protocol RowWriter {
    /// The header row (CSV) or nothing (JSONL, whose keys come from the header).
    func header(_ record: CSVRecord, to out: inout [UInt8])
    /// One row: the input record, then the result values (nil where the database has NULL).
    func row(_ record: CSVRecord, results: ResultValues, to out: inout [UInt8])
}

/// The values of the result columns for one row, as UTF-8 bytes borrowed from the database
/// cursor: valid until it moves.
struct ResultValues {
    let values: [UnsafeRawBufferPointer?]
}

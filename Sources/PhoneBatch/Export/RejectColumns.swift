/// The rejects file (`--rejects FILE`): the rows that could not be checked (see
/// `RowVerdict.unchecked`), each as it was written in the input, followed by its row number
/// (as a spreadsheet numbers it, the header being row 1), its `pb_status` and why.
enum RejectColumns {
    static let names = ["pb_row", "pb_status", "pb_error"]

    /// `--excel-safe` in the rejects file: the phone column only.
    static func excelSafe(phoneColumn: Int) -> ExcelSafeColumns {
        ExcelSafeColumns(inputFields: [phoneColumn], appendedColumns: [])
    }

    private static let status = ResultColumns.names.firstIndex(of: "pb_status")!
    private static let error = ResultColumns.names.firstIndex(of: "pb_error")!

    /// The reason of a row whose `pb_error` is empty: only an empty phone field has none.
    private static let emptyReason = Array("the phone field is empty".utf8)

    /// The rejects columns of a row, from its result values, for `body`.
    static func withValues(rowNo: Int, results: [UnsafeRawBufferPointer?], _ body: (ResultValues) throws -> Void) throws {
        try Array(String(rowNo).utf8).withUnsafeBytes { number in
            try emptyReason.withUnsafeBytes { emptyReason in
                try body(ResultValues(values: [number, results[status], results[error] ?? emptyReason]))
            }
        }
    }
}

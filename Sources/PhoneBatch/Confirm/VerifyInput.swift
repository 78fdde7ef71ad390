/// A file `confirm verify` read, as the database keeps it.
public struct VerifyInput: Sendable, Equatable {
    public var id: Int64
    public var input: InputFingerprint
    public var outputPath: String
    public var format: OutputFormat
    public var dialect: CSVDialect
    public var header: [String]
    public var phoneColumn: Int?
    public var transactionColumn: Int?
    public var codeColumn: Int
    /// `check` until every code has its answer, then `done`.
    public var isDone: Bool

    /// Its output: the input's rows with what Xverify said of each code.
    public var exportSource: ExportSource {
        ExportSource(input: input, dialect: dialect, header: header, phoneColumn: phoneColumn, outputPath: outputPath,
                     format: format, columns: .confirmVerify(inputID: id))
    }
}
